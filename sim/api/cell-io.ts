import { FormulaError, isError, isErrorCode, numberToText, type Scalar } from "../formula/values";
import type { SimCell } from "../model/book";

/** What a cell shows in range.values: "" for empty, the code of an error. */
export function officeValue(v: Scalar): number | string | boolean {
  if (v === null) return "";
  return isError(v) ? v.code : v;
}

/** range.formulas: "=…" for a formula, else the value. */
export const officeFormula = (c: SimCell): number | string | boolean =>
  c.formula !== undefined ? `=${c.formula}` : officeValue(c.value);

/** range.valueTypes. */
export function officeValueType(v: Scalar): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (v === null) return "Empty";
  if (isError(v)) return "Error";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

/** range.text, approximated: General format for numbers (the simulator does not render number formats). */
export function officeText(v: Scalar): string {
  if (v === null) return "";
  if (isError(v)) return v.code;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "number" ? numberToText(v) : v;
}

/** What writing one entry of range.values or range.formulas puts in a cell, read as Excel reads typed input. */
export type CellInput = { value: Scalar; formula?: undefined } | { value: null; formula: string };

export function readInput(input: unknown): CellInput | "unchanged" {
  if (input === null || input === undefined) return "unchanged";
  if (typeof input === "number")
    return { value: Number.isFinite(input) ? input : FormulaError.of("#NUM!") };
  if (typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text === "") return { value: null };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text.slice(1) };
  const trimmed = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed) };
  if (/^(TRUE|FALSE)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === "TRUE" };
  const upper = trimmed.toUpperCase();
  if (isErrorCode(upper)) return { value: FormulaError.of(upper) };
  return { value: text };
}
