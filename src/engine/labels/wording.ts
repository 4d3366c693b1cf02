import { STATEMENTS } from "../statements";
import type { Code, LineDef, StatementDef, StatementId } from "../types";
import { splitMarker, tokens } from "./text";

/** One way of wording a line: the heading it sits under (may be empty) and its own words. */
export interface Variant {
  text: string;
  head: string[];
  label: string[];
  /** Heading and label together: the line named on its own. */
  full: string[];
}

export interface LineWording {
  code: Code;
  line: LineDef;
  /** Position in the statement's print order. */
  index: number;
  variants: Variant[];
}

export interface StatementWordingIndex {
  statement: StatementDef;
  lines: LineWording[];
  titles: string[][];
  parts: { head: string[]; page: number | null }[];
  /** Every heading the variants name, to tell a heading row from a line. */
  heads: string[][];
}

function variantOf(text: string): Variant {
  // "Heading > label"; the form's own labels use "Heading: label".
  const parts = text.split(/\s*>\s*/);
  const label = tokens(splitMarker(parts[parts.length - 1]).words);
  const head = parts.slice(0, -1).flatMap((p) => tokens(splitMarker(p).words));
  return { text, head, label, full: [...head, ...label] };
}

function formLabelVariant(label: string): string {
  const i = label.indexOf(": ");
  return i > 0 ? `${label.slice(0, i)} > ${label.slice(i + 2)}` : label;
}

function indexStatement(st: StatementDef): StatementWordingIndex {
  const lines: LineWording[] = [];
  const heads = new Map<string, string[]>();
  st.lines.forEach((line, index) => {
    if (line.kind === "text") return; // a depository's name: never an amount
    const texts = [formLabelVariant(line.label), ...(line.wording ?? [])];
    const variants = texts.map(variantOf).filter((v) => v.label.length > 0);
    for (const v of variants) if (v.head.length) heads.set(v.head.join(" "), v.head);
    lines.push({ code: line.code, line, index, variants });
  });
  const w = st.wording;
  return {
    statement: st,
    lines,
    titles: (w?.titles ?? [st.title]).map((t) => tokens(t)),
    parts: (w?.parts ?? []).flatMap((p) => p.headings.map((h) => ({ head: tokens(h), page: p.page ?? null }))),
    heads: [...heads.values()],
  };
}

/** Each statement's wording, tokenised once. */
export const WORDING: readonly StatementWordingIndex[] = STATEMENTS.map(indexStatement);

export function wordingOf(id: StatementId): StatementWordingIndex {
  return WORDING.find((w) => w.statement.id === id)!;
}

/** How telling a token is: rare words across all lines' wording weigh more than "cash" or "amount". */
const lineCount = WORDING.reduce((n, w) => n + w.lines.length, 0);
const documentFrequency = new Map<string, number>();
for (const w of WORDING) {
  for (const l of w.lines) {
    for (const t of new Set(l.variants.flatMap((v) => v.full))) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
}

/** Weight of a token the wording knows; unknown words (a firm's own additions) weigh less. */
export function weight(token: string): number {
  const df = documentFrequency.get(token);
  if (df === undefined) return 0.6;
  return 1 + Math.log(lineCount / df) / 2;
}
