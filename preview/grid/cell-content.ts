import { numberToText, type SimState } from "../../sim";
import { toA1, type CellPos } from "../../src/grid";

/** A cell of the grid: the grid module's position. */
export type CellPosition = CellPos;

export const addressOf = (at: CellPosition): string => toA1(at);

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
