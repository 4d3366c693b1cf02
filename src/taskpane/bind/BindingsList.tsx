import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { STATEMENTS } from "../../engine";
import type { ActionProblem, BindingView } from "../actions";
import { CellButton } from "../shared/CellButton";
import { count } from "../shared/plural";
import { groupedListRules, useListStyles } from "../shared/list-styles";

const useStyles = makeStyles({
  ...groupedListRules,
  meta: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  problem: {
    color: tokens.colorPaletteRedForeground1,
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
  },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

const ALL = "";
/** Above this many names the list starts on one sheet: a year of daily sheets is thousands of rows. */
const SHOW_ALL_UP_TO = 200;

/** Where a binding lives, in words: "sheet Day 1" or "workbook". */
export function levelText(b: BindingView): string {
  return b.level === "sheet" ? `sheet ${b.sheet}` : "workbook level";
}

/** The workbook's FOCUS_ names by statement, each with its cell, its problem and what can be done. */
export function BindingsList({
  bindings,
  busy,
  onRebind,
  onUnbind,
  onProblem,
}: {
  bindings: BindingView[];
  busy: boolean;
  onRebind: (b: BindingView) => void;
  onUnbind: (b: BindingView) => void;
  onProblem: (problem: ActionProblem) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const listStyles = useListStyles();
  const scopes = React.useMemo(() => [...new Set(bindings.map((b) => b.scope))], [bindings]);
  const [scope, setScope] = React.useState(() =>
    bindings.length > SHOW_ALL_UP_TO ? (scopes[0] ?? ALL) : ALL
  );
  const shown = scope === ALL ? bindings : bindings.filter((b) => b.scope === scope);

  if (bindings.length === 0) {
    return (
      <Text>
        No cell is bound yet. Pick a line above and bind the selected cell, or scan a sheet.
      </Text>
    );
  }
  return (
    <>
      <Field label="Show">
        <Select value={scope} onChange={(_e, data) => setScope(data.value)}>
          <option value={ALL}>All sheets ({count(bindings.length, "name")})</option>
          {scopes.map((s) => (
            <option key={s} value={s}>
              {s === "workbook" ? "Workbook-level names" : `Sheet ${s}`}
            </option>
          ))}
        </Select>
      </Field>
      {STATEMENTS.map((st) => {
        const rows = shown.filter((b) => b.statement === st.id);
        if (rows.length === 0) return null;
        return (
          <div key={st.id} className={styles.group}>
            <h3 className={styles.heading}>
              {st.short} ({count(rows.length, "name")})
            </h3>
            <ul className={listStyles.list}>
              {rows.map((b) => (
                <li key={`${b.name}|${b.sheet ?? ""}`} className={styles.item}>
                  <Text weight="semibold">
                    {b.code} · line {b.line} · {b.label}
                  </Text>
                  <div className={styles.meta}>
                    <Caption1>
                      {b.name}, {levelText(b)}
                    </Caption1>
                    {b.cell && <CellButton cell={b.cell} onProblem={onProblem} />}
                  </div>
                  {b.problem && (
                    <Text className={styles.problem}>
                      <WarningFilled aria-hidden />
                      {b.problem}
                    </Text>
                  )}
                  {b.shadowedOn.length > 0 && (
                    <Caption1>
                      Not used on {b.shadowedOn.join(", ")}: the sheet&apos;s own name wins there.
                    </Caption1>
                  )}
                  <div className={styles.buttons}>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() => onRebind(b)}
                      aria-label={`Rebind to selection: ${b.name} (${levelText(b)})`}
                    >
                      Rebind to selection
                    </Button>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() => onUnbind(b)}
                      aria-label={`Unbind ${b.name} (${levelText(b)})`}
                    >
                      Unbind…
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
