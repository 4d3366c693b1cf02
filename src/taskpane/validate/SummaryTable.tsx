import * as React from "react";
import {
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
import type { StatementSummary } from "../../engine";
import { formatOptionalAmount } from "../actions/format";
import { StatusBadge } from "../shared/badges";
import { statementTitle } from "./report-view";
import { useTableStyles } from "../shared/table-styles";

const useStyles = makeStyles({
  rules: {
    margin: 0,
    paddingInlineStart: "1.25em",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/**
 * Each bound statement's excess against its target, with a status in words and
 * the rule that requires a notice when the status is not OK.
 */
export function SummaryTable({
  summaries,
}: {
  summaries: StatementSummary[];
}): React.JSX.Element | null {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const bound = summaries.filter((s) => s.status !== "not-bound");
  if (bound.length === 0) return null;
  const notices = bound.filter((s) => s.rule);
  return (
    <>
      <Table size="extra-small" aria-label="Statement summary">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Statement</TableHeaderCell>
            <TableHeaderCell className={tableStyles.amount}>Excess</TableHeaderCell>
            <TableHeaderCell className={tableStyles.amount}>Target</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {bound.map((s) => (
            <TableRow key={s.statement}>
              <TableCell>{statementTitle(s.statement)}</TableCell>
              <TableCell className={tableStyles.amount}>{formatOptionalAmount(s.excess)}</TableCell>
              <TableCell className={tableStyles.amount}>
                {s.target === null ? "none" : formatOptionalAmount(s.target)}
              </TableCell>
              <TableCell>
                <StatusBadge status={s.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200}>
        Excess is over the requirement (for CFTC capital: adjusted net capital over the minimum);
        target is the management target (for CFTC capital: the early-warning level).
      </Text>
      {notices.length > 0 && (
        <ul className={styles.rules} aria-label="Notices required">
          {notices.map((s) => (
            <li key={s.statement}>
              <Text weight="semibold">{statementTitle(s.statement)}:</Text> <Text>{s.rule}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
