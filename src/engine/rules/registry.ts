import type { Severity } from "../severity";
import { assumptionRule } from "./assumption/rule";
import { badInputRule } from "./bad-input/rule";
import { belowMinimumRule } from "./below-minimum/rule";
import { belowTargetRule } from "./below-target/rule";
import { crossCheckRule } from "./cross-check/rule";
import { deficiencyRule } from "./deficiency/rule";
import { earlyWarningRule } from "./early-warning/rule";
import { identityRule } from "./identity/rule";
import { missingRule } from "./missing/rule";
import { notCheckedRule } from "./not-checked/rule";
import { pluggedTotalRule } from "./plugged-total/rule";
import type { Rule } from "./rule";
import { storedAsTextRule } from "./stored-as-text/rule";

/** A kind raised where its judgement needs more than one scope's cells (periods, review, the workbook's names). */
const raisedElsewhere = (
  severity: Severity,
  label: string,
  raisedIn: string,
  severities?: Rule["severities"]
): Rule => ({
  severity,
  label,
  expected: "Compared with",
  raisedIn,
  ...(severities ? { severities } : {}),
});

/**
 * Every kind of finding, in the order the README lists them: its severity, its words,
 * how its cell is marked, where it is raised. The one complete list: FINDING_KINDS, the
 * pane's labels, the cell marks and the README's table of kinds all come from here.
 * A new kind gets a new name, never a reused one.
 */
export const RULES = {
  identity: identityRule,
  deficiency: deficiencyRule,
  "below-target": belowTargetRule,
  "below-minimum": belowMinimumRule,
  "early-warning": earlyWarningRule,
  "cross-check": crossCheckRule,
  "plugged-total": pluggedTotalRule,
  "manual-calculation": raisedElsewhere(
    "warning",
    "Manual calculation",
    "src/workbook/validate.ts"
  ),
  "bad-input": badInputRule,
  "stored-as-text": storedAsTextRule,
  missing: missingRule,
  "not-checked": notCheckedRule,
  shadowed: raisedElsewhere("info", "Shadowed", "src/workbook/bindings.ts"),
  duplicate: raisedElsewhere(
    "error",
    "Duplicate",
    "src/workbook/bindings.ts, src/workbook/validate.ts"
  ),
  "no-bindings": raisedElsewhere("error", "No bindings", "src/workbook/validate.ts"),
  "unknown-code": raisedElsewhere("warning", "Unknown code", "src/workbook/bindings.ts"),
  // Periods, comparisons and review.
  "period-duplicate": raisedElsewhere(
    "warning",
    "Period duplicate",
    "src/engine/periods/periods.ts"
  ),
  "period-missing": raisedElsewhere("warning", "Period missing", "src/engine/periods/periods.ts"),
  "period-not-business-day": raisedElsewhere(
    "info",
    "Period not business day",
    "src/engine/periods/periods.ts"
  ),
  "period-undated": raisedElsewhere("info", "Period undated", "src/engine/periods/periods.ts"),
  "residual-withdrawal": raisedElsewhere("warning", "Residual withdrawal", "src/engine/compare.ts"),
  "capital-decline": raisedElsewhere("warning", "Capital decline", "src/engine/capital-decline.ts"),
  // An assumption the engine made for a fact the workbook does not state (firm.ts).
  assumption: assumptionRule,
  "changed-since-review": raisedElsewhere(
    "warning",
    "Changed since review",
    "src/engine/review/review.ts"
  ),
  "review-record": raisedElsewhere("error", "Review record", "src/engine/review/review.ts"),
} as const satisfies Record<string, Rule>;

export type FindingKind = keyof typeof RULES;

/** Every kind and its usual severity. */
export const FINDING_KINDS: Readonly<Record<FindingKind, Severity>> = Object.fromEntries(
  Object.entries(RULES).map(([kind, rule]) => [kind, rule.severity])
) as Record<FindingKind, Severity>;

export function ruleOf(kind: FindingKind): Rule {
  return RULES[kind];
}
