import { markUntilCleared, type Rule } from "../rule";

/** A soft check between lines (or statements) that is off by more than rounding explains. */
export const crossCheckRule: Rule = {
  severity: "warning",
  severities: {
    warning: "resting on a rule, or inferred and far beyond rounding",
    info: "inferred, within what a presentation explains",
  },
  label: "Cross check",
  expected: "Compared with",
  mark: markUntilCleared,
  raisedIn: "src/engine/rules/cross-check/cross-check.ts",
};
