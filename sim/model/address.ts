import { colIndex, MAX_COL, MAX_ROW } from "../formula/lexer";

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const cellKey = (row: number, col: number): number => row * (MAX_COL + 1) + col;
export const keyRow = (key: number): number => Math.floor(key / (MAX_COL + 1));
export const keyCol = (key: number): number => key % (MAX_COL + 1);

export const WHOLE_SHEET: Area = { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL };

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** "B3", "B3:C4", "$B$3", "A:C" or "3:5" as an area; null when it is none of these or leaves the sheet. */
export function parseAddress(address: string): Area | null {
  const a = address.trim();
  let m = COLS.exec(a);
  if (m) return normalized({ r1: 1, r2: MAX_ROW, c1: colIndex(m[1]), c2: colIndex(m[2]) });
  m = ROWS.exec(a);
  if (m) return normalized({ r1: Number(m[1]), r2: Number(m[2]), c1: 1, c2: MAX_COL });
  const [first, second, extra] = a.split(":");
  if (extra !== undefined) return null;
  const p = CELL.exec(first);
  const q = CELL.exec(second ?? first);
  if (!p || !q) return null;
  return normalized({ r1: Number(p[2]), c1: colIndex(p[1]), r2: Number(q[2]), c2: colIndex(q[1]) });
}

function normalized(a: Area): Area | null {
  const area = {
    r1: Math.min(a.r1, a.r2),
    c1: Math.min(a.c1, a.c2),
    r2: Math.max(a.r1, a.r2),
    c2: Math.max(a.c1, a.c2),
  };
  const inside = area.r1 >= 1 && area.c1 >= 1 && area.r2 <= MAX_ROW && area.c2 <= MAX_COL;
  return inside ? area : null;
}

/** Excel's spelling: "B3", "B3:C4", whole columns "A:C", whole rows "3:5" (the whole sheet is "1:1048576"). */
export function areaA1(a: Area, absolute = false): string {
  const $ = absolute ? "$" : "";
  if (a.r1 === 1 && a.r2 === MAX_ROW && !(a.c1 === 1 && a.c2 === MAX_COL))
    return `${$}${columnLetters(a.c1)}:${$}${columnLetters(a.c2)}`;
  if (a.c1 === 1 && a.c2 === MAX_COL) return `${$}${a.r1}:${$}${a.r2}`;
  const first = `${$}${columnLetters(a.c1)}${$}${a.r1}`;
  return a.r1 === a.r2 && a.c1 === a.c2 ? first : `${first}:${$}${columnLetters(a.c2)}${$}${a.r2}`;
}

/** A sheet name as a formula or an address writes it: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/.test(name) &&
    !CELL.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const qualifiedAddress = (sheet: string, a: Area, absolute = false): string =>
  `${quoteSheetName(sheet)}!${areaA1(a, absolute)}`;

export const cellCount = (a: Area): number => (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);

export const intersects = (a: Area, b: Area): boolean =>
  a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export const contains = (outer: Area, row: number, col: number): boolean =>
  row >= outer.r1 && row <= outer.r2 && col >= outer.c1 && col <= outer.c2;

export const sameArea = (a: Area, b: Area): boolean =>
  a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;

/** "'Day 1'!B3" → { sheet: "Day 1", address: "B3" }; an address without a sheet has sheet null. */
export function splitQualified(text: string): { sheet: string | null; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text.trim());
  if (!m) return { sheet: null, address: text.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3] };
}
