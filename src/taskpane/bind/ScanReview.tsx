import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  Select,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { STATEMENTS, type Code } from "../../engine";
import type {
  ActionProblem,
  Proposal,
  ScanChoice,
  ScanResult,
  SheetScanResult,
  UnmatchedRow,
} from "../actions";
import { CellButton } from "../shared/CellButton";
import { LevelChoice, type Level } from "../shared/LevelChoice";
import { groupedListRules, useListStyles } from "../shared/list-styles";
import { count } from "../shared/plural";
import { LinePicker } from "./LinePicker";
import { ConfidenceBadge, SourceBadge } from "./ScanBadges";

const useStyles = makeStyles({
  sheet: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  ...groupedListRules,
  // Under the checkbox's label, lined up with its text.
  details: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    overflowWrap: "anywhere",
  },
  conflict: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    overflowWrap: "anywhere",
  },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

const ALL = "";
/** Above this many proposals a workbook's review opens on one sheet at a time (ticks are kept across sheets). */
const SHOW_ALL_UP_TO = 200;

const proposalKey = (p: Proposal) => `${p.sheet}|${p.code}|${p.address}`;

/**
 * What a scan found, for review: proposals grouped by sheet and statement, each
 * with what found it (code cell or label), the words and the confidence; the
 * printed unit as FOCUS_UNIT; the rows no line fits, each bindable by hand.
 * Conflicts and low-confidence labels start unticked. Nothing is created until
 * "Create … names".
 */
