import { markUntilCleared, type Rule } from "../rule";

/** A bound cell or name that holds no amount: words, an error, a date, a name Excel cannot resolve. */
export const badInputRule: Rule = {
  severity: "error",
  label: "Bad input",
  expected: "Compared with",
  mark: markUntilCleared,
  raisedIn: "src/engine/rules/bad-input/bad-input.ts, src/workbook/validate.ts",
};
