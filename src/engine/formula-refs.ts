import { colToIndex } from "../grid";

/** A rectangle on a sheet (sheet null: the formula's own sheet). Whole rows/columns use the sheet's limits. */
export interface RefArea {
  sheet: string | null;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface FormulaRefs {
  areas: RefArea[];
  /** Defined names used, upper-cased. */
  names: string[];
  /** References we cannot follow: other workbooks, structured table references. */
  opaque: boolean;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/**
 * The cells and names a formula reads, for the plugged-total check. A light lexer:
 * string literals are skipped, sheet prefixes kept, function names dropped.
 */
export function formulaRefs(formula: string): FormulaRefs {
  const areas: RefArea[] = [];
  const names: string[] = [];
  let opaque = false;
  const src = formula.replace(/^=/, "").replace(/"(?:[^"]|"")*"/g, '""');
  if (/\[[^\]]*\]/.test(src)) opaque = true; // [1]Sheet!A1 or Table[Column]
  const token =
    /(?:('(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+|[A-Za-z_\\][\w.]*(?=\s*\()|[A-Za-z_\\][\w.]*)/g;
  for (let m = token.exec(src); m; m = token.exec(src)) {
    const before = m.index > 0 ? src[m.index - 1] : "";
    if (/[\w.$]/.test(before)) continue; // inside a number or a longer token
    const sheet = m[1] ? unquote(m[1]) : null;
    const body = m[2];
    const next = src.slice(token.lastIndex).trimStart()[0];
    if (next === "(") continue; // a function name
    const area = parseArea(body);
    if (area) {
      areas.push({ sheet, ...area });
    } else if (/^(TRUE|FALSE)$/i.test(body)) {
      continue;
    } else {
      names.push(body.toUpperCase());
    }
  }
  return { areas, names, opaque };
}

function unquote(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

function parseArea(body: string): Omit<RefArea, "sheet"> | null {
  const cells = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(body);
  if (cells) {
    const c1 = colToIndex(cells[1]);
    const r1 = Number(cells[2]);
    const c2 = cells[3] ? colToIndex(cells[3]) : c1;
    const r2 = cells[4] ? Number(cells[4]) : r1;
    if (c1 > MAX_COL || c2 > MAX_COL || r1 < 1 || r1 > MAX_ROW) return null;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(body);
  if (cols) {
    const a = colToIndex(cols[1]);
    const b = colToIndex(cols[2]);
    return { r1: 1, r2: MAX_ROW, c1: Math.min(a, b), c2: Math.max(a, b) };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(body);
  if (rows) {
    const a = Number(rows[1]);
    const b = Number(rows[2]);
    return { r1: Math.min(a, b), r2: Math.max(a, b), c1: 1, c2: MAX_COL };
  }
  return null;
}

export function areaContains(area: RefArea, sheet: string, ownSheet: string, row: number, col: number): boolean {
  const areaSheet = area.sheet ?? ownSheet;
  return areaSheet.toLowerCase() === sheet.toLowerCase() && row >= area.r1 && row <= area.r2 && col >= area.c1 && col <= area.c2;
}
