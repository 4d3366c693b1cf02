import { markUntilCleared, type Rule } from "../rule";

/** A bound total that does not add up its own bound parts. */
export const pluggedTotalRule: Rule = {
  severity: "warning",
  severities: { warning: "a formula that leaves out a bound part", info: "a typed constant" },
  label: "Plugged total",
  expected: "Compared with",
  mark: markUntilCleared,
  raisedIn: "src/engine/rules/plugged-total/plugged-total.ts",
};
