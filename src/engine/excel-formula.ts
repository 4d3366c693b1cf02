import { bindingName } from "./binding-name";
import { Dec } from "./decimal";
import type { Evaluator } from "./evaluate";
import { lineOf } from "./lines";
import type { Code, Term } from "./types";

export interface ExcelFormulaOptions {
  /** Codes that have a FOCUS_ name in the target scope. Parts without one are inlined as values. */
  isBound: (code: Code) => boolean;
  /** Values to inline for unbound parts; without it they are inlined as 0. */
  evaluator?: Evaluator;
  /** Dollars per unit of the scope (1, 1000, 1000000). */
  unit?: Dec;
  /** The scope declares the NFA requirement margin-based (FOCUS_NFA_MARGIN_BASED): Reg 1.12(b)(3)'s rate applies. */
  nfaMarginBased?: boolean;
}

/**
 * A derived line as a native Excel formula over FOCUS_ names (English function
 * names, for range.formulas), so a workbook computes without the add-in.
 * Deduct lines enter as -ABS(...): either keyed sign gives the form's result.
 */
export function excelFormula(code: Code, opts: ExcelFormulaOptions): string {
  const line = lineOf(code);
  if (!line?.formula) throw new Error(`${code} is not a derived line`);
  const f = line.formula;
  const unit = opts.unit ?? new Dec(1);
  const refOf = (c: Code): string => {
    const ref = opts.isBound(c) ? bindingName(c) : inline(c, opts);
    return lineOf(c)?.kind === "deduct" ? `ABS(${ref})` : ref;
  };
  const part = (t: Term): string => {
    const ref = refOf(t.code);
    // Reg 1.12(b)(3): the reduced rate once the part reaches the amount named; live in Excel.
    if (t.marginBased && opts.nfaMarginBased)
      return `${ref}*IF(${ref}>=${refOf(t.marginBased.atLeast)},${t.marginBased.factor},${t.factor ?? 1})`;
    return t.factor ? `${ref}*${t.factor}` : ref;
  };
  let body: string;
  if (f.op === "sum") {
    // An unbound part worth nothing adds nothing: leaving it out keeps the formula readable.
    const kept = f.terms.filter((t) => opts.isBound(t.code) || !inlineValue(t.code, opts).isZero());
    body = kept.map((t, i) => `${t.sign < 0 ? "-" : i === 0 ? "" : "+"}${part(t)}`).join("") || "0";
  } else {
    const args = f.terms.map(part);
    if (f.floorDollars) args.push(new Dec(f.floorDollars).div(unit).toFixed());
    body = `MAX(${args.join(",")})`;
  }
  if (f.roundToDollar)
    body = unit.eq(1)
      ? `ROUND(${body},0)`
      : `ROUND((${body})*${unit.toFixed()},0)/${unit.toFixed()}`;
  return `=${body}`;
}

function inlineValue(code: Code, opts: ExcelFormulaOptions): Dec {
  return opts.evaluator ? opts.evaluator.value(code).value : new Dec(0);
}

/** An unbound part: its value where the evaluator knows it, wrapped so a negative value keeps its sign. */
function inline(code: Code, opts: ExcelFormulaOptions): string {
  const v = inlineValue(code, opts);
  return v.isNegative() ? `(${v.toFixed()})` : v.toFixed();
}
