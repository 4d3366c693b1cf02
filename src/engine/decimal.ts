import Decimal from "decimal.js";

/**
 * The one decimal type for money. A private clone, so no other library's
 * global Decimal settings can change our rounding: half up, as filed.
 */
export const Dec = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Plain notation, no exponent, no separators, no trailing zeros, never "-0". */
export function plain(d: Dec | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  if (d.isZero()) return "0";
  return d.toFixed();
}

/**
 * |a - b| <= tol, as `a.sub(b).abs().lte(tol)` decides it. Identities mostly hold, so
 * equal amounts skip the subtraction: a - b is zero exactly when a equals b, and
 * zero is within tol whenever tol is not below zero (isZero/isPositive: no allocation).
 */
export function within(a: Dec, b: Dec, tol: Dec): boolean {
  return a.eq(b) ? tol.isZero() || tol.isPositive() : a.sub(b).abs().lte(tol);
}

/**
 * The start of a running total: `ZERO.add(d)`, without the copy that makes where
 * its result is d itself (d not zero, finite and within the precision: add rounds
 * to it, and 0 + -0 is +0). Saves one addition in every sum.
 */
export function startSum(d: Dec): Dec {
  return !d.isZero() && d.isFinite() && d.sd() <= Dec.precision ? d : ZERO.add(d);
}

/** Round to whole units of `step` (e.g. 1/unit for "to the dollar"), half up (away from zero on .5). */
export function roundTo(d: Dec, step: Dec): Dec {
  return d.div(step).toDecimalPlaces(0, Dec.ROUND_HALF_UP).mul(step);
}

/** 1,234,567.5 style, for people. Negative in a leading minus (the CLI and pane decide on parentheses). */
export function grouped(d: Dec): string {
  const neg = d.isNegative() && !d.isZero();
  const [int, frac] = d.abs().toFixed().split(".");
  let withCommas = int.slice(0, ((int.length - 1) % 3) + 1);
  for (let i = withCommas.length; i < int.length; i += 3) withCommas += "," + int.slice(i, i + 3);
  return (neg ? "-" : "") + withCommas + (frac ? "." + frac : "");
}
