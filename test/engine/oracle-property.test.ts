import fc from "fast-check";
import { checkScope, Dec, STATEMENTS, type LineDef } from "../../src/engine";
import { boundValue } from "./helpers";

/**
 * Property: for random statements (random values, random unbound lines, random sign
 * keying of deduct lines, random units, one random input moved), the engine's
 * identity verdict equals an oracle written here in BigInt dollars, which knows the
 * rules only from the reference: local identities over reported-else-computed parts,
 * deduct lines by magnitude, percentage lines rounded half up to the dollar with $1
 * of tolerance, the $1,000,000 floor.
 */
const LINES = new Map<string, LineDef>(
  STATEMENTS.flatMap((s) => s.lines.map((l) => [l.code, l] as const))
);
const INPUTS = [...LINES.values()]
  .filter((l) => !l.formula && l.kind !== "text")
  .map((l) => l.code);
const DERIVED = [...LINES.values()].filter((l) => l.formula).map((l) => l.code);

const abs = (x: bigint) => (x < 0n ? -x : x);
function roundHalfUp(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  return abs(r) * 2n >= den ? (num < 0n ? q - 1n : q + 1n) : q;
}

/** A derived line in dollars from `value` of its parts. */
function formulaDollars(code: string, value: (c: string) => bigint): bigint {
  const f = LINES.get(code)!.formula!;
  const SCALE = 100n; // factors have two decimals at most ("0.08", "1.10", "1.50")
  const parts = f.terms.map((t) => {
    let v = value(t.code);
    if (LINES.get(t.code)!.kind === "deduct") v = abs(v);
    const factor = t.factor ? BigInt(Math.round(Number(t.factor) * 100)) : SCALE;
    return (t.sign < 0 ? -v : v) * factor;
  });
  let num =
    f.op === "sum"
      ? parts.reduce((a, b) => a + b, 0n)
      : [...parts, ...(f.floorDollars ? [BigInt(f.floorDollars) * SCALE] : [])].reduce((a, b) =>
          b > a ? b : a
        );
  return f.roundToDollar ? roundHalfUp(num, SCALE) : (num /= SCALE);
}

/** Every derived line computed from inputs alone (a consistent statement), in dollars. */
function consistent(inputs: Map<string, bigint>): Map<string, bigint> {
  const memo = new Map(inputs);
  const value = (c: string): bigint => {
    if (memo.has(c)) return memo.get(c)!;
    const v = LINES.get(c)!.formula ? formulaDollars(c, value) : 0n;
    memo.set(c, v);
    return v;
  };
  for (const c of DERIVED) value(c);
  return memo;
}

/** Which bound derived lines the oracle says are broken, judging locally. */
function oracleBroken(bound: Map<string, bigint>): string[] {
  const memo = new Map<string, { v: bigint; src: boolean }>();
  const value = (c: string): { v: bigint; src: boolean } => {
    if (bound.has(c)) return { v: bound.get(c)!, src: true };
    if (memo.has(c)) return memo.get(c)!;
    const r = LINES.get(c)!.formula ? computed(c) : { v: 0n, src: false };
    memo.set(c, r);
    return r;
  };
  const computed = (c: string) => {
    const terms = LINES.get(c)!.formula!.terms;
    return { v: formulaDollars(c, (p) => value(p).v), src: terms.some((t) => value(t.code).src) };
  };
  return DERIVED.filter((c) => {
    if (!bound.has(c)) return false;
    const e = computed(c);
    if (!e.src) return false; // condensed: not checked
    const tol = LINES.get(c)!.formula!.roundToDollar ? 1n : 0n;
    return abs(bound.get(c)! - e.v) > tol;
  }).sort();
}

/** Dollars to a decimal string in the unit (exact: the unit is a power of ten). */
function inUnit(dollars: bigint, unit: bigint): string {
  const digits = unit.toString().length - 1;
  const neg = dollars < 0n;
  const s = abs(dollars)
    .toString()
    .padStart(digits + 1, "0");
  const text = digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return (neg ? "-" : "") + text.replace(/\.?0+$/, (m) => (m.includes(".") ? "" : m));
}

const statementArb = fc.record({
  unit: fc.constantFrom(1n, 1000n, 1000000n),
  values: fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), {
    minLength: INPUTS.length,
    maxLength: INPUTS.length,
  }),
  unboundInputs: fc.array(fc.boolean(), { minLength: INPUTS.length, maxLength: INPUTS.length }),
  unboundDerived: fc.array(fc.boolean(), { minLength: DERIVED.length, maxLength: DERIVED.length }),
  negativeDeducts: fc.array(fc.boolean(), { minLength: INPUTS.length, maxLength: INPUTS.length }),
  /** A preparer who rounds a percentage line the other way: off by up to $2. */
  pctJitter: fc.array(fc.integer({ min: -2, max: 2 }), {
    minLength: DERIVED.length,
    maxLength: DERIVED.length,
  }),
  move: fc.option(
    fc.record({
      index: fc.nat(),
      delta: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).filter((d) => d !== 0n),
    })
  ),
});

test("the engine's identity verdict equals the oracle's on random statements", () => {
  fc.assert(
    fc.property(
      statementArb,
      ({ unit, values, unboundInputs, unboundDerived, negativeDeducts, pctJitter, move }) => {
        // Inputs are keyed in whole units; deduct and other unsigned lines as magnitudes.
        const inputs = new Map<string, bigint>();
        INPUTS.forEach((c, i) => {
          const kind = LINES.get(c)!.kind;
          const units = kind === "signed" ? values[i] : abs(values[i]);
          inputs.set(c, units * unit);
        });
        const full = consistent(inputs);
        const bound = new Map<string, bigint>();
        INPUTS.forEach((c, i) => {
          if (!unboundInputs[i]) bound.set(c, full.get(c)!);
        });
        DERIVED.forEach((c, i) => {
          const jitter = LINES.get(c)!.formula!.roundToDollar ? BigInt(pctJitter[i]) : 0n;
          if (!unboundDerived[i]) bound.set(c, full.get(c)! + jitter);
        });
        const boundInputs = INPUTS.filter((c) => bound.has(c));
        if (move && boundInputs.length) {
          const c = boundInputs[move.index % boundInputs.length];
          bound.set(c, bound.get(c)! + move.delta * unit);
        }
        // Key each value in the unit; deduct lines in either sign; derived lines as exact text.
        let row = 0;
        const lines = [...bound].map(([c, dollars]) => {
          const kind = LINES.get(c)!.kind;
          const keyedNegative = kind === "deduct" && negativeDeducts[INPUTS.indexOf(c)];
          const text = inUnit(keyedNegative ? -abs(dollars) : dollars, unit);
          return boundValue(c, text, "S", ++row);
        });
        const report = checkScope({ scope: "p", unit: new Dec(unit.toString()), lines });
        const got = report.findings
          .filter((f) => f.kind === "identity")
          .map((f) => f.code!)
          .sort();
        // The oracle sees what the engine sees: deduct lines by magnitude, whichever way keyed.
        expect(got).toEqual(oracleBroken(bound));
      }
    ),
    { numRuns: 300 }
  );
});
