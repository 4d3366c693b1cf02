/**
 * Where a finding's cell is, as structure: the sheet's own name (no quotes) and an A1
 * address without $. The printable form is cellLabel(sheet, address) in cell.ts; the CLI
 * and the pane read this instead of taking that label apart again.
 */
export interface CellLocation {
  sheet: string;
  address: string;
}

/** The cell of a bound line, or null for a name that holds a constant. */
export function locationOf(
  b: { sheet?: string; address?: string } | undefined
): CellLocation | null {
  return b?.sheet && b.address ? { sheet: b.sheet, address: topLeft(b.address) } : null;
}

/** 'Sheet name'!A1 (quotes doubled inside) or Sheet1!$A$1, a range's top-left cell; null when it is not one. */
const LABEL =
  /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * The structure of a label, for findings raised where only the label is at hand (names
 * resolved to several cells, duplicate bindings, period cells): parsed once, where the
 * finding is made.
 */
export function locationOfLabel(label: string): CellLocation | null {
  const m = LABEL.exec(label.trim());
  if (!m) return null;
  return {
    sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2],
    address: `${m[3].toUpperCase()}${m[4]}`,
  };
}

function topLeft(address: string): string {
  return address.split(":")[0].replace(/\$/g, "").toUpperCase();
}

/** A finding's cell in both forms: the printable label and its structure. */
export interface Place {
  cell: string | null;
  location: CellLocation | null;
}

/** Where a bound line is, in both forms; nowhere for a constant name or an unbound line. */
export function placeOf(
  b: { cell: string | null; sheet?: string; address?: string } | undefined
): Place {
  if (!b?.cell) return { cell: null, location: null };
  return { cell: b.cell, location: locationOf(b) ?? locationOfLabel(b.cell) };
}
