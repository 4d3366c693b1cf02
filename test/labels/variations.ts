import { lineOf, type Code } from "../../src/engine";
import type { CellModel, SheetModel, WorkbookModel } from "../../sim";
import { amountsFor, publishedSections, rng } from "./corpus";
import type { RefRow, RefSection } from "./reference";

/**
 * A second held-out corpus (session 8): the published statements laid out the ways a preparer's
 * own workbook or a converted filing lays them out, which corpus.ts does not: comparative period
 * columns, label and amount apart (blank or note columns), labels wrapped over two rows or broken
 * inside the cell, non-breaking spaces, footnote markers, amounts typed as text, a title block,
 * merged label cells, underline rows, and the form's wording before the 2012–13 amendments.
 * Built before any matcher change; nothing here was added to the wording data.
 */
export interface Variation {
  /** Two periods side by side; `headers` says how the columns are headed. */
  comparative: null | {
    headers: "dates" | "date-text" | "years" | "words" | "none";
    currentFirst: boolean;
    /** The period headings on the statement's title row, right of the title. */
    onTitleRow?: boolean;
    /** A third column, "Change", of the current less the prior figure. */
    variance?: boolean;
  };
  /** Blank columns between the label and the first amount (or note) column. */
  gap: number;
  /** A "Note" column of small integers between the label and the amounts. */
  noteColumn: boolean;
  /** Share of long labels wrapped onto two rows, the amount on the second. */
  split: number;
  /** Share of long labels with a line break inside the cell. */
  breaks: number;
  /** Labels with non-breaking spaces between words. */
  nbsp: boolean;
  /** Share of labels ending in a footnote marker ("(1)", "*", "¹"). */
  footnotes: number;
  /** Share of amounts typed as text ("$1,234", "(1,234)", "1,234-"); nil lines as "—" or "-". */
  textAmounts: number;
  /** The firm's name, the date and "(Unaudited)" above the first title. */
  titleBlock: boolean;
  /** The form before the 2012–13 amendments: clearing organizations not yet DCOs, no management targets, no cleared swaps. */
  olderForm: boolean;
  /** Label cells merged across the gap. */
  merged: boolean;
  /** "_____" and "=====" rows under the totals' figures. */
  rules: boolean;
  stacked: boolean;
}

export const PLAIN: Variation = {
  comparative: null,
  gap: 0,
  noteColumn: false,
  split: 0,
  breaks: 0,
  nbsp: false,
  footnotes: 0,
  textAmounts: 0,
  titleBlock: false,
  olderForm: false,
  merged: false,
  rules: false,
  stacked: false,
};

export interface VariedBuilt {
  model: WorkbookModel;
  /** 'Sheet'!A1 → the code that cell must bind to; any other cell bound is a wrong binding. */
  truth: Map<string, Code>;
  /** Amount cells that must stay unbound and be listed as unmatched (periods side by side with nothing to say which is current). */
  mustNotBind: Set<string>;
  /** A prior period's amount cells under headings that say so: never bound, need not be listed. */
  otherPeriod: Set<string>;
}

const ENGINE_SHEET: Record<RefSection["statement"], string> = {
  seg4d2: "Seg 4d2",
  dealerOptions326: "Dealer options",
  secured307: "Secured 30 7",
  clearedSwaps4df: "Cleared swaps",
};

/** Codes the form gained with the 2012–13 residual interest rules. */
const RESIDUAL_LINES = new Set(["7194", "7198", "7780", "7785", "8760", "8770"]);

/** The older form's words for what it called clearing organizations before "derivatives clearing organizations". */
function olderWording(text: string): string {
  return text
    .replace(/derivatives clearing organizations/gi, (m) =>
      m[0] === "D" ? "Clearing organizations" : "clearing organizations"
    )
    .replace(/\(Section 4d\(2\) of the CEAct\)/i, "(Section 4d(2) of the Commodity Exchange Act)");
}

