/**
 * The values a formula works with, and Excel's coercions between them.
 * Numbers are JS doubles, as in Excel; text compares case-insensitively.
 */

export type ErrorCode =
  | "#NULL!"
  | "#DIV/0!"
  | "#VALUE!"
  | "#REF!"
  | "#NAME?"
  | "#NUM!"
  | "#N/A"
  /** A custom function's result that has not arrived yet: shown, never typed or saved. */
  | "#BUSY!";

/** The error values a formula or a cell can spell (#BUSY! is not one of them). */
export const ERROR_CODES: readonly ErrorCode[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
];

/** An error value such as #REF!. One instance per code, so errors compare with ===. */
export class FormulaError {
  private static readonly byCode = new Map<string, FormulaError>();

  private constructor(readonly code: ErrorCode) {}

  static of(code: ErrorCode): FormulaError {
    let e = FormulaError.byCode.get(code);
    if (!e) {
      e = new FormulaError(code);
      FormulaError.byCode.set(code, e);
    }
    return e;
  }

  toString(): string {
    return this.code;
  }
}

export const isErrorCode = (s: string): s is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(s);

/** What a cell holds: null is an empty cell. */
export type Scalar = number | string | boolean | FormulaError | null;

export const REF = FormulaError.of("#REF!");
export const NAME = FormulaError.of("#NAME?");
export const VALUE = FormulaError.of("#VALUE!");
export const DIV0 = FormulaError.of("#DIV/0!");
export const NUM = FormulaError.of("#NUM!");
export const BUSY = FormulaError.of("#BUSY!");

export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A value used as a number: TRUE is 1, empty is 0, numeric text is read, other text is #VALUE!. */
export function toNumber(v: Scalar): number | FormulaError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  return NUMERIC_TEXT.test(t) ? Number(t) : VALUE;
}

/** A value used as a condition: non-zero numbers are TRUE; only "TRUE"/"FALSE" text qualifies. */
export function toBoolean(v: Scalar): boolean | FormulaError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (isError(v)) return v;
  const t = v.trim().toUpperCase();
  return t === "TRUE" ? true : t === "FALSE" ? false : VALUE;
}

/** A value used as text: numbers as Excel's General format shows them in full (15 significant digits). */
export function toText(v: Scalar): string | FormulaError {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isError(v)) return v;
  return numberToText(v);
}

export function numberToText(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa, exp] = n.toExponential(14).split("e");
    const e = Number(exp);
    return `${trimZeros(mantissa)}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return trimZeros(
    Number(n.toPrecision(15)).toFixed(Math.max(0, 14 - Math.floor(Math.log10(abs))))
  );
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** Excel's order for comparisons: numbers < text < booleans; empty takes the other side's type. */
export function compare(a: Scalar, b: Scalar): number {
  const x = a === null ? emptyLike(b) : a;
  const y = b === null ? emptyLike(a) : b;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const p = x.toUpperCase();
    const q = y.toUpperCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

function emptyLike(other: Scalar): Scalar {
  return typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
}
