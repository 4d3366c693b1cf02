import * as React from "react";
import {
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ActionProblem, RecomputeRow } from "../actions";
import { formatAmount, formatOptionalAmount } from "../actions/format";
import { CellButton } from "../shared/CellButton";
import { useTableStyles } from "../shared/table-styles";

const useStyles = makeStyles({
  scroll: { overflowX: "auto" },
  select: { width: "32px" },
  label: { display: "block", color: tokens.colorNeutralForeground3 },
});

export const rowKey = (r: RecomputeRow) => `${r.scope}|${r.code}`;

/** The bound totals with the value their parts give; ticked rows are the ones to write. */
export function PreviewTable({
  rows,
  chosen,
  onChosenChange,
  onProblem,
}: {
  rows: RecomputeRow[];
  chosen: ReadonlySet<string>;
  onChosenChange: (next: Set<string>) => void;
  onProblem: (p: ActionProblem) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const all = rows.length > 0 && rows.every((r) => chosen.has(rowKey(r)));
  const some = rows.some((r) => chosen.has(rowKey(r)));
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    onChosenChange(next);
  };
  return (
    <div className={styles.scroll}>
      <Table size="extra-small" aria-label="Recompute preview">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.select}>
              <Checkbox
                aria-label="Select all rows"
                checked={all ? true : some ? "mixed" : false}
                onChange={(_e, data) =>
                  onChosenChange(new Set(data.checked === true ? rows.map(rowKey) : []))
                }
              />
            </TableHeaderCell>
            <TableHeaderCell>Line</TableHeaderCell>
            <TableHeaderCell>Cell</TableHeaderCell>
            <TableHeaderCell className={tableStyles.amount}>Reported</TableHeaderCell>
            <TableHeaderCell className={tableStyles.amount}>Computed</TableHeaderCell>
            <TableHeaderCell className={tableStyles.amount}>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const key = rowKey(r);
            const change = r.reported === null ? r.computed : r.computed.sub(r.reported);
            return (
              <TableRow key={key}>
                <TableCell>
                  <Checkbox
                    aria-label={`Write ${r.code} at ${r.cell}`}
                    checked={chosen.has(key)}
                    onChange={(_e, data) => toggle(key, data.checked === true)}
                  />
                </TableCell>
                <TableCell>
                  <Text weight="semibold">
                    {r.code} · {r.line}
                  </Text>
                  <Text size={200} className={styles.label}>
                    {r.label}
                  </Text>
                </TableCell>
                <TableCell>
                  <CellButton cell={r.cell} onProblem={onProblem} />
                  {r.typedByUser && (
                    <Text size={200} className={styles.label}>
                      typed value
                    </Text>
                  )}
                </TableCell>
                <TableCell className={tableStyles.amount}>
                  {formatOptionalAmount(r.reported)}
                </TableCell>
                <TableCell className={tableStyles.amount}>{formatAmount(r.computed)}</TableCell>
                <TableCell className={tableStyles.amount}>
                  {r.changes ? formatAmount(change) : "none"}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