const FOOTNOTES = [" (1)", "*", "\u00b9", " (2)", "**", "\u00b2"];

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const colName = (n: number) => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** Amount as a preparer might type it into a text cell. */
function asText(value: number, random: () => number): string {
  if (value === 0) return random() < 0.5 ? "\u2014" : "-";
  const grouped = Math.abs(value).toLocaleString("en-US");
  const dollar = random() < 0.3 ? "$" : "";
  if (value > 0) return `${dollar}${grouped}`;
  return random() < 0.7 ? `(${dollar}${grouped})` : `${dollar}${grouped}-`;
}

/** Split a long label at the word boundary nearest its middle. */
function halves(text: string): [string, string] | null {
  const words = text.split(" ");
  if (words.length < 7) return null;
  const at = Math.ceil(words.length / 2);
  return [words.slice(0, at).join(" "), words.slice(at).join(" ")];
}

/** Excel's serial number of a date (1900 system). */
const serial = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

interface PlannedRow {
  /** One or two label cells' text (a wrapped label has two rows: the first holds no amount). */
  label: string;
  amounts: { code: Code; column: 0 | 1 }[];
  total: boolean;
}

/** A firm's statements laid out by `v`, amounts consistent within each period. */
export function buildVaried(slug: string, v: Variation, random: () => number): VariedBuilt {
  let sections = publishedSections(slug);
  if (v.olderForm) sections = sections.filter((s) => s.statement !== "clearedSwaps4df");
  const truth = new Map<string, Code>();
  const mustNotBind = new Set<string>();
  const otherPeriod = new Set<string>();
  const sheets: SheetModel[] = [];
  const periods = v.comparative ? 2 : 1;
  // Which period block holds the current period.
  const currentBlock = v.comparative && !v.comparative.currentFirst ? 1 : 0;
  const ambiguous = v.comparative?.headers === "none";
  // Columns: A label, then the gap, then the note column, then each period's inner and main.
  const firstAfterLabel = 2 + v.gap;
  const noteCol = v.noteColumn ? firstAfterLabel : null;
  const blockStart = firstAfterLabel + (v.noteColumn ? 1 : 0);
  const innerOf = (p: number) => blockStart + 2 * p;
  const mainOf = (p: number) => blockStart + 2 * p + 1;

  let sheet: SheetModel | null = null;
  let row = 1;
  const put = (s: SheetModel, col: number, r: number, cell: Omit<CellModel, "ref">) =>
    s.cells.push({ ref: `${colName(col)}${r}`, ...cell });

  sections.forEach((section) => {
    if (!sheet || !v.stacked) {
      sheet = {
        name: v.stacked ? "Statements" : ENGINE_SHEET[section.statement],
        cells: [],
        merges: [],
      };
      sheets.push(sheet);
      row = 1;
      if (v.titleBlock) {
        put(sheet, 1, row++, { value: "Example Futures LLC" });
        put(sheet, 1, row++, {
          value:
            "Supplementary Schedules Pursuant to Regulation 1.10 of the Commodity Futures Trading Commission",
        });
        put(sheet, 1, row++, { value: "As of November 30, 2020" });
        put(sheet, 1, row++, { value: "(Unaudited)" });
        row++;
      }
      put(sheet, 1, row++, { value: "(in thousands)" });
    } else row += 2;
    const s: SheetModel = sheet;
    put(s, 1, row, { value: v.olderForm ? olderWording(section.title) : section.title });
    if (!v.comparative?.onTitleRow) row++;
    const varianceCol = v.comparative?.variance ? mainOf(periods - 1) + 1 : null;
    if (v.comparative || v.noteColumn) {
      if (varianceCol !== null) put(s, varianceCol, row, { value: "Change" });
      if (noteCol !== null) put(s, noteCol, row, { value: "Note" });
      if (v.comparative) {
        for (let p = 0; p < periods; p++) {
          const current = p === currentBlock;
          const col = mainOf(p);
          const h = v.comparative.headers;
          if (h === "dates")
            put(s, col, row, {
              value: current ? serial(2020, 11, 30) : serial(2020, 10, 31),
              numberFormat: "m/d/yyyy",
            });
          else if (h === "date-text")
            put(s, col, row, { value: current ? "11/30/2020" : "10/31/2020" });
          else if (h === "years") put(s, col, row, { value: current ? "2020" : "2019" });
          else if (h === "words")
            put(s, col, row, { value: current ? "Current period" : "Prior period" });
        }
      }
      row++;
    }

    // Lines kept; the older form has no residual interest lines.
    const kept = section.rows.filter((r) => !(v.olderForm && r.code && RESIDUAL_LINES.has(r.code)));
    const planned: PlannedRow[] = [];
    for (const r of kept) {
      if (r.sameLineAsPrevious && planned.length) {
        if (r.hasAmount && r.code)
          planned[planned.length - 1].amounts.push({ code: r.code, column: col0(r) });
        continue;
      }
      let label = (r.reading ?? r.text).trim();
      if (v.olderForm) label = olderWording(label);
      planned.push({
        label,
        amounts: r.hasAmount && r.code ? [{ code: r.code, column: col0(r) }] : [],
        total: /\btotal\b|net equity|excess/i.test(label),
      });
    }

    // Each period's amounts: inputs random, totals computed; some inputs nil, shown as dashes.
    const printed = new Set(planned.flatMap((p) => p.amounts.map((a) => a.code)));
    const values = Array.from({ length: periods }, () => {
      const nil = new Set(
        [...printed].filter((c) => !lineOf(c)?.formula && v.textAmounts > 0 && random() < 0.1)
      );
      const got = amountsFor(
        ENGINE_ID[section.statement],
        new Set([...printed].filter((c) => !nil.has(c))),
        random
      );
      for (const c of nil) got.set(c, 0);
      return got;
    });

    for (const p of planned) {
      let label = p.label;
      const parts = random() < v.split ? halves(label) : null;
      if (parts) {
        // Wrapped into two cells, one below the other: the amount on the second row.
        put(s, 1, row++, { value: spaced(parts[0], v) });
        label = parts[1];
      } else if (random() < v.breaks) {
        const h = halves(label);
        if (h) label = `${h[0]}\n${h[1]}`;
      }
      if (random() < v.footnotes && p.amounts.length)
        label += FOOTNOTES[Math.floor(random() * FOOTNOTES.length)];
      put(s, 1, row, { value: spaced(label, v) });
      if (v.merged && v.gap > 0) s.merges!.push(`A${row}:${colName(1 + v.gap)}${row}`);
      if (p.amounts.length && noteCol !== null && random() < 0.3)
        put(s, noteCol, row, { value: 1 + Math.floor(random() * 12) });
      for (let per = 0; per < periods; per++) {
        for (const a of p.amounts) {
          const col = a.column === 1 ? innerOf(per) : mainOf(per);
          const value = values[per].get(a.code) ?? 0;
          const at = `${quote(s.name)}!${colName(col)}${row}`;
          if (random() < v.textAmounts || (v.textAmounts > 0 && value === 0))
            put(s, col, row, { value: asText(value, random) });
          else put(s, col, row, { value, numberFormat: "#,##0;(#,##0)" });
          if (ambiguous) mustNotBind.add(at);
          else if (per === currentBlock) truth.set(at, a.code);
          else otherPeriod.add(at);
        }
      }
      if (varianceCol !== null) {
        const main = p.amounts.filter((a) => a.column === 0);
        for (const a of main) {
          const change =
            (values[currentBlock].get(a.code) ?? 0) - (values[1 - currentBlock].get(a.code) ?? 0);
          put(s, varianceCol, row, { value: change, numberFormat: "#,##0;(#,##0)" });
          (ambiguous ? mustNotBind : otherPeriod).add(
            `${quote(s.name)}!${colName(varianceCol)}${row}`
          );
        }
      }
      row++;
      if (v.rules && p.total && p.amounts.length) {
        for (let per = 0; per < periods; per++)
          put(s, mainOf(per), row, { value: random() < 0.5 ? "________" : "========" });
        row++;
      }
    }
  });
  return { model: { sheets }, truth, mustNotBind, otherPeriod };
}

