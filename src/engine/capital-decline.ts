import type { ScopeReport } from "./check";
import { Dec, grouped } from "./decimal";
import { finding, type Finding } from "./findings";
import { INFERRED } from "./statements";

/** Reg 1.12(g)(1): a reduction in net capital of 20 percent or more. */
const DECLINE_SHARE = new Dec("0.20");

export const CAPITAL_DECLINE_RULE =
  "Reg 1.12(g)(1): a reduction in net capital of 20% or more needs notice within two business days, stating the reason and the steps taken";

/**
 * Net capital (3750) against the prior period's, each in dollars. The rule measures
 * against the capital last reported in a Reg 1.10 financial report; the engine has
 * the prior period it was given (in the workbook or --compare) and flags a fall of
 * 20% or more from it (exactly 20% is a decline). A prior at or below zero has no
 * share to lose: nothing is judged.
 */
export function capitalDecline(current: ScopeReport, prior: ScopeReport): Finding[] {
  const code = INFERRED.capNetCapital;
  const now = current.lines.find((l) => l.code === code && l.bound);
  const then = prior.lines.find((l) => l.code === code && l.bound);
  if (now?.reported == null || then?.reported == null) return [];
  const was = then.reported.mul(prior.unit);
  const is = now.reported.mul(current.unit);
  if (!was.isPositive() || was.isZero()) return [];
  const fall = was.sub(is);
  if (fall.lt(was.mul(DECLINE_SHARE))) return [];
  const share = fall.div(was).mul(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP);
  return [
    finding("capital-decline", {
      code,
      statement: "cftc-capital",
      cell: now.cell,
      reported: is,
      expected: was,
      difference: is.sub(was),
      rule: CAPITAL_DECLINE_RULE,
      message: `Net capital fell by ${grouped(fall)} (${share.toFixed(1)}%) from ${grouped(was)} on ${prior.scope} to ${grouped(is)}: a reduction of 20% or more. ${CAPITAL_DECLINE_RULE}`,
    }),
  ];
}
