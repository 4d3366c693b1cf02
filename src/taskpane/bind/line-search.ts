import { allLines, STATEMENTS, type StatementId } from "../../engine";
import type { Code } from "../../engine";

export interface LineOption {
  code: Code;
  line: string;
  label: string;
  statement: StatementId;
  /** What the picker shows once chosen: "7180 · line 13 · Total amount in segregation". */
  text: string;
  /** Everything a search may match, in lower case. */
  haystack: string;
}

const SHORT = new Map(STATEMENTS.map((s) => [s.id, s]));

/** Every line of every statement, in print order. */
export const LINE_OPTIONS: readonly LineOption[] = allLines().map((l) => {
  const st = SHORT.get(l.statement)!;
  return {
    code: l.code,
    line: l.line,
    label: l.label,
    statement: l.statement,
    text: `${l.code} · line ${l.line} · ${l.label}`,
    haystack: [l.code, `line ${l.line}`, l.label, st.short, st.title, st.id]
      .join(" ")
      .toLowerCase(),
  };
});

/**
 * Lines matching every word of the query (code, line number, label or statement),
 * in print order. "7180", "line 13", "segregation total" all find line 13.
 */
export function searchLines(query: string): LineOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...LINE_OPTIONS];
  return LINE_OPTIONS.filter((o) => words.every((w) => o.haystack.includes(w)));
}

export function optionOf(code: Code): LineOption | undefined {
  return LINE_OPTIONS.find((o) => o.code === code);
}
