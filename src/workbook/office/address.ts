import { indexToCol, parseA1 } from "../../engine";

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "B3" or "B3:C4" (with or without $) as an area; null when it is neither. */
export function parseArea(address: string): Area | null {
  const [a, b, extra] = address.replace(/\$/g, "").split(":");
  if (extra !== undefined) return null;
  const p = parseA1(a ?? "");
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

export function areaA1(a: Area): string {
  const first = `${indexToCol(a.c1)}${a.r1}`;
  return a.r1 === a.r2 && a.c1 === a.c2 ? first : `${first}:${indexToCol(a.c2)}${a.r2}`;
}

/** The A1 part of an address Office returns with its sheet ("'Day 1'!B3:C4" → "B3:C4"). */
export const withoutSheet = (address: string): string =>
  address.slice(address.lastIndexOf("!") + 1);

export const cellCount = (a: Area): number => (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
export const contains = (a: Area, row: number, col: number): boolean =>
  row >= a.r1 && row <= a.r2 && col >= a.c1 && col <= a.c2;
export const sameArea = (a: Area, b: Area): boolean =>
  a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
export const intersects = (a: Area, b: Area): boolean =>
  a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

/** Column width in points for a width in characters of the default font (8.43 characters = 64 px = 48 pt). */
export const charactersToPoints = (chars: number): number =>
  Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
