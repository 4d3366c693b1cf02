import * as React from "react";
import { Button, Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import type { Proposal } from "../actions";
import { LevelChoice, type Level } from "../shared/LevelChoice";
import { count } from "../shared/plural";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  conflict: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    paddingInlineStart: tokens.spacingHorizontalXXL,
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

const proposalKey = (p: Proposal) => `${p.sheet}|${p.code}|${p.address}`;

/**
 * Scan proposals for review. Proposals without a conflict start ticked; a
 * conflict (another cell bound to the line, or the code printed twice) must be
 * ticked by hand. Nothing is created until "Create names".
 */
export function ScanReview({
  proposals,
  level,
  onLevelChange,
  busy,
  onApply,
  onDiscard,
}: {
  proposals: Proposal[];
  level: Level;
  onLevelChange: (level: Level) => void;
  busy: boolean;
  onApply: (chosen: Proposal[]) => void;
  onDiscard: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const summary = React.useRef<HTMLElement>(null);
  // The Scan button this replaces had focus: move it to what the scan found.
  React.useEffect(() => summary.current?.focus(), []);
  const [chosen, setChosen] = React.useState(
    () => new Set(proposals.filter((p) => p.conflict === null).map(proposalKey))
  );
  if (proposals.length === 0) {
    return (
      <Text ref={summary} tabIndex={-1}>
        No unbound line codes with an amount to their left were found on the active sheet.{" "}
        <Button size="small" onClick={onDiscard}>
          Close
        </Button>
      </Text>
    );
  }
  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const all = chosen.size === proposals.length;
  const selected = proposals.filter((p) => chosen.has(proposalKey(p)));
  return (
    <>
      <Text ref={summary} tabIndex={-1}>
        Found {count(proposals.length, "line")} on sheet {proposals[0].sheet}. Tick the ones to
        bind.
      </Text>
      <Checkbox
        label="Select all"
        checked={all ? true : chosen.size === 0 ? false : "mixed"}
        onChange={(_e, data) =>
          setChosen(new Set(data.checked === true ? proposals.map(proposalKey) : []))
        }
      />
      <ul className={styles.list} aria-label="Proposed bindings">
        {proposals.map((p) => {
          const key = proposalKey(p);
          return (
            <li key={key}>
              <Checkbox
                checked={chosen.has(key)}
                onChange={(_e, data) => toggle(key, data.checked === true)}
                label={`${p.code} · line ${p.line} · ${p.label}: ${p.address} (${p.shown})`}
              />
              {p.conflict && (
                <Text size={200} className={styles.conflict}>
                  <WarningFilled aria-hidden />
                  Conflict: {p.conflict}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      <LevelChoice value={level} onChange={onLevelChange} label="Create the names at" />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy || selected.length === 0}
          onClick={() => onApply(selected)}
        >
          Create {count(selected.length, "name")}
        </Button>
        <Button disabled={busy} onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </>
  );
}
