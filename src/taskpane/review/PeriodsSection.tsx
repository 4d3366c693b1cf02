import * as React from "react";
import { Button, Dropdown, Field, Option, Text } from "@fluentui/react-components";
import { statementOf, usDate, type Period } from "../../engine";
import type { WorkbookReport } from "../../workbook/validate";
import { formatAmount } from "../actions/format";
import { useActions } from "../shared/ActionsContext";
import { ProblemBar } from "../shared/ProblemBar";
import { useAction } from "../shared/useAction";
import { useListStyles } from "../shared/list-styles";
import { Section } from "../shared/Section";
import { ExcessChart } from "./ExcessChart";

const PERIOD_KINDS = new Set([
  "period-missing",
  "period-duplicate",
  "period-not-business-day",
  "period-undated",
  "residual-withdrawal",
]);

/**
 * A firm read from the sheet's heading is shown as such, with the cell it was read
 * from, for the user to confirm by binding FOCUS_ENTITY there (a name only: no cell is written).
 */
function EntityLine({
  period,
  onBound,
}: {
  period: Period;
  onBound: () => void;
}): React.JSX.Element | null {
  const actions = useActions();
  const { busy, problem, run, dismiss } = useAction();
  const [bound, setBound] = React.useState<string | null>(null);
  if (period.entitySource !== "sheet heading" || !period.entityCell) return null;
  const bind = async () => {
    const r = await run(() => actions.bindEntity(period.entityCell!));
    if (r.ok) {
      setBound(r.value.cell);
      onBound();
    }
  };
  return (
    <>
      <Text size={200}>
        {bound
          ? `FOCUS_ENTITY now refers to ${bound}.`
          : `Firm read from the sheet’s heading (${period.entityCell}), not from FOCUS_ENTITY.`}
      </Text>
      {!bound && (
        <div>
          <Button size="small" disabled={busy} onClick={() => void bind()}>
            Confirm: bind FOCUS_ENTITY to {period.entityCell}
          </Button>
        </div>
      )}
      <ProblemBar problem={problem} onDismiss={dismiss} />
    </>
  );
}

/** Each statement's excess against its target across the periods, and the periods with their flags. */
export function PeriodsSection({
  report,
  onChanged,
}: {
  report: WorkbookReport;
  /** Called after a binding was made, so the review is loaded again. */
  onChanged?: () => void;
}): React.JSX.Element {
  const list = useListStyles();
  const series = report.review.series;
  const [choice, setChoice] = React.useState(0);
  const current = series[Math.min(choice, series.length - 1)];
  const dated = report.periods.filter((p) => p.asOf);

  if (dated.length === 0) {
    return (
      <Section title="Periods">
        <Text>
          No scope has a date. Bind FOCUS_ASOF (and FOCUS_ENTITY) on each sheet, or put the date in
          the sheet name (for example “Seg 2020-11-30”), to order periods and compare each day with
          the one before.
        </Text>
      </Section>
    );
  }
  const label = (i: number) => {
    const s = series[i];
    return `${statementOf(s.statement).short}${s.entity ? `, ${s.entity}` : ""}`;
  };
  const flagsOf = (scope: string) =>
    report.scopes
      .find((s) => s.scope === scope)
      ?.findings.filter((f) => PERIOD_KINDS.has(f.kind)) ?? [];

  return (
    <Section title="Periods">
      {series.length > 1 && (
        <Field label="Statement">
          <Dropdown
            value={label(Math.min(choice, series.length - 1))}
            selectedOptions={[String(choice)]}
            onOptionSelect={(_e, d) => setChoice(Number(d.optionValue))}
          >
            {series.map((_, i) => (
              <Option key={i} value={String(i)}>
                {label(i)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {current && (
        <ExcessChart points={current.points} title={label(Math.min(choice, series.length - 1))} />
      )}
      <ul className={list.list} aria-label="Periods">
        {report.review.order.series.flatMap((s) =>
          s.periods.map((p) => {
            const point = current?.points.find((x) => x.scope === p.scope);
            const flags = flagsOf(p.scope);
            return (
              <li key={p.scope} className={list.item}>
                <Text weight="semibold">
                  {usDate(p.asOf!)} · {p.scope}
                  {p.entity ? ` · ${p.entity}` : ""}
                </Text>
                <EntityLine period={p} onBound={() => onChanged?.()} />
                {point && (
                  <Text size={200}>
                    Excess {point.excess ? formatAmount(point.excess) : "blank"}
                    {point.target ? `, target ${formatAmount(point.target)}` : ""} ·{" "}
                    {point.status.replace("-", " ")}
                    {point.errors + point.warnings > 0
                      ? ` · ${point.errors} errors, ${point.warnings} warnings`
                      : ""}
                  </Text>
                )}
                {flags.map((f, i) => (
                  <Text key={i} size={200}>
                    {f.message}
                  </Text>
                ))}
              </li>
            );
          })
        )}
      </ul>
    </Section>
  );
}
