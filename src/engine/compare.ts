import { capitalDecline } from "./capital-decline";
import type { ScopeReport } from "./check";
import { Dec, grouped } from "./decimal";
import { finding, type Finding } from "./findings";
import { lineIndex, lineOf, statementOf } from "./lines";
import { isPreviousBusinessDay } from "./periods/business-days";
import { usDate, type IsoDate } from "./periods/dates";
import type { Code, StatementId } from "./types";

/**
 * A period against the one before it, line by line, in dollars (each side's
 * declared unit applied, so a schedule in thousands compares with one in dollars).
 */
export interface ChangeThresholds {
  /** A change at least this many dollars (absolute) is notable. */
  amount: Dec;
  /** A change at least this percentage of the prior value (absolute) is notable. */
  percent: Dec;
}

export const DEFAULT_THRESHOLDS: ChangeThresholds = { amount: new Dec(0), percent: new Dec(10) };

export interface LineChange {
  code: Code;
  statement: StatementId;
  line: string;
  label: string;
  prior: Dec | null;
  current: Dec | null;
  /** current - prior, null when either is missing. */
  change: Dec | null;
  /** change / |prior| × 100, two places, null when prior is zero or missing. */
  percent: Dec | null;
  /** Beyond both thresholds (or appeared / disappeared, or residual interest down by more than 25%). */
  notable: boolean;
}

/** The two as-of dates compared: the withdrawal rule applies only between a business day and the one before. */
export interface ComparedDates {
  current: IsoDate | null;
  prior: IsoDate | null;
}

export interface Comparison {
  scope: string;
  priorScope: string;
  /** Where the prior period came from: this workbook or another file. */
  priorSource: string;
  rows: LineChange[];
  /** The withdrawal and capital-decline flags, also added to the current scope's findings by the caller. */
  findings: Finding[];
}

const WITHDRAWAL_SHARE = new Dec("0.25");

export function compareScopes(
  current: ScopeReport,
  prior: ScopeReport,
  priorSource: string,
  thresholds: ChangeThresholds = DEFAULT_THRESHOLDS,
  dates: ComparedDates = { current: null, prior: null }
): Comparison {
  const dollars = (r: ScopeReport, v: Dec | null) => (v === null ? null : v.mul(r.unit));
  // Lines the preparer bound: an unbound line's computed value would only repeat its parts.
  const before = new Map(
    prior.lines.filter((l) => l.bound).map((l) => [l.code, dollars(prior, l.value)])
  );
  const after = new Map(
    current.lines.filter((l) => l.bound).map((l) => [l.code, dollars(current, l.value)])
  );
  const codes = [...new Set([...before.keys(), ...after.keys()])];
  const rows: LineChange[] = [];
  for (const code of codes) {
    const line = lineOf(code);
    if (!line || line.kind === "text") continue;
    const p = before.get(code) ?? null;
    const c = after.get(code) ?? null;
    if (p === null && c === null) continue;
    const change = p !== null && c !== null ? c.sub(p) : null;
    const percent =
      change !== null && !p!.isZero()
        ? change.div(p!.abs()).mul(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP)
        : null;
    const notable =
      change === null
        ? true
        : !change.isZero() &&
          change.abs().gte(thresholds.amount) &&
          (percent === null || percent.abs().gte(thresholds.percent));
    rows.push({
      code,
      statement: line.statement,
      line: line.line,
      label: line.label,
      prior: p,
      current: c,
      change,
      percent,
      notable,
    });
  }
  const falls = residualFalls(current, prior);
  for (const f of falls) markFall(rows, f);
  rows.sort((a, b) => lineIndex(a.code) - lineIndex(b.code)); // print order
  // The withdrawal rules speak of the previous business day's residual interest: across a
  // longer gap (a month, a year) the fall is shown as notable, but no rule is cited.
  const daily =
    dates.current !== null &&
    dates.prior !== null &&
    isPreviousBusinessDay(dates.prior, dates.current);
  const findings = daily
    ? falls.map((f) => withdrawalFinding(f, current, prior, dates.prior!))
    : [];
  findings.push(...capitalDecline(current, prior)); // Reg 1.12(g)(1): capital-decline.ts
  return { scope: current.scope, priorScope: prior.scope, priorSource, rows, findings };
}

interface ResidualFall {
  statement: StatementId;
  /** The excess line (7190, 7380, 8730). */
  code: Code;
  was: Dec;
  is: Dec;
}

/** A fall is notable whatever the thresholds: the excess line's row says so, added from the summary when the line is not bound. */
function markFall(rows: LineChange[], f: ResidualFall): void {
  const row = rows.find((r) => r.code === f.code);
  if (row) {
    row.notable = true;
    return;
  }
  const line = lineOf(f.code)!;
  const change = f.is.sub(f.was);
  const percent = change.div(f.was.abs()).mul(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  rows.push({
    code: f.code,
    statement: f.statement,
    line: line.line,
    label: line.label,
    prior: f.was,
    current: f.is,
    change,
    percent,
    notable: true,
  });
}

/**
 * Residual interest is the excess of funds held over the amount required. A fall of
 * more than 25% of the prior day's residual interest is what the withdrawal rules
 * (Reg 1.23, 30.7(g), 22.17) watch: such a withdrawal, if not for customers' benefit,
 * needs written approval and notice. The engine cannot see whether it was one; it flags the fall.
 */
function residualFalls(current: ScopeReport, prior: ScopeReport): ResidualFall[] {
  const out: ResidualFall[] = [];
  for (const now of current.summaries) {
    const spec = statementOf(now.statement).summary;
    if (spec.kind !== "segregation" || !spec.withdrawalRule) continue;
    const then = prior.summaries.find((s) => s.statement === now.statement);
    if (!then?.excess || !now.excess) continue;
    const was = then.excess.mul(prior.unit);
    const is = now.excess.mul(current.unit);
    if (!was.isPositive() || was.isZero()) continue;
    if (!was.sub(is).gt(was.mul(WITHDRAWAL_SHARE))) continue;
    out.push({ statement: now.statement, code: spec.excess, was, is });
  }
  return out;
}

function withdrawalFinding(
  f: ResidualFall,
  current: ScopeReport,
  prior: ScopeReport,
  priorDate: IsoDate
): Finding {
  const st = statementOf(f.statement);
  const spec = st.summary;
  const rule = spec.kind === "segregation" ? (spec.withdrawalRule ?? "") : "";
  const fall = f.was.sub(f.is);
  const share = fall.div(f.was).mul(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP);
  const line = current.lines.find((l) => l.code === f.code);
  return finding("residual-withdrawal", {
    code: f.code,
    statement: st.id,
    cell: line?.cell ?? null,
    reported: f.is,
    expected: f.was,
    difference: f.is.sub(f.was),
    rule,
    message: `${st.short}: residual interest fell by ${grouped(fall)} (${share.toFixed(1)}%) from ${grouped(f.was)} on ${prior.scope} (${usDate(priorDate)}, the previous business day), more than 25% of the prior day's residual interest. ${rule}`,
  });
}
