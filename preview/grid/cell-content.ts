import type { SimState } from "../../sim";
import { numberToText } from "../../sim/formula/values";
import { areaA1 } from "../../src/grid";

export interface CellPosition {
  row: number;
  col: number;
}

export const addressOf = ({ row, col }: CellPosition): string =>
  areaA1({ r1: row, c1: col, r2: row, c2: col });

/** What the formula bar shows and F2 edits: the formula, else the value as it would be typed. */
export function cellContent(state: SimState, sheet: string, at: CellPosition): string {
  const address = addressOf(at);
  const formula = state.formula(sheet, address);
  if (formula !== null) return formula;
  const v = state.value(sheet, address);
  if (v === null) return "";
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}
