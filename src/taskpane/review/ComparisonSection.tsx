import * as React from "react";
import {
  Dropdown,
  Field,
  makeStyles,
  Option,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Comparison, Dec } from "../../engine";
import type { WorkbookReport } from "../../workbook/validate";
import { formatAmount } from "../actions/format";
import { ProblemBar } from "../shared/ProblemBar";
import { Section } from "../shared/Section";
import { useAction } from "../shared/useAction";
import { compareWithFile } from "./prior-file";
import { useTableStyles } from "../shared/table-styles";

const useStyles = makeStyles({
  notable: { fontWeight: tokens.fontWeightSemibold },
});

const signed = (d: Dec | null) =>
  d === null ? "" : d.isNegative() ? formatAmount(d) : `+${formatAmount(d)}`;

/** A period against the one before it, line by line: change and % change, the notable ones first. */
export function ComparisonSection({ report }: { report: WorkbookReport }): React.JSX.Element {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { busy, problem, run, dismiss } = useAction();
  const [external, setExternal] = React.useState<Comparison[]>([]);
  const [scope, setScope] = React.useState<string | null>(null);
  const [all, setAll] = React.useState(false);
  const comparisons = [...report.review.comparisons, ...external];

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const r = await run(() => compareWithFile(report, file));
    if (r.ok) {
      setExternal(r.value);
      setScope(r.value[r.value.length - 1].scope);
    }
  };

  const picker = (
    <Field
      label="Compare with a prior workbook (.xlsx)"
      hint="Read here, in the pane; nothing is uploaded."
    >
      {(fieldProps) => (
        <input
          {...fieldProps}
          type="file"
          accept=".xlsx,.xlsm"
          disabled={busy}
          onChange={(e) => {
            void choose(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
        />
      )}
    </Field>
  );

  if (comparisons.length === 0) {
    return (
      <Section title="Against the prior period">
        <Text>
          This workbook has no two dated periods of the same entity. Choose yesterday’s workbook to
          compare with it.
        </Text>
        {picker}
        <ProblemBar problem={problem} onDismiss={dismiss} />
      </Section>
    );
  }
  const c = comparisons.find((x) => x.scope === scope) ?? comparisons[comparisons.length - 1];
  const rows = all ? c.rows : c.rows.filter((r) => r.notable);
  const title = (x: Comparison) =>
    `${x.scope} against ${x.priorScope}${x.priorSource === "this workbook" ? "" : ` in ${x.priorSource}`}`;
  return (
    <Section title="Against the prior period">
      <Field label="Period">
        <Dropdown
          value={title(c)}
          selectedOptions={[c.scope]}
          onOptionSelect={(_e, d) => setScope(d.optionValue ?? null)}
        >
          {comparisons.map((x) => (
            <Option key={x.scope} value={x.scope}>
              {title(x)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {c.findings.map((f, i) => (
        <Text key={i} weight="semibold">
          {f.message}
        </Text>
      ))}
      <Switch label="Show every line" checked={all} onChange={(_e, d) => setAll(d.checked)} />
      {rows.length === 0 ? (
        <Text>No line changed beyond the thresholds (10% and any amount).</Text>
      ) : (
        <Table size="extra-small" aria-label={title(c)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Line</TableHeaderCell>
              <TableHeaderCell className={tableStyles.amount}>Prior</TableHeaderCell>
              <TableHeaderCell className={tableStyles.amount}>Current</TableHeaderCell>
              <TableHeaderCell className={tableStyles.amount}>Change</TableHeaderCell>
              <TableHeaderCell className={tableStyles.amount}>%</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.code} className={r.notable ? styles.notable : undefined}>
                <TableCell title={r.label}>
                  {r.line} ({r.code})
                </TableCell>
                <TableCell className={tableStyles.amount}>
                  {r.prior ? formatAmount(r.prior) : "blank"}
                </TableCell>
                <TableCell className={tableStyles.amount}>
                  {r.current ? formatAmount(r.current) : "blank"}
                </TableCell>
                <TableCell className={tableStyles.amount}>{signed(r.change)}</TableCell>
                <TableCell className={tableStyles.amount}>
                  {r.percent ? `${r.percent.isNegative() ? "" : "+"}${r.percent.toFixed(2)}%` : ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {picker}
      <ProblemBar problem={problem} onDismiss={dismiss} />
    </Section>
  );
}
