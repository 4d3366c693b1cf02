import type { Rule } from "../rule";

/** An assumption the engine made for a fact the workbook does not state (firm.ts). */
export const assumptionRule: Rule = {
  severity: "info",
  label: "Assumption",
  expected: "Compared with",
  raisedIn: "src/engine/rules/assumption/assumption.ts",
};
