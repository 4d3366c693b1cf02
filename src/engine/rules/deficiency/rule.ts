import { markWhileNegative, type Rule } from "../rule";

/** A segregation statement's excess below zero: funds short of the requirement. */
export const deficiencyRule: Rule = {
  severity: "error",
  label: "Deficiency",
  expected: "Compared with",
  mark: markWhileNegative,
  raisedIn: "src/engine/rules/deficiency/deficiency.ts",
};