/** Non-breaking spaces between words, as some exports and web copies write them. */
const spaced = (text: string, v: Variation) => (v.nbsp ? text.replace(/ /g, "\u00a0") : text);

const col0 = (r: RefRow): 0 | 1 => (r.column === 1 ? 1 : 0);

const ENGINE_ID = {
  seg4d2: "seg-4d2",
  dealerOptions326: "dealer-options-32.6",
  secured307: "secured-30.7",
  clearedSwaps4df: "cleared-swaps-4df",
} as const;

/** The single variations, one workbook each, then combinations drawn from a seed. */
export function variationCorpus(): {
  name: string;
  slug: string;
  variation: Variation;
  seed: number;
}[] {
  const slugs = ["goldman-sachs-2018-12-31", "goldman-sachs-2020-12-31", "hsbc-2020-11-30"];
  const singles: [string, Partial<Variation>][] = [
    ["comparative-dates-current-first", { comparative: { headers: "dates", currentFirst: true } }],
    ["comparative-dates-prior-first", { comparative: { headers: "dates", currentFirst: false } }],
    [
      "comparative-date-text-prior-first",
      { comparative: { headers: "date-text", currentFirst: false } },
    ],
    ["comparative-years", { comparative: { headers: "years", currentFirst: true } }],
    ["comparative-words-prior-first", { comparative: { headers: "words", currentFirst: false } }],
    ["comparative-unheaded", { comparative: { headers: "none", currentFirst: true } }],
    [
      "comparative-on-title-row",
      { comparative: { headers: "date-text", currentFirst: true, onTitleRow: true } },
    ],
    [
      "comparative-variance",
      { comparative: { headers: "dates", currentFirst: false, variance: true } },
    ],
    ["gap-3", { gap: 3 }],
    ["note-column", { noteColumn: true, gap: 1 }],
    ["wrapped-rows", { split: 0.5 }],
    ["line-breaks", { breaks: 0.6 }],
    ["nbsp", { nbsp: true }],
    ["footnotes", { footnotes: 0.4 }],
    ["text-amounts", { textAmounts: 0.5 }],
    ["title-block", { titleBlock: true }],
    ["older-form", { olderForm: true }],
    ["merged-labels", { gap: 2, merged: true }],
    ["underlines", { rules: true }],
  ];
  const out: { name: string; slug: string; variation: Variation; seed: number }[] = [];
  singles.forEach(([name, partial], i) => {
    for (const stacked of [false, true]) {
      const slug = slugs[(2 * i + (stacked ? 1 : 0)) % slugs.length];
      out.push({
        name: `${name}-${stacked ? "stacked" : "sheets"}-${slug}`,
        slug,
        variation: { ...PLAIN, ...partial, stacked },
        seed: 500 + out.length,
      });
    }
  });
  const random = rng(20261204);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  for (let i = 0; i < 16; i++) {
    const headers = pick(["dates", "date-text", "years", "words", "none"] as const);
    const variation: Variation = {
      comparative: random() < 0.4 ? { headers, currentFirst: random() < 0.6 } : null,
      gap: pick([0, 0, 1, 2, 4]),
      noteColumn: random() < 0.3,
      split: pick([0, 0, 0.2, 0.4]),
      breaks: pick([0, 0.2, 0.5]),
      nbsp: random() < 0.2,
      footnotes: pick([0, 0.1, 0.3]),
      textAmounts: pick([0, 0, 0.2, 0.6]),
      titleBlock: random() < 0.5,
      olderForm: random() < 0.3,
      merged: random() < 0.3,
      rules: random() < 0.3,
      stacked: random() < 0.5,
    };
    const slug = slugs[i % slugs.length];
    out.push({ name: `mixed${i}-${slug}`, slug, variation, seed: 900 + i });
  }
  return out;
}
