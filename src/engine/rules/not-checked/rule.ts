import type { Rule } from "../rule";

/** A bound total none of whose parts is bound: a condensed presentation, not checked. */
export const notCheckedRule: Rule = {
  severity: "info",
  label: "Not checked",
  expected: "Compared with",
  raisedIn: "src/engine/rules/not-checked/not-checked.ts",
};
