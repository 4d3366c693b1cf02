import type { Rule } from "../rule";

/** An amount typed as text (quoted, with separators or a currency sign): read, and said so. */
export const storedAsTextRule: Rule = {
  severity: "info",
  label: "Stored as text",
  expected: "Compared with",
  raisedIn: "src/engine/rules/stored-as-text/stored-as-text.ts",
};
