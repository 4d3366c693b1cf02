import type { CellContent, CellValue } from "../../grid";
import { cellKey, colToIndex, keyCol, keyRow, parseA1, parseArea, type Area } from "../../grid";
import { shiftFormula } from "./shared-formula";
import type { Styles } from "./styles";
import { decodeExcelEscapes, elementText, Tok, XmlTokenizer } from "./xml";

// the token kinds as plain constants: this loop runs once per tag of every sheet
const END = Tok.End,
  OPEN = Tok.Open,
  CLOSE = Tok.Close;

/** The cells of one worksheet that were asked for, and its merged areas. */
export interface SheetData {
  cells: Map<number, CellContent>;
  merges: Area[];
  protected: boolean;
  /** The number of cells seen, kept or not. */
  cellCount: number;
}

/**
 * Cells picked by a test (a line code, for layout detection) and the cell just left of each,
 * plus every cell of the first `headRows` rows (0: none): so detecting on a million-row sheet
 * keeps a few hundred cells. One Around covers another with the same `pick` and no more head rows.
 */
export interface Around {
  pick: (content: CellContent) => boolean;
  headRows: number;
}

/** Which cells to keep: all of them, a set of keys (bound cells), or those Around picks. */
export type Keep = "all" | Set<number> | Around;

/**
 * Read a worksheet part. One pass; keeps only the cells asked for, so a
 * million-row sheet costs its scan, not its cells.
 */
export function parseSheet(
  xml: string,
  sharedStrings: string[],
  styles: Styles,
  keep: Keep
): SheetData {
  const cells = new Map<number, CellContent>();
  const merges: Area[] = [];
  let isProtected = false;
  let cellCount = 0;
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  /** The cell parsed just before, for "layout": a code's amount sits immediately to its left. */
  let previous: { key: number; content: CellContent } | null = null;

  let row = 0;
  let col = 0;
  // The cell being read, in plain variables (no object per cell): inCell says there is one.
  let inCell = false;
  let wanted = false;
  let cType = "n";
  let cStyle = 0;
  let cValue: string | undefined;
  let cInline: string | undefined;
  let cFormula: string | undefined;
  let cFAttrs: Record<string, string> | undefined;
  let inIs = false;
  let inRph = false;
  const only = keep instanceof Set ? keep : null;
  const around = keep !== "all" && !(keep instanceof Set) ? keep : null;

  const t = new XmlTokenizer(xml);
  for (let k = t.next(); k !== END; k = t.next()) {
    if (k === OPEN) {
      if (t.is("c")) {
        const r = t.attrValueRange("r");
        const at = r ? cellRefAt(xml, r.start, r.end) : -1;
        if (at >= 0) {
          row = keyRow(at);
          col = keyCol(at);
        } else {
          // anything but a plain "B12" (entities, $, spaces, a prefixed x:r): the slow way
          const ref = t.attr("r");
          const pos = ref ? parseA1(ref) : null;
          if (pos) {
            row = pos.row;
            col = pos.col;
          } else col += 1;
        }
        cellCount++;
        inCell = true;
        // a cell not asked for is only read for a shared formula it may be the master of
        wanted = only === null || only.has(cellKey(row, col));
        cType = wanted ? (t.attr("t") ?? "n") : "n";
        cStyle = wanted ? Number(t.attr("s") ?? 0) : 0;
        cValue = cInline = cFormula = cFAttrs = undefined;
        if (t.selfClosing) finish();
      } else if (t.is("v")) {
        if (inCell && wanted) cValue = t.selfClosing ? "" : elementText(t, "v");
      } else if (t.is("row")) {
        const r = t.attr("r");
        row = r ? Number(r) : row + 1;
        col = 0;
      } else if (t.is("f")) {
        if (inCell) {
          cFAttrs = t.attrs();
          cFormula = t.selfClosing ? "" : elementText(t, "f");
        }
      } else if (t.is("is")) {
        if (inCell) {
          inIs = !t.selfClosing;
          cInline = "";
        }
      } else if (t.is("rPh")) inRph = !t.selfClosing;
      else if (t.is("t")) {
        if (inIs && !inRph && !t.selfClosing) {
          const text = elementText(t, "t");
          if (inCell) cInline = (cInline ?? "") + text;
        }
      } else if (t.is("mergeCell")) {
        const area = parseArea(t.attr("ref") ?? "");
        if (area) merges.push(area);
      } else if (t.is("sheetProtection")) {
        const sheet = t.attr("sheet");
        isProtected = sheet === "1" || sheet === "true";
      }
    } else if (k === CLOSE) {
      if (t.is("c")) {
        if (inCell) finish();
      } else if (t.is("rPh")) inRph = false;
      else if (t.is("is")) inIs = false;
    }
  }

  function finish(): void {
    inCell = false;
    const shared =
      cFAttrs !== undefined && cFAttrs.t === "shared" && cFAttrs.si !== undefined
        ? cFAttrs.si
        : undefined;
    // Shared formulas: remember every master, even for cells we do not keep.
    if (shared !== undefined && cFormula) masters.set(shared, { formula: cFormula, row, col });
    if (!wanted) return;
    const key = cellKey(row, col);
    let formula = cFormula;
    if (shared !== undefined && !formula) {
      const m = masters.get(shared);
      formula = m ? shiftFormula(m.formula, row - m.row, col - m.col) : undefined;
    }
    const hasFormula = cFAttrs !== undefined;
    const content: CellContent = {
      value: cellValue(cType, cValue, cInline, sharedStrings, hasFormula),
    };
    if (hasFormula) content.formula = formula ?? "";
    const fmt = styles.formats[cStyle];
    if (fmt && fmt !== "General") content.numberFormat = fmt;
    if (around && row <= around.headRows) {
      cells.set(key, content);
      previous = { key, content };
      return;
    }
    if (around) {
      if (around.pick(content)) {
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

export function cellValue(
  t: string,
  v: string | undefined,
  is: string | undefined,
  sst: string[],
  hasFormula: boolean
): CellValue | null {
  if (t === "inlineStr")
    return is !== undefined ? { type: "text", text: decodeExcelEscapes(is) } : { type: "blank" };
  if (v === undefined) return hasFormula ? null : { type: "blank" };
  switch (t) {
    case "s": {
      const s = sst[Number(v)];
      return s === undefined
        ? { type: "error", error: "#REF! (missing shared string)" }
        : { type: "text", text: s };
    }
    case "str":
      return { type: "text", text: decodeExcelEscapes(v) };
    case "b":
      return { type: "boolean", value: v === "1" || v === "true" };
    case "e":
      return { type: "error", error: v };
    case "d":
      return { type: "error", error: `a date (${v})` };
    default: {
      if (v.trim() === "") return hasFormula ? null : { type: "blank" };
      const n = Number(v);
      return Number.isFinite(n)
        ? { type: "number", value: n }
        : { type: "error", error: `unreadable number "${v.slice(0, 30)}"` };
    }
  }
}

/**
 * A cell reference ("B12", no $ or spaces) read in place as cellKey(row, col), or -1 when it
 * is anything else (parseA1 then decides). Saves a string and a regular expression per cell.
 */
export function cellRefAt(s: string, start: number, end: number): number {
  let i = start;
  let col = 0;
  for (; i < end && i - start < 3; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === start || i === end || end - i > 7) return -1;
  let row = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (col > 16384 || row < 1 || row > 1048576) return -1;
  return cellKey(row, col);
}

export { colToIndex };
