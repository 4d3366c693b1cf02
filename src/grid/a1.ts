/** A1 addresses as numbers: column letters to index and back. Rows and columns are 1-based. */

export interface CellPos {
  row: number;
  col: number;
}

export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function indexToCol(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseA1(address: string): CellPos | null {
  const m = A1.exec(address.trim());
  if (!m) return null;
  const col = colToIndex(m[1]);
  const row = Number(m[2]);
  if (col < 1 || col > 16384 || row < 1 || row > 1048576) return null;
  return { row, col };
}

export function toA1(pos: CellPos): string {
  return indexToCol(pos.col) + pos.row;
}
