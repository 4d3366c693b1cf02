import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabelCell } from "../../src/engine/labels";

/** The published statements' wording (../shared/reference/statement-wording/). */
export const WORDING_DIR = join(
  __dirname,
  "..",
  "..",
  "..",
  "shared",
  "reference",
  "statement-wording"
);

export interface RefRow {
  text: string;
  code: string | null;
  column: 0 | 1 | null;
  hasAmount: boolean;
  sameLineAsPrevious?: boolean;
  indent?: number;
  continuation?: boolean;
  inferred?: boolean;
  printedCode?: string | null;
  reading?: string;
}
export interface RefSection {
  statement: "seg4d2" | "dealerOptions326" | "secured307" | "clearedSwaps4df";
  title: string;
  rows: RefRow[];
}
export interface RefStatement {
  slug: string;
  firm: string;
  asOf: string;
  printedUnit: string | null;
  sections: RefSection[];
}

export function loadReference(slug: string): RefStatement {
  const ref = JSON.parse(readFileSync(join(WORDING_DIR, `${slug}.json`), "utf8")) as RefStatement;
  return ref.slug.startsWith("hsbc") ? correctSeed(ref) : ref;
}

export function referenceSlugs(): string[] {
  return readdirSync(WORDING_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

/**
 * The seed's OCR put 7090's figure on the line-8 heading and left the 7C row's code unread; its printed
 * codes say where each amount belongs. Dealer options (b) are blank in the seed: no amounts.
 */
function correctSeed(ref: RefStatement): RefStatement {
  for (const s of ref.sections) {
    for (const r of s.rows) {
      if (r.inferred) {
        r.code = null;
        r.hasAmount = false;
        r.column = null;
      } else if (r.printedCode && r.code === null && r.hasAmount) {
        r.code = r.printedCode;
      }
    }
  }
  return ref;
}

export interface Layout {
  /** Column of the label (1 = A). */
  labelCol: number;
  /** Main and inner amount columns. */
  main: number;
  inner: number;
  /** Line numbers in their own column left of the label. */
  markerColumn?: boolean;
}

export const PUBLISHED: Layout = { labelCol: 1, inner: 3, main: 4 };

/** Expected code per amount cell ("row:col" → code). */
export type Truth = Map<string, string>;

/**
 * A statement laid out as published: a title row, the label in one column, figures in an inner and a
 * main column, headings on rows of their own, two figures on one row where the print has them.
 */
export function layOut(
  sections: RefSection[],
  opts: {
    layout?: Layout;
    startRow?: number;
    amount?: (code: string) => number;
    unitText?: string | null;
  } = {}
): { cells: LabelCell[]; truth: Truth; headings: number[]; nextRow: number } {
  const layout = opts.layout ?? PUBLISHED;
  const cells: LabelCell[] = [];
  const truth: Truth = new Map();
  const headings: number[] = [];
  let row = opts.startRow ?? 1;
  const text = (r: number, c: number, t: string) =>
    cells.push({ row: r, col: c, content: { value: { type: "text", text: t } } });
  const num = (r: number, c: number, code: string) =>
    cells.push({
      row: r,
      col: c,
      content: {
        value: { type: "number", value: opts.amount ? opts.amount(code) : 1000 + Number(code) },
      },
    });
  if (opts.unitText) text(row++, layout.labelCol, opts.unitText);
  for (const s of sections) {
    text(row++, layout.labelCol, s.title);
    for (const r of s.rows) {
      const shown = r.reading ?? r.text;
      if (r.sameLineAsPrevious) row--;
      else if (layout.markerColumn) {
        const m = /^\s*([0-9]{1,2}[.]|[A-H][.])\s*(.*)$/.exec(shown);
        if (m) {
          text(row, layout.labelCol, m[1]);
          text(row, layout.labelCol + 1, m[2]);
        } else text(row, layout.labelCol + 1, shown);
      } else text(row, layout.labelCol, r.indent ? " ".repeat(r.indent * 2) + shown : shown);
      if (r.hasAmount && r.code) {
        const col = r.column === 1 ? layout.inner : layout.main;
        num(row, col, r.code);
        truth.set(`${row}:${col}`, r.code);
      } else if (!r.hasAmount && !r.code && !r.printedCode) headings.push(row);
      row++;
    }
    row++;
  }
  return { cells, truth, headings, nextRow: row };
}
