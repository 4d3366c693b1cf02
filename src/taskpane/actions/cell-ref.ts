import { indexToCol, parseA1 } from "../../engine";
import type { RangeRef } from "../../workbook/port";

/** 'Sheet name'!A1 or Sheet1!$A$1, optionally a range (its top-left cell is taken). */
const CELL_LABEL =
  /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** The sheet and top-left cell of a label such as 'Day 1'!E29; null when it is not one. */
export function parseCellLabel(label: string): RangeRef | null {
  const m = CELL_LABEL.exec(label.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const address = m[3].replace(/\$/g, "").toUpperCase();
  return parseA1(address) ? { sheet, address } : null;
}

/** The top-left cell of an address or range, without $: "B3:C4" -> "B3". */
export function topLeftOf(address: string): string {
  return address.split(":")[0].replace(/\$/g, "").toUpperCase();
}

/** What a name refers to: 'Day 1'!$E$29 (absolute, so the name does not drift). */
export function absoluteReference(sheet: string, address: string): string {
  const pos = parseA1(address);
  if (!pos) throw new Error(`"${address}" is not a cell address`);
  return `'${sheet.replace(/'/g, "''")}'!$${indexToCol(pos.col)}$${pos.row}`;
}

/** Excel compares sheet and defined names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
