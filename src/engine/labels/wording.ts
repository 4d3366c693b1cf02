import { STATEMENTS } from "../statements";
import type { Code, LineDef, StatementDef, StatementId } from "../types";
import { sameToken, splitMarker, tokens } from "./text";

/** Tokens as a list (weights count repeats) and a set (for look-ups). */
export interface Words {
  list: string[];
  set: Set<string>;
  /** Each token's weight, and their sum: worked out once (a sheet's rows compare with every variant). */
  weights: number[];
  total: number;
}

/** Weights are filled in once every statement's wording is known (they depend on all of it). */
export function words(list: string[]): Words {
  return { list, set: new Set(list), weights: [], total: 0 };
}

function weigh(w: Words): void {
  w.weights = w.list.map((t) => weight(t));
  w.total = w.weights.reduce((a, b) => a + b, 0);
}

/** One way of wording a line: the heading it sits under (may be empty) and its own words. */
export interface Variant {
  text: string;
  head: Words;
  label: Words;
  /** Heading and label together: the line named on its own. */
  full: Words;
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
  titles: Words[];
  parts: { head: Words; page: number | null }[];
  /** Every heading the variants name (three words or more), to tell a heading row from a line. */
  heads: Words[];
  /** The words of its titles and part headings: what a short label may leave unsaid ("Management target amount"). */
  subject: Set<string>;
}

function variantOf(text: string): Variant {
  // "Heading > label"; the form's own labels use "Heading: label".
  const parts = text.split(/\s*>\s*/);
  const label = tokens(splitMarker(parts[parts.length - 1]).words);
  const head = parts.slice(0, -1).flatMap((p) => tokens(splitMarker(p).words));
  return { text, head: words(head), label: words(label), full: words([...head, ...label]) };
}

function formLabelVariant(label: string): string {
  const i = label.indexOf(": ");
  return i > 0 ? `${label.slice(0, i)} > ${label.slice(i + 2)}` : label;
}

function indexStatement(st: StatementDef): StatementWordingIndex {
  const lines: LineWording[] = [];
  const heads = new Map<string, Words>();
  st.lines.forEach((line, index) => {
    if (line.kind === "text") return; // a depository's name: never an amount
    const texts = [formLabelVariant(line.label), ...(line.wording ?? [])];
    const variants = texts.map(variantOf).filter((v) => v.label.list.length > 0);
    for (const v of variants) if (v.head.list.length >= 3) heads.set(v.head.list.join(" "), v.head);
    lines.push({ code: line.code, line, index, variants });
  });
  const w = st.wording;
  return {
    statement: st,
    lines,
    titles: (w?.titles ?? [st.title]).map((t) => words(tokens(t))),
    parts: (w?.parts ?? []).flatMap((p) =>
      p.headings.map((h) => ({ head: words(tokens(h)), page: p.page ?? null }))
    ),
    heads: [...heads.values()],
    subject: new Set(
      [...(w?.titles ?? [st.title]), ...(w?.parts ?? []).flatMap((p) => p.headings)].flatMap((t) =>
        tokens(t)
      )
    ),
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
    for (const t of new Set(l.variants.flatMap((v) => v.full.list)))
      documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
}

/** Weight of a token the wording knows; unknown words (a firm's own additions) weigh less. */
const weights = new Map(
  [...documentFrequency].map(([t, df]) => [t, 1 + Math.log(lineCount / df) / 2])
);
export function weight(token: string): number {
  return weights.get(token) ?? 0.6;
}
for (const w of WORDING) {
  for (const l of w.lines) for (const v of l.variants) [v.head, v.label, v.full].forEach(weigh);
  [...w.titles, ...w.parts.map((p) => p.head), ...w.heads].forEach(weigh);
}

/** Every word the wording uses: a sheet's words are compared with these once each. */
const VOCABULARY: readonly string[] = [
  ...new Set(
    WORDING.flatMap((w) => [
      ...w.lines.flatMap((l) => l.variants.flatMap((v) => v.full.list)),
      ...w.titles.flatMap((t) => t.list),
      ...w.parts.flatMap((p) => p.head.list),
    ])
  ),
];

/** The wording's words each sheet word stands for (itself, or a near spelling). */
const standsFor = new Map<string, Set<string>>();
function vocabularyMatches(token: string): Set<string> {
  let set = standsFor.get(token);
  if (!set) {
    set = new Set(VOCABULARY.filter((v) => sameToken(token, v)));
    if (standsFor.size > 20_000) standsFor.clear(); // a bound, whatever a workbook holds
    standsFor.set(token, set);
  }
  return set;
}

/** A row's (or headings') words, with the wording's words they match worked out once. */
export class Bag {
  /** Wording words some word here matches. */
  readonly hits = new Set<string>();
  private readonly each: { token: string; weight: number; matches: Set<string> }[];
  private readonly total: number;
  constructor(readonly toks: string[]) {
    this.each = toks.map((token) => ({
      token,
      weight: weight(token),
      matches: vocabularyMatches(token),
    }));
    this.total = this.each.reduce((n, e) => n + e.weight, 0);
    for (const e of this.each) for (const m of e.matches) this.hits.add(m);
  }
  /** Share of the (weighted) wording words found here. */
  recallOf(of: Words, implied?: ReadonlySet<string>): number {
    let hit = 0;
    for (let i = 0; i < of.list.length; i++) {
      const t = of.list[i];
      if (this.hits.has(t)) hit += of.weights[i];
      else if (implied?.has(t)) hit += 0.6 * of.weights[i]; // the statement's own subject, left unsaid
    }
    return of.total === 0 ? 0 : hit / of.total;
  }

  /** Whether any of these words is here at all (else every similarity is zero). */
  meets(of: Words): boolean {
    for (const t of of.list) if (this.hits.has(t)) return true;
    return false;
  }
  /** Share of the (weighted) words here that the wording words name. */
  precisionOf(of: Words): number {
    let hit = 0;
    for (const e of this.each) {
      for (const m of e.matches) {
        if (of.set.has(m)) {
          hit += e.weight;
          break;
        }
      }
    }
    return this.total === 0 ? 0 : hit / this.total;
  }
}

/** How well words name a variant's: mostly recall of the variant's words, some precision. */
export function similarity(bag: Bag, of: Words, implied?: ReadonlySet<string>): number {
  if (!bag.toks.length || !of.list.length) return 0;
  return (2 * bag.recallOf(of, implied) + bag.precisionOf(of)) / 3;
}

/** Both ways at once (F1): for titles and headings, which must say the same thing. */
export function agreement(bag: Bag, of: Words): number {
  const r = bag.recallOf(of);
  const p = bag.precisionOf(of);
  return r + p === 0 ? 0 : (2 * r * p) / (r + p);
}
