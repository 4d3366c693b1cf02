import { capitalDecline } from "./capital-decline";
import type { ScopeReport } from "./check";
import { Dec, grouped } from "./decimal";
import { finding, type Finding } from "./findings";
import { lineIndex, lineOf, statementOf } from "./lines";
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
  /** Beyond both thresholds (or appeared / disappeared). */
  notable: boolean;
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

export function compareScopes(current: ScopeReport, prior: ScopeReport, priorSource: string, thresholds: ChangeThresholds = DEFAULT_THRESHOLDS): Comparison {
  const dollars = (r: ScopeReport, v: Dec | null) => (v === null ? null : v.mul(r.unit));
  // Lines the preparer bound: an unbound line's computed value would only repeat its parts.
  const before = new Map(prior.lines.filter((l) => l.bound).map((l) => [l.code, dollars(prior, l.value)]));
  const after = new Map(current.lines.filter((l) => l.bound).map((l) => [l.code, dollars(current, l.value)]));
  const codes = [...new Set([...before.keys(), ...after.keys()])];
  const rows: LineChange[] = [];
  for (const code of codes) {
    const line = lineOf(code);
    if (!line || line.kind === "text") continue;
    const p = before.get(code) ?? null;
    const c = after.get(code) ?? null;
    if (p === null && c === null) continue;
    const change = p !== null && c !== null ? c.sub(p) : null;
    const percent = change !== null && !p!.isZero() ? change.div(p!.abs()).mul(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP) : null;
    const notable = change === null
      ? true
      : !change.isZero() && change.abs().gte(thresholds.amount) && (percent === null || percent.abs().gte(thresholds.percent));
    rows.push({ code, statement: line.statement, line: line.line, label: line.label, prior: p, current: c, change, percent, notable });
  }
  rows.sort((a, b) => lineIndex(a.code) - lineIndex(b.code)); // print order
  const findings = withdrawals(current, prior);
  findings.push(...capitalDecline(current, prior)); // Reg 1.12(g)(1): capital-decline.ts
  return { scope: current.scope, priorScope: prior.scope, priorSource, rows, findings };
}

/**
 * Residual interest is the excess of funds held over the amount required. A fall of
 * more than 25% of the prior day's residual interest is what the withdrawal rules
 * (Reg 1.23, 30.7(g), 22.17) watch: such a withdrawal, if not for customers' benefit,
 * needs written approval and notice. The engine cannot see whether it was one; it flags the fall.
 */
function withdrawals(current: ScopeReport, prior: ScopeReport): Finding[] {
  const out: Finding[] = [];
  for (const now of current.summaries) {
    const st = statementOf(now.statement);
    const spec = st.summary;
    if (spec.kind !== "segregation" || !spec.withdrawalRule) continue;
    const then = prior.summaries.find((s) => s.statement === now.statement);
    if (!then?.excess || !now.excess) continue;
    const was = then.excess.mul(prior.unit);
    const is = now.excess.mul(current.unit);
    if (!was.isPositive() || was.isZero()) continue;
    const fall = was.sub(is);
    const limit = was.mul(WITHDRAWAL_SHARE);
    if (!fall.gt(limit)) continue;
    const share = fall.div(was).mul(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP);
    const line = current.lines.find((l) => l.code === spec.excess);
    out.push(finding("residual-withdrawal", {
      code: spec.excess,
      statement: st.id,
      cell: line?.cell ?? null,
      reported: is,
      expected: was,
      difference: is.sub(was),
      rule: spec.withdrawalRule,
      message: `${st.short}: residual interest fell by ${grouped(fall)} (${share.toFixed(1)}%) from ${grouped(was)} on ${prior.scope}, more than 25% of the prior day's residual interest. ${spec.withdrawalRule}`,
    }));
  }
  return out;
}
