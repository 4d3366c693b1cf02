import { parseCellLabel, topLeftOf } from "../grid";

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
  return b?.sheet && b.address ? { sheet: b.sheet, address: topLeftOf(b.address) } : null;
}

/**
 * The structure of a label, for findings raised where only the label is at hand (names
 * resolved to several cells, duplicate bindings, period cells): parsed once, where the
 * finding is made, by the grid module's one parser.
 */
export function locationOfLabel(label: string): CellLocation | null {
  return parseCellLabel(label);
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
