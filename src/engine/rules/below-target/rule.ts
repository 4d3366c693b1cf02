import { markWhileNegative, type Rule } from "../rule";

/** Excess under the firm's management target. */
export const belowTargetRule: Rule = {
  severity: "warning",
  label: "Below target",
  expected: "Compared with",
  mark: markWhileNegative,
  raisedIn: "src/engine/rules/below-target/below-target.ts",
};
