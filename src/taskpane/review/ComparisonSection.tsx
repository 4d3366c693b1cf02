import * as React from "react";
import {
  Dropdown,
  Field,
  makeStyles,
  Option,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Dec } from "../../engine/decimal";
import type { WorkbookReport } from "../../workbook/validate";
import { formatAmount } from "../actions/format";
import { Section } from "../shared/Section";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  th: {
    textAlign: "start",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingVerticalXXS,
  },
  td: {
    padding: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  num: { textAlign: "end", whiteSpace: "nowrap" },
  notable: { fontWeight: tokens.fontWeightSemibold },
});

const signed = (d: Dec | null) =>
  d === null ? "" : d.isNegative() ? formatAmount(d) : `+${formatAmount(d)}`;

/** A period against the one before it, line by line: change and % change, the notable ones first. */
export function ComparisonSection({ report }: { report: WorkbookReport }): React.JSX.Element {
  const styles = useStyles();
  const comparisons = report.review.comparisons;
  const [scope, setScope] = React.useState<string | null>(null);
  const [all, setAll] = React.useState(false);
  if (comparisons.length === 0) {
    return (
      <Section title="Against the prior period">
        <Text>
          Comparisons need two dated periods of the same entity in this workbook. For yesterday’s
          file, run focus-check --compare yesterday.xlsx today.xlsx.
        </Text>
      </Section>
    );
  }
  const c = comparisons.find((x) => x.scope === scope) ?? comparisons[comparisons.length - 1];
  const rows = all ? c.rows : c.rows.filter((r) => r.notable);
  return (
    <Section title="Against the prior period">
      <Field label="Period">
        <Dropdown
          value={`${c.scope} against ${c.priorScope}`}
          selectedOptions={[c.scope]}
          onOptionSelect={(_e, d) => setScope(d.optionValue ?? null)}
        >
          {comparisons.map((x) => (
            <Option key={x.scope} value={x.scope}>
              {`${x.scope} against ${x.priorScope}`}
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
        <table className={styles.table} aria-label={`${c.scope} against ${c.priorScope}`}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                Line
              </th>
              <th className={`${styles.th} ${styles.num}`} scope="col">
                Prior
              </th>
              <th className={`${styles.th} ${styles.num}`} scope="col">
                Current
              </th>
              <th className={`${styles.th} ${styles.num}`} scope="col">
                Change
              </th>
              <th className={`${styles.th} ${styles.num}`} scope="col">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className={r.notable ? styles.notable : undefined}>
                <th className={styles.td} scope="row" title={r.label}>
                  {r.line} ({r.code})
                </th>
                <td className={`${styles.td} ${styles.num}`}>
                  {r.prior ? formatAmount(r.prior) : "blank"}
                </td>
                <td className={`${styles.td} ${styles.num}`}>
                  {r.current ? formatAmount(r.current) : "blank"}
                </td>
                <td className={`${styles.td} ${styles.num}`}>{signed(r.change)}</td>
                <td className={`${styles.td} ${styles.num}`}>
                  {r.percent ? `${r.percent.isNegative() ? "" : "+"}${r.percent.toFixed(2)}%` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
