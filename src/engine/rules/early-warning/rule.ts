import { markUntilCleared, type Rule } from "../rule";

/** Adjusted net capital under the early-warning level. */
export const earlyWarningRule: Rule = {
  severity: "warning",
  label: "Early warning",
  expected: "Compared with",
  mark: markUntilCleared,
  raisedIn: "src/engine/rules/early-warning/early-warning.ts",
};