export function ScanReview({
  scan,
  level,
  onLevelChange,
  busy,
  onApply,
  onDiscard,
  onProblem,
}: {
  scan: ScanResult;
  level: Level;
  onLevelChange: (level: Level) => void;
  busy: boolean;
  onApply: (choice: ScanChoice) => void;
  onDiscard: () => void;
  onProblem: (problem: ActionProblem) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const summary = React.useRef<HTMLElement>(null);
  // The Scan button this replaces had focus: move it to what the scan found.
  React.useEffect(() => summary.current?.focus(), []);
  const proposals = React.useMemo(() => scan.sheets.flatMap((s) => s.proposals), [scan]);
  const unmatched = React.useMemo(() => scan.sheets.flatMap((s) => s.unmatched), [scan]);
  const [chosen, setChosen] = React.useState(
    () => new Set(proposals.filter((p) => p.ticked).map(proposalKey))
  );
  const [units, setUnits] = React.useState(
    () => new Set(scan.sheets.filter((s) => s.unit && !s.unit.conflict).map((s) => s.sheet))
  );
  const [byHand, setByHand] = React.useState(() => new Map<string, Code>());
  const [sheet, setSheet] = React.useState(() =>
    proposals.length > SHOW_ALL_UP_TO ? (scan.sheets[0]?.sheet ?? ALL) : ALL
  );
  const where = scan.scope === "sheet" ? `sheet ${scan.sheets[0]?.sheet}` : "the workbook";

  const unread = scan.unread.length > 0 && (
    <Text size={200} className={styles.conflict}>
      <WarningFilled aria-hidden />
      Not read: {scan.unread.map((u) => `sheet ${u.sheet} (${u.reason})`).join("; ")}
    </Text>
  );
  const nothing =
    proposals.length === 0 && unmatched.length === 0 && !scan.sheets.some((s) => s.unit);
  if (nothing) {
    return (
      <>
        <Text ref={summary} tabIndex={-1}>
          No unbound line was found on {where}
          {scan.scope === "workbook" ? ` (${count(scan.scanned, "sheet")} read)` : ""}: neither a
          printed line code nor a statement&apos;s words beside an amount.{" "}
          <Button size="small" onClick={onDiscard}>
            Close
          </Button>
        </Text>
        {unread}
      </>
    );
  }

  const toggle = <T,>(set: React.Dispatch<React.SetStateAction<Set<T>>>, key: T, on: boolean) =>
    set((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const pick = (cell: string, code: Code | null) =>
    setByHand((prev) => {
      const next = new Map(prev);
      if (code === null) next.delete(cell);
      else next.set(cell, code);
      return next;
    });

  const selected = proposals.filter((p) => chosen.has(proposalKey(p)));
  const hand = unmatched.flatMap((u) => {
    const code = byHand.get(u.cell);
    return code ? [{ sheet: u.sheet, address: u.address, code }] : [];
  });
  const unitChoice = scan.sheets.flatMap((s) =>
    s.unit && units.has(s.sheet) ? [{ sheet: s.sheet, unit: s.unit.unit }] : []
  );
  const total = selected.length + hand.length + unitChoice.length;
  const byLabel = proposals.filter((p) => p.source === "label").length;
  const shownSheets = sheet === ALL ? scan.sheets : scan.sheets.filter((s) => s.sheet === sheet);
  const all = proposals.length > 0 && chosen.size === proposals.length;

  return (
    <>
      <Text ref={summary} tabIndex={-1}>
        Found {count(proposals.length, "line")} on {where}
        {scan.scope === "workbook"
          ? ` (${count(scan.sheets.length, "sheet")} of ${scan.scanned})`
          : ""}
        : {proposals.length - byLabel} by code cells, {byLabel} by labels
        {unmatched.length ? `; ${count(unmatched.length, "row")} not matched` : ""}. Tick the ones
        to bind; low-confidence labels and conflicts start unticked.
      </Text>
      {unread}
      {scan.sheets.length > 1 && (
        <Field label="Show">
          <Select value={sheet} onChange={(_e, data) => setSheet(data.value)}>
            <option value={ALL}>All sheets ({count(proposals.length, "line")})</option>
            {scan.sheets.map((s) => (
              <option key={s.sheet} value={s.sheet}>
                Sheet {s.sheet} ({count(s.proposals.length, "line")})
              </option>
            ))}
          </Select>
        </Field>
      )}
      {proposals.length > 0 && (
        <Checkbox
          label="Select all lines"
          checked={all ? true : chosen.size === 0 ? false : "mixed"}
          onChange={(_e, data) =>
            setChosen(new Set(data.checked === true ? proposals.map(proposalKey) : []))
          }
        />
      )}
      {shownSheets.map((s) => (
        <div key={s.sheet} className={styles.sheet}>
          {scan.scope === "workbook" && (
            <Text as="h3" className={styles.heading}>
              Sheet {s.sheet}
            </Text>
          )}
          <SheetReview
            result={s}
            headingLevel={scan.scope === "workbook" ? "h4" : "h3"}
            chosen={chosen}
            onTick={(p, on) => toggle(setChosen, proposalKey(p), on)}
            unitTicked={units.has(s.sheet)}
            onUnit={(on) => toggle(setUnits, s.sheet, on)}
            byHand={byHand}
            onPick={pick}
            onProblem={onProblem}
          />
        </div>
      ))}
      <LevelChoice value={level} onChange={onLevelChange} label="Create the names at" />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy || total === 0}
          onClick={() => onApply({ bindings: [...selected, ...hand], units: unitChoice })}
        >
          Create {count(total, "name")}
        </Button>
        <Button disabled={busy} onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </>
  );
}

/** One sheet's unit, proposals by statement, and unmatched rows. */
function SheetReview({
  result,
  headingLevel,
  chosen,
  onTick,
  unitTicked,
  onUnit,
  byHand,
  onPick,
  onProblem,
}: {
  result: SheetScanResult;
  headingLevel: "h3" | "h4";
  chosen: Set<string>;
  onTick: (p: Proposal, on: boolean) => void;
  unitTicked: boolean;
  onUnit: (on: boolean) => void;
  byHand: Map<string, Code>;
  onPick: (cell: string, code: Code | null) => void;
  onProblem: (problem: ActionProblem) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const listStyles = useListStyles();
  const { unit } = result;
  return (
    <>
      {unit && (
        <div className={styles.group}>
          <Checkbox
            checked={unitTicked}
            onChange={(_e, data) => onUnit(data.checked === true)}
            label={`Set FOCUS_UNIT to ${unit.unit} on ${result.sheet}: the sheet prints “${unit.text}” at ${unit.cell}`}
          />
          {unit.conflict && (
            <Text size={200} className={styles.conflict}>
              <WarningFilled aria-hidden />
              Conflict: {unit.conflict}
            </Text>
          )}
        </div>
      )}
      {STATEMENTS.map((st) => {
        const rows = result.proposals.filter((p) => p.statement === st.id);
        if (rows.length === 0) return null;
        const title = `${st.short} (${count(rows.length, "line")})`;
        return (
          <div key={st.id} className={styles.group}>
            <Text as={headingLevel} className={styles.heading}>
              {title}
            </Text>
            <ul
              className={listStyles.list}
              aria-label={`Proposed bindings: ${st.short} on ${result.sheet}`}
            >
              {rows.map((p) => (
                <ProposalItem
                  key={proposalKey(p)}
                  proposal={p}
                  ticked={chosen.has(proposalKey(p))}
                  onTick={(on) => onTick(p, on)}
                />
              ))}
            </ul>
          </div>
        );
      })}
      {result.unmatched.length > 0 && (
        <div className={styles.group}>
          <Text as={headingLevel} className={styles.heading}>
            Rows not matched ({result.unmatched.length.toLocaleString("en-US")})
          </Text>
          <ul className={listStyles.list} aria-label={`Rows not matched on ${result.sheet}`}>
            {result.unmatched.map((u) => (
              <UnmatchedItem
                key={u.cell}
                row={u}
                code={byHand.get(u.cell) ?? null}
                onPick={(code) => onPick(u.cell, code)}
                onProblem={onProblem}
              />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function ProposalItem({
  proposal: p,
  ticked,
  onTick,
}: {
  proposal: Proposal;
  ticked: boolean;
  onTick: (on: boolean) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const detailsId = useId("proposal-details");
  return (
    <li className={styles.item}>
      <Checkbox
        checked={ticked}
        onChange={(_e, data) => onTick(data.checked === true)}
        label={`${p.code} · line ${p.line} · ${p.label}: ${p.address} (${p.shown})`}
        aria-describedby={detailsId}
      />
      <Caption1 id={detailsId} className={styles.details}>
        <SourceBadge source={p.source} />
        <ConfidenceBadge proposal={p} />
        {p.typed !== null && <span>“{p.typed}”</span>}
        {p.context.length > 0 && <span>under “{p.context[p.context.length - 1]}”</span>}
        {p.matched && <span>matched “{p.matched}”</span>}
      </Caption1>
      {p.conflict && (
        <Text size={200} className={styles.conflict}>
          <WarningFilled aria-hidden />
          Conflict: {p.conflict}
        </Text>
      )}
    </li>
  );
}

/** A row no line fits: its words, its cell and amount, and a line picker to bind it by hand. */
function UnmatchedItem({
  row,
  code,
  onPick,
  onProblem,
}: {
  row: UnmatchedRow;
  code: Code | null;
  onPick: (code: Code | null) => void;
  onProblem: (problem: ActionProblem) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(code !== null);
  const pickerId = useId("by-hand");
  return (
    <li className={styles.item}>
      <Text>{row.text || "(no words on this row)"}</Text>
      <div className={styles.meta}>
        <CellButton cell={row.cell} onProblem={onProblem} />
        <Caption1>{row.shown}</Caption1>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={open ? pickerId : undefined}
          aria-label={open ? `Do not bind ${row.cell}` : `Bind ${row.cell} by hand`}
          onClick={() => {
            if (open) onPick(null);
            setOpen(!open);
          }}
        >
          {open ? "Do not bind" : "Bind by hand…"}
        </Button>
      </div>
      {open && (
        <div id={pickerId}>
          <LinePicker
            code={code}
            onChange={onPick}
            label={`Line for ${row.cell}`}
            hint="Created with the ticked lines."
          />
        </div>
      )}
    </li>
  );
}
