import type { Rule } from "../rule";

/** A blank input in a statement with figures (counted as zero), or a blank total whose parts are keyed. */
export const missingRule: Rule = {
  severity: "info",
  label: "Missing",
  expected: "Computed",
  raisedIn: "src/engine/rules/missing/missing.ts",
};
