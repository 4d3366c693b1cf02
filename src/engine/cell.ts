/**
 * What a cell holds, as every adapter (Office.js, .xlsx, the preview) hands it to
 * the engine. Office-neutral; conversion to decimals happens in amount.ts.
 */
import { qualified } from "../grid";

export type CellValue =
  | { type: "blank" }
  | { type: "number"; value: number }
  | { type: "text"; text: string }
  | { type: "boolean"; value: boolean }
  | { type: "error"; error: string };

export interface CellContent {
  /** The value, or for a formula its cached result; null when a formula has no cached result. */
  value: CellValue | null;
  /** The formula without its leading "=", when the cell holds one. */
  formula?: string;
  /** The number format code, such as "#,##0" or "m/d/yyyy". */
  numberFormat?: string;
}

export const BLANK: CellContent = { value: { type: "blank" } };

/** A cell's address for people and JSON: 'Sheet name'!B31 (quotes doubled inside, no $). */
export function cellLabel(sheet: string, address: string): string {
  return qualified(sheet, address.replace(/\$/g, ""), { always: true });
}
