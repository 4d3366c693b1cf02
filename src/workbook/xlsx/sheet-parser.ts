import { type CellContent, type CellValue, colToIndex, parseA1 } from "../../engine";
import { shiftFormula } from "./shared-formula";
import type { Styles } from "./styles";
import { codeInCell } from "../detect";
import { LABEL_SCAN_ROWS } from "../port";
import { decodeExcelEscapes, scanXml } from "./xml";

export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** The cells of one worksheet that were asked for, and its merged areas. */
export interface SheetData {
  cells: Map<number, CellContent>;
  merges: Area[];
  protected: boolean;
  /** The number of cells seen, kept or not. */
  cellCount: number;
}

export const cellKey = (row: number, col: number): number => row * 16385 + col;

/**
 * Which cells to keep: all of them, a set of keys (bound cells), or "layout":
 * only cells holding a line code and the cell just left of each (what layout
 * detection reads), so detecting on a million-row sheet keeps a few hundred cells;
 * or "labels": "layout" plus every cell of the first LABEL_SCAN_ROWS rows (binding by label).
 */
export type Keep = "all" | "layout" | "labels" | Set<number>;

/**
 * Read a worksheet part. One pass; keeps only the cells asked for, so a
 * million-row sheet costs its scan, not its cells.
 */
export function parseSheet(xml: string, sharedStrings: string[], styles: Styles, keep: Keep): SheetData {
  const cells = new Map<number, CellContent>();
  const merges: Area[] = [];
  let isProtected = false;
  let cellCount = 0;
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  /** The cell parsed just before, for "layout": a code's amount sits immediately to its left. */
  let previous: { key: number; content: CellContent } | null = null;

  let row = 0;
  let col = 0;
  let inCell = false;
  let cell: { row: number; col: number; t: string; s: number; formula?: string; fAttrs?: Record<string, string>; v?: string; is?: string } | null = null;
  let capture: "v" | "f" | "t" | null = null;
  let inIs = false;
  let inRph = false;
  let buf = "";

  scanXml(xml, {
    open(name, a, self) {
      switch (name) {
        case "row":
          row = a.r ? Number(a.r) : row + 1;
          col = 0;
          break;
        case "c": {
          const pos = a.r ? parseA1(a.r) : null;
          if (pos) {
            row = pos.row;
            col = pos.col;
          } else col += 1;
          cellCount++;
          cell = { row, col, t: a.t ?? "n", s: Number(a.s ?? 0) };
          inCell = !self;
          if (self) finish();
          break;
        }
        case "f":
          if (cell) {
            cell.fAttrs = a;
            cell.formula = "";
            if (!self) {
              capture = "f";
              buf = "";
            }
          }
          break;
        case "v":
          if (cell && !self) {
            capture = "v";
            buf = "";
          } else if (cell) cell.v = "";
          break;
        case "is":
          if (cell) {
            inIs = true;
            cell.is = "";
          }
          break;
        case "rPh":
          inRph = true;
          break;
        case "t":
          if (inIs && !inRph && !self) {
            capture = "t";
            buf = "";
          }
          break;
        case "mergeCell": {
          const area = parseArea(a.ref ?? "");
          if (area) merges.push(area);
          break;
        }
        case "sheetProtection":
          isProtected = a.sheet === "1" || a.sheet === "true";
          break;
      }
    },
    text(t) {
      if (capture) buf += t;
    },
    close(name) {
      if (name === "f" && capture === "f" && cell) {
        cell.formula = buf;
        capture = null;
      } else if (name === "v" && capture === "v" && cell) {
        cell.v = buf;
        capture = null;
      } else if (name === "t" && capture === "t" && cell) {
        cell.is = (cell.is ?? "") + buf;
        capture = null;
      } else if (name === "rPh") inRph = false;
      else if (name === "is") inIs = false;
      else if (name === "c" && inCell) {
        inCell = false;
        finish();
      }
    },
  });

  function finish(): void {
    const c = cell!;
    cell = null;
    // Shared formulas: remember every master, even for cells we do not keep.
    if (c.fAttrs?.t === "shared" && c.fAttrs.si !== undefined && c.formula) {
      masters.set(c.fAttrs.si, { formula: c.formula, row: c.row, col: c.col });
    }
    const key = cellKey(c.row, c.col);
    if (keep instanceof Set && !keep.has(key)) return;
    let formula = c.formula;
    if (c.fAttrs?.t === "shared" && !formula && c.fAttrs.si !== undefined) {
      const m = masters.get(c.fAttrs.si);
      formula = m ? shiftFormula(m.formula, c.row - m.row, c.col - m.col) : undefined;
    }
    const hasFormula = c.fAttrs !== undefined;
    const content: CellContent = { value: cellValue(c, sharedStrings, hasFormula) };
    if (hasFormula) content.formula = formula ?? "";
    const fmt = styles.formats[c.s];
    if (fmt && fmt !== "General") content.numberFormat = fmt;
    if (keep === "labels" && c.row <= LABEL_SCAN_ROWS) {
      cells.set(key, content);
      previous = { key, content };
      return;
    }
    if (keep === "layout" || keep === "labels") {
      if (codeInCell(content)) {
        cells.set(key, content);
        if (previous && previous.key === key - 1) cells.set(previous.key, previous.content);
      }
      previous = { key, content };
      return;
    }
    cells.set(key, content);
  }

  return { cells, merges, protected: isProtected, cellCount };
}

function cellValue(c: { t: string; v?: string; is?: string }, sst: string[], hasFormula: boolean): CellValue | null {
  if (c.t === "inlineStr") return c.is !== undefined ? { type: "text", text: decodeExcelEscapes(c.is) } : { type: "blank" };
  if (c.v === undefined) return hasFormula ? null : { type: "blank" };
  switch (c.t) {
    case "s": {
      const s = sst[Number(c.v)];
      return s === undefined ? { type: "error", error: "#REF! (missing shared string)" } : { type: "text", text: s };
    }
    case "str":
      return { type: "text", text: decodeExcelEscapes(c.v) };
    case "b":
      return { type: "boolean", value: c.v === "1" || c.v === "true" };
    case "e":
      return { type: "error", error: c.v };
    case "d":
      return { type: "error", error: `a date (${c.v})` };
    default: {
      if (c.v.trim() === "") return hasFormula ? null : { type: "blank" };
      const n = Number(c.v);
      return Number.isFinite(n) ? { type: "number", value: n } : { type: "error", error: `unreadable number "${c.v.slice(0, 30)}"` };
    }
  }
}

export function parseArea(ref: string): Area | null {
  const [a, b] = ref.split(":");
  const p = parseA1(a ?? "");
  const q = b ? parseA1(b) : p;
  if (!p || !q) return null;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

export { colToIndex };
