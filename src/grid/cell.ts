/**
 * What a cell holds, as every adapter (Office.js, .xlsx, the preview) reads it: no domain
 * meaning, so the .xlsx file-format layer can produce it without importing the engine.
 * Conversion to decimals happens in the engine (engine/amount.ts).
 */
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
