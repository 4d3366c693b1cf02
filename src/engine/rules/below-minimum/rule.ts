import { markUntilCleared, type Rule } from "../rule";

/** Adjusted net capital under the minimum requirement. */
export const belowMinimumRule: Rule = {
  severity: "error",
  label: "Below minimum",
  expected: "Compared with",
  mark: markUntilCleared,
  raisedIn: "src/engine/rules/below-minimum/below-minimum.ts",
};
