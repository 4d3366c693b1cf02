import { Dec, grouped, startSum, ZERO } from "../../decimal";
import type { Evaluator } from "../../evaluate";
import { finding, type Finding } from "../../findings";
import type { CodeTable } from "../../code-table";
import type { IndexedCrossCheck, IndexedStatement, IndexedTerm } from "../../indexed";
import type { BoundLine } from "../../scope";
import { crossCheckDescription } from "./description";
import { printedFigures, roundingAllowance } from "./rounding";
import { placeOf } from "../../location";

function sideValue(
  terms: IndexedTerm[],
  ev: Evaluator
): { value: Dec; bad: boolean; anyKeyed: boolean } {
  let value: Dec | null = null;
  let bad = false;
  let anyKeyed = false;
  for (const t of terms) {
    const c = ev.contributionOf(t);
    value = value === null ? startSum(c.value) : value.add(c.value);
    bad ||= c.bad;
    anyKeyed ||= ev.readAt(t.at)?.status === "number";
  }
  return { value: value ?? ZERO, bad, anyKeyed };
}

/**
 * A soft check, judged within what rounding allows: the declared tolerance, and at
 * least half a printed unit for each printed figure in the check (roundingAllowance).
 * One resting on a rule is a warning; one resting on our inference is a note unless
 * the sides disagree far beyond rounding (farBeyondRounding).
 */
export function crossCheck(
  indexed: IndexedCrossCheck,
  statement: IndexedStatement,
  ev: Evaluator,
  bound: CodeTable<BoundLine>,
  declared: Dec
): Finding | null {
  const cc = indexed.def;
  const st = statement.def;
  const left = sideValue(indexed.left, ev);
  const right = sideValue(indexed.right, ev);
  const optional = indexed.optional ? sideValue(indexed.optional, ev) : null;
  // Judged only where both sides were keyed: a schedule that leaves a side out says nothing.
  if (!left.anyKeyed || !(right.anyKeyed || optional?.anyKeyed)) return null;
  if (left.bad || right.bad || optional?.bad) return null;
  const high = optional ? right.value.add(optional.value) : right.value;
  // How far left lies outside what the relation allows, before any tolerance.
  const outside =
    cc.relation === "not-greater"
      ? Dec.max(ZERO, left.value.abs().sub(right.value.abs()))
      : left.value.lt(right.value)
        ? right.value.sub(left.value)
        : left.value.gt(high)
          ? left.value.sub(high)
          : ZERO;
  if (outside.lte(declared)) return null;
  // Only now, on a difference, is the rounding worked out: most checks never need it.
  const figures = [indexed.left, indexed.right, indexed.optional ?? []].reduce(
    (n, side) => n + printedFigures(side, ev),
    0
  );
  const allowance = Dec.max(declared, roundingAllowance(statement, ev, figures));
  if (outside.lte(allowance)) return null;
  const code = cc.left[0].code;
  const rule = cc.basis.kind === "rule";
  const far = farBeyondRounding(outside, allowance, [left.value, right.value, high]);
  const basis = rule
    ? ` Rests on ${cc.basis.kind === "rule" ? cc.basis.rule : ""}.`
    : ` An inference of ours, not a rule: ${cc.basis.kind === "inference" ? cc.basis.why : ""}${far ? "; here the sides disagree on most of the amount" : ""}.`;
  return finding("cross-check", {
    code,
    statement: st.id,
    ...placeOf(bound.get(code)),
    reported: left.value,
    expected: right.value,
    difference: left.value.sub(right.value),
    severity: rule || far ? "warning" : "info",
    message: `${crossCheckDescription(cc)}: ${grouped(left.value)} against ${grouped(right.value)}${optional ? ` (up to ${grouped(high)})` : ""}, a gap of ${grouped(outside)} where rounding allows ${grouped(allowance)}.${basis}`,
  });
}

/**
 * Far beyond rounding: past the allowance by more than half the larger side. Then the
 * two sides disagree about most of the amount (one side left out, a sign reversed, a
 * figure on another line or in another unit), where a presentation that departs from
 * our inference moves a part of it: the one real filing we have (the seed) holds
 * 1,535,003,808 of securities in the ledger against 1,534,983,208 in lieu of cash.
 */
export function farBeyondRounding(outside: Dec, allowance: Dec, sides: Dec[]): boolean {
  const larger = sides.reduce((m, v) => Dec.max(m, v.abs()), ZERO);
  return outside.sub(allowance).gt(larger.div(2));
}
