import { Dec } from "../../decimal";
import type { Evaluator } from "../../evaluate";
import { indexedLine, type IndexedStatement, type IndexedTerm } from "../../indexed";

/**
 * Half a printed unit for each printed figure in a check. The printed unit is the
 * granularity of the statement's own keyed figures, in the scope's unit (cents,
 * dollars, thousands, millions or billions, the units firms print in): a statement
 * keyed in millions (FOCUS_UNIT 1000000) prints whole units, one keyed in dollars whose
 * figures are all whole millions was rounded to millions; whole dollars were rounded
 * from cents. Each figure is rounded on its own, so the errors add up.
 */
export function roundingAllowance(st: IndexedStatement, ev: Evaluator, figures: number): Dec {
  return printedUnit(st, ev).mul(figures).div(2);
}

/** The units firms print in (in the scope's unit), as powers of ten: cents, dollars, thousands, millions, billions. */
const PRINTED_EXPONENTS = [-2, 0, 3, 6, 9];
/** Each as a decimal, made once: Decimal's pow cost more than the rest of the check of a daily sheet. */
const PRINTED_UNITS = new Map(PRINTED_EXPONENTS.map((e) => [e, new Dec(10).pow(e)]));

/** Worked out once per statement and scope: several soft checks of one statement ask. */
const printedUnits = new WeakMap<Evaluator, Map<IndexedStatement, Dec>>();

/** The largest printed unit that divides every non-zero keyed figure of the statement. */
export function printedUnit(st: IndexedStatement, ev: Evaluator): Dec {
  let known = printedUnits.get(ev);
  if (!known) printedUnits.set(ev, (known = new Map()));
  const cached = known.get(st);
  if (cached) return cached;
  let zeros = Infinity; // the fewest trailing zeros of any figure (negative: decimal places)
  for (const { at } of st.lines) {
    const read = ev.readAt(at);
    if (read?.status === "number" && !read.value.isZero())
      zeros = Math.min(zeros, trailingZeros(read.value));
  }
  const exponent =
    zeros === Infinity ? 0 : (PRINTED_EXPONENTS.filter((e) => e <= zeros).pop() ?? -2);
  const unit = PRINTED_UNITS.get(exponent)!;
  known.set(st, unit);
  return unit;
}

/** Trailing zeros of a figure's integer digits, or minus its decimal places: 1,200,000 gives 5, 12.5 gives -1. */
export function trailingZeros(v: Dec): number {
  const places = v.decimalPlaces();
  if (places > 0) return -places;
  // An integer's digits (its exponent plus one) less its significant digits, which leave out
  // trailing zeros: read off the decimal as it stands, where printing it cost more than the check.
  return v.e + 1 - v.precision();
}

/** How many printed figures stand behind a side: each keyed line, or for an unkeyed total, its own keyed parts. */
export function printedFigures(terms: IndexedTerm[], ev: Evaluator): number {
  let n = 0;
  for (const t of terms) n += figuresBehind(t.at, ev, 0);
  return n;
}

function figuresBehind(at: number, ev: Evaluator, depth: number): number {
  if (at < 0) return 0;
  if (ev.readAt(at)?.status === "number") return 1;
  const formula = indexedLine(at).formula;
  if (!formula || depth > 8) return 0;
  return formula.terms.reduce((n, t) => n + figuresBehind(t.at, ev, depth + 1), 0);
}
