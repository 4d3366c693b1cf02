/**
 * Cells and areas of Excel's grid, and their A1 spelling. Rows and columns are 1-based; areas
 * are inclusive rectangles. Excel's limits: https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 */

/** The last row of a worksheet (1,048,576). */
export const MAX_ROW = 1048576;
/** The last column of a worksheet (16,384: XFD). */
export const MAX_COL = 16384;

export interface CellPos {
  row: number;
  col: number;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const WHOLE_SHEET: Area = { r1: 1, c1: 1, r2: MAX_ROW, c2: MAX_COL };

/** One number per cell of a sheet, for maps keyed by cell: row * (MAX_COL + 1) + col. */
export const cellKey = (row: number, col: number): number => row * (MAX_COL + 1) + col;
export const keyRow = (key: number): number => Math.floor(key / (MAX_COL + 1));
export const keyCol = (key: number): number => key % (MAX_COL + 1);

/** Column letters to index: "A" → 1, "XFD" → 16384 (not checked against the limit). */
export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column index to letters: 1 → "A", 16384 → "XFD". */
export function indexToCol(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell's A1 spelling, $ markers allowed: "B3", "$B$3", "B$3". */
export const CELL_A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMNS_A1 = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS_A1 = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

export const insideGrid = (pos: CellPos): boolean =>
  pos.row >= 1 && pos.row <= MAX_ROW && pos.col >= 1 && pos.col <= MAX_COL;

/** "B3" or "$B$3" as a position; null when it is not a cell or lies outside the grid. */
export function parseA1(address: string): CellPos | null {
  const m = CELL_A1.exec(address.trim());
  if (!m) return null;
  const pos = { row: Number(m[2]), col: colToIndex(m[1]) };
  return insideGrid(pos) ? pos : null;
}

/** "B3". */
export function toA1(pos: CellPos): string {
  return indexToCol(pos.col) + pos.row;
}

/** "$B$3": what a defined name refers to, so it does not drift. */
export function absoluteA1(pos: CellPos): string {
  return `$${indexToCol(pos.col)}$${pos.row}`;
}

/** "B3", "B3:C4", "$B$3", whole columns "A:C" or whole rows "3:5" as an area (corners in either order); null when it is none of these or leaves the grid. */
export function parseArea(address: string): Area | null {
  const a = address.trim();
  let m = COLUMNS_A1.exec(a);
  if (m)
    return normalized({
      r1: 1,
      r2: MAX_ROW,
      c1: colToIndex(m[1]),
      c2: colToIndex(m[2]),
    });
  m = ROWS_A1.exec(a);
  if (m)
    return normalized({
      r1: Number(m[1]),
      r2: Number(m[2]),
      c1: 1,
      c2: MAX_COL,
    });
  const [first, second, extra] = a.split(":");
  if (extra !== undefined) return null;
  const p = CELL_A1.exec(first);
  const q = CELL_A1.exec(second ?? first);
  if (!p || !q) return null;
  return normalized({
    r1: Number(p[2]),
    c1: colToIndex(p[1]),
    r2: Number(q[2]),
    c2: colToIndex(q[1]),
  });
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
    return `${$}${indexToCol(a.c1)}:${$}${indexToCol(a.c2)}`;
  if (a.c1 === 1 && a.c2 === MAX_COL) return `${$}${a.r1}:${$}${a.r2}`;
  const first = `${$}${indexToCol(a.c1)}${$}${a.r1}`;
  return a.r1 === a.r2 && a.c1 === a.c2 ? first : `${first}:${$}${indexToCol(a.c2)}${$}${a.r2}`;
}

/** Both corners always, as an .xlsx `ref` attribute writes a merged area: "B3:C4", and "B3:B3" for one cell. */
export const cornersA1 = (a: Area): string =>
  `${toA1({ row: a.r1, col: a.c1 })}:${toA1({ row: a.r2, col: a.c2 })}`;

export const cellArea = (pos: CellPos): Area => ({
  r1: pos.row,
  c1: pos.col,
  r2: pos.row,
  c2: pos.col,
});

export const cellCount = (a: Area): number => (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);

export const intersects = (a: Area, b: Area): boolean =>
  a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export const contains = (outer: Area, row: number, col: number): boolean =>
  row >= outer.r1 && row <= outer.r2 && col >= outer.c1 && col <= outer.c2;

export const sameArea = (a: Area, b: Area): boolean =>
  a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
