/**
 * The arithmetic behind the FOCUS.* custom functions, free of Office globals so that jest can test it.
 * src/functions/functions.ts wraps each function and turns a BadArgument into #VALUE!.
 *
 * Amounts arrive from Excel as IEEE doubles. Each is read as Excel shows it (15 significant digits,
 * decimalFromFloat), the arithmetic is exact decimal arithmetic (Dec, half-up rounding), and only the
 * result goes back to a double. So 0.3 - 0.1 gives 0.2, not 0.19999999999999998.
 */
import { Dec, decimalFromFloat, lineOf, type RegisteredLine } from "../engine";
import { BadArgument } from "./errors";

export { BadArgument };

type Amount = number | null | undefined;

/** An amount argument as a decimal. Blank optional arguments arrive as null or undefined. */
function amount(
  name: string,
  value: Amount,
  opts: { optional?: boolean; nonNegative?: boolean } = {}
): Dec | null {
  if (value === null || value === undefined) {
    if (opts.optional) return null;
    throw new BadArgument(`${name} is required`);
  }
  if (typeof value !== "number") {
    throw new BadArgument(`${name} must be a number, not ${typeof value}`);
  }
  const d = decimalFromFloat(value);
  if (d === null) throw new BadArgument(`${name} must be a finite number`);
  if (opts.nonNegative && d.isNegative() && !d.isZero()) {
    throw new BadArgument(`${name} cannot be negative (${value})`);
  }
  return d;
}

/** Excess (deficiency when negative) over the requirement and, if given, over the target amount. */
export function excess(total: number, required: number, target?: number | null): number {
  const t = amount("total", total)!;
  const r = amount("required", required, { nonNegative: true })!;
  const g = amount("target", target, { optional: true, nonNegative: true }) ?? new Dec(0);
  return t.minus(r).minus(g).toNumber();
}

/** "line 1A: Net ledger balance: cash" for a FOCUS code such as 7010 or "7010". */
export function label(code: string | number): string {
  const line = lineArgument(code);
  return `line ${line.line}: ${line.label}`;
}

/** The line a code argument names: 7010 or "7010" (a cell holding the code arrives as either). */
export function lineArgument(code: unknown): RegisteredLine {
  let key: string;
  if (typeof code === "number") {
    if (!Number.isInteger(code) || code < 0) {
      throw new BadArgument(`a FOCUS code is a whole number, not ${code}`);
    }
    key = String(code);
  } else if (typeof code === "string") {
    key = code.trim();
  } else {
    throw new BadArgument("a FOCUS code is required");
  }
  if (key === "") throw new BadArgument("a FOCUS code is required");
  const line = lineOf(key);
  if (!line) throw new BadArgument(`unknown FOCUS code ${key}`);
  return line;
}

const RATE_RISK_BASED = new Dec("1.10");
const RATE_MINIMUM = new Dec("1.50");
const RATE_NFA = new Dec("1.50");
/** Reg 1.12(b)(3): a margin-based NFA requirement at least the risk-based amount counts at 110%. */
const RATE_NFA_MARGIN_BASED = new Dec("1.10");

/**
 * CFTC early-warning level (Reg 1.12(b)): the greatest of 110% of the risk-based requirement,
 * 150% of the minimum dollar amount, 150% of the NFA requirement (110% when it is margin-based and
 * at least the risk-based amount) and, if given, the SEC early-warning level; rounded half up to the dollar.
 */
export function earlyWarning(
  riskBased: number,
  minimumDollar: number,
  nfa: number,
  secEarlyWarning?: number | null,
  nfaMarginBased?: boolean | null
): number {
  const risk = amount("riskBased", riskBased, { nonNegative: true })!;
  const nfaAmount = amount("nfa", nfa, { nonNegative: true })!;
  const nfaRate = nfaMarginBased === true && nfaAmount.gte(risk) ? RATE_NFA_MARGIN_BASED : RATE_NFA;
  const candidates = [
    risk.times(RATE_RISK_BASED),
    amount("minimumDollar", minimumDollar, { nonNegative: true })!.times(RATE_MINIMUM),
    nfaAmount.times(nfaRate),
  ];
  const sec = amount("secEarlyWarning", secEarlyWarning, { optional: true, nonNegative: true });
  if (sec) candidates.push(sec);
  // Dec is configured with ROUND_HALF_UP, so toDecimalPlaces(0) rounds .5 away from zero.
  return Dec.max(...candidates)
    .toDecimalPlaces(0)
    .toNumber();
}
