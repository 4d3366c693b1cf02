/** The empty cell and a cell's printable label; the cell types themselves are the grid's (grid/cell.ts). */
import { qualified } from "../grid";

export type { CellValue, CellContent } from "../grid";
import type { CellContent } from "../grid";

export const BLANK: CellContent = { value: { type: "blank" } };

const ALWAYS = { always: true } as const;

/** A cell's address for people and JSON: 'Sheet name'!B31 (quotes doubled inside, no $). */
export function cellLabel(sheet: string, address: string): string {
  // Most addresses come without $ (a finding's cell): no pattern run for them.
  return qualified(sheet, address.includes("$") ? address.replace(/\$/g, "") : address, ALWAYS);
}
