/**
 * Sheet names as references write them: 'It''s'!A1. A name needs quotes unless it is a plain
 * identifier; it also needs them when it could be read as a cell ("A1", "XFD1048576") or as an
 * R1C1 reference ("R1C1", "r2c3"). Quotes inside are doubled.
 */
import { areaA1, CELL_A1, parseA1, type Area } from "./a1";

/** A quoted sheet name inside a reference, as a regular-expression fragment: '…' with '' inside. */
export const QUOTED_SHEET_NAME = "'(?:[^']|'')+'";

const PLAIN = /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/;
const R1C1_LIKE = /^R\d*C\d*$/i;

/** Whether a sheet name can stand unquoted before "!". */
export const isPlainSheetName = (name: string): boolean =>
  PLAIN.test(name) && !CELL_A1.test(name) && !R1C1_LIKE.test(name);

/** The name as it stands before "!": quoted when it must be (Excel's spelling), or always with `always`. */
export function quoteSheetName(name: string, opts: { always?: boolean } = {}): string {
  if (!opts.always && isPlainSheetName(name)) return name;
  return `'${name.includes("'") ? name.replace(/'/g, "''") : name}'`;
}

/** The sheet name a reference's prefix spells: 'It''s' → It's; an unquoted name is returned as it is. */
export function unquoteSheetName(text: string): string {
  return text.length >= 2 && text.startsWith("'") && text.endsWith("'")
    ? text.slice(1, -1).replace(/''/g, "'")
    : text;
}

/** "'Day 1'!B3" with the sheet quoted when it must be, or always with `always`. */
export const qualified = (
  sheet: string,
  address: string,
  opts: { always?: boolean } = {}
): string => `${quoteSheetName(sheet, opts)}!${address}`;

/** An area on a sheet in Excel's spelling: Sheet1!B3:C4, 'Day 1'!$A:$C. */
export const qualifiedAddress = (sheet: string, a: Area, absolute = false): string =>
  qualified(sheet, areaA1(a, absolute));

const QUALIFIED = new RegExp(`^(?:(${QUOTED_SHEET_NAME})|([^'!]+))!(.+)$`);

/** "'Day 1'!B3" → { sheet: "Day 1", address: "B3" }; an address without a sheet has sheet null. */
export function splitQualified(text: string): {
  sheet: string | null;
  address: string;
} {
  const m = QUALIFIED.exec(text.trim());
  if (!m) return { sheet: null, address: text.trim() };
  return {
    sheet: m[1] !== undefined ? unquoteSheetName(m[1]) : m[2],
    address: m[3],
  };
}

/** 'Sheet name'!A1 or Sheet1!$A$1, optionally a range (its top-left cell is taken). */
const CELL_LABEL = new RegExp(
  `^(?:(${QUOTED_SHEET_NAME})|([^'!]+))!(\\$?[A-Za-z]{1,3}\\$?\\d+)(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?$`
);

/** The top-left cell of an address or range, without $: "B3:C4" -> "B3". */
export function topLeftOf(address: string): string {
  // Most are one cell already without $ (a finding's cell): nothing to take apart.
  if (address.indexOf(":") < 0 && address.indexOf("$") < 0) return address.toUpperCase();
  return address.split(":")[0].replace(/\$/g, "").toUpperCase();
}

/**
 * The sheet and top-left cell of a cell's label such as 'Day 1'!E29 (what the engine prints
 * for a finding and the pane shows); null when it is not one or the cell is off the grid.
 */
export function parseCellLabel(label: string): { sheet: string; address: string } | null {
  const m = CELL_LABEL.exec(label.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? unquoteSheetName(m[1]) : m[2];
  const address = topLeftOf(m[3]);
  return parseA1(address) ? { sheet, address } : null;
}
