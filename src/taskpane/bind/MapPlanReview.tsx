import * as React from "react";
import {
  Button,
  Checkbox,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { namesToWrite, type MapConflict } from "../../workbook/binding-map";
import type { BindingMapChoice, BindingMapPlan } from "../actions";
import { useListStyles } from "../shared/list-styles";
import { count } from "../shared/plural";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  // The shared list, tighter and scrolling: a map can name hundreds of conflicts.
  list: { rowGap: tokens.spacingVerticalXXS, maxHeight: "240px", overflowY: "auto" },
  conflict: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

/** A hostile map can hold 50,000 conflicts: each group shows this many and counts the rest. */
const SHOWN_PER_GROUP = 200;

type Kind = MapConflict["kind"];

const GROUPS: {
  kind: Kind;
  title: string;
  accept?: { label: string; field: keyof BindingMapChoice };
}[] = [
  {
    kind: "occupied",
    title: "Names that already refer elsewhere",
    accept: { label: "Replace these names", field: "replaceOccupied" },
  },
  {
    kind: "changed-label",
    title: "Rows whose label differs from the map",
    accept: { label: "Bind these cells anyway", field: "acceptChangedLabels" },
  },
  { kind: "missing-sheet", title: "Sheets this workbook does not have (skipped)" },
];

/**
 * A binding map's plan, before anything changes: how many names it creates, and every
 * conflict grouped by kind. Conflicting names are left out unless their group is ticked;
 * Cancel writes nothing.
 */
export function MapPlanReview({
  fileName,
  plan,
  busy,
  onApply,
  onCancel,
}: {
  fileName: string;
  plan: BindingMapPlan;
  busy: boolean;
  onApply: (choice: BindingMapChoice) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const listStyles = useListStyles();
  const summary = React.useRef<HTMLElement>(null);
  // The button that opened the file had focus: move it to what the map would do.
  React.useEffect(() => summary.current?.focus(), []);
  const [choice, setChoice] = React.useState<BindingMapChoice>({
    replaceOccupied: false,
    acceptChangedLabels: false,
  });
  const key = (name: string, owner: string | null) => `${owner ?? ""}|${name}`.toLowerCase();
  const conflicted = new Set(plan.conflicts.map((c) => key(c.name, c.owner)));
  const clean = plan.names.filter((n) => !conflicted.has(key(n.name, n.sheet))).length;
  const writes = namesToWrite(plan, choice).length;

  return (
    <>
      <Text ref={summary} tabIndex={-1}>
        {fileName} holds {count(plan.total, "binding")}: {count(clean, "name")} would be created
        without conflict, {plan.unchanged.toLocaleString("en-US")} already in place,{" "}
        {count(plan.conflicts.length, "conflict")}
        {plan.conflicts.length ? " listed below" : ""}. Nothing changes until you apply.
      </Text>
      {GROUPS.map((g) => {
        const items = plan.conflicts.filter((c) => c.kind === g.kind);
        if (items.length === 0) return null;
        const title = `${g.title} (${items.length.toLocaleString("en-US")})`;
        return (
          <div key={g.kind} className={styles.group}>
            <Text as="h3" weight="semibold" className={styles.heading}>
              {title}
            </Text>
            <ul className={mergeClasses(listStyles.list, styles.list)} aria-label={title}>
              {items.slice(0, SHOWN_PER_GROUP).map((c, i) => (
                <li key={i}>
                  <Text size={200} className={styles.conflict}>
                    <WarningFilled aria-hidden />
                    {c.message}
                  </Text>
                </li>
              ))}
              {items.length > SHOWN_PER_GROUP && (
                <li>
                  <Text size={200}>
                    … and {count(items.length - SHOWN_PER_GROUP, "more conflict")} of this kind.
                  </Text>
                </li>
              )}
            </ul>
            {g.accept && (
              <Checkbox
                label={g.accept.label}
                checked={choice[g.accept.field]}
                onChange={(_e, data) =>
                  setChoice((prev) => ({ ...prev, [g.accept!.field]: data.checked === true }))
                }
              />
            )}
          </div>
        );
      })}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy || writes === 0}
          onClick={() => onApply(choice)}
        >
          Apply: {count(writes, "name")}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </>
  );
}
