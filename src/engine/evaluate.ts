import type { AmountRead } from "./amount";
import { Dec, ONE, roundTo, ZERO } from "./decimal";
import { lineOf } from "./lines";
import type { Code, Formula, LineDef, Term } from "./types";

/** A line's value as one identity sees it: reported where bound, else computed from its own parts. */
export interface LineValue {
  value: Dec;
  /** Some bound cell stands behind this value (the line itself, or one of its parts'). */
  hasSource: boolean;
  /** Some cell behind this value could not be read: identities over it are not judged. */
  bad: boolean;
}

const NONE: LineValue = { value: ZERO, hasSource: false, bad: false };

/** Rates such as "0.08" and floors such as "1000000", parsed once. */
const constants = new Map<string, Dec>();
function constant(s: string): Dec {
  let d = constants.get(s);
  if (!d) constants.set(s, (d = new Dec(s)));
  return d;
}

/**
 * Reported-else-computed values over one scope's bound amounts. Memoised; pure.
 * `unit` is how many dollars one keyed unit is (1, 1000, 1000000).
 */
export class Evaluator {
  private readonly valueMemo = new Map<Code, LineValue>();
  private readonly computedMemo = new Map<Code, LineValue>();
  readonly dollar: Dec;

  constructor(
    private readonly reads: ReadonlyMap<Code, AmountRead>,
    readonly unit: Dec = ONE,
  ) {
    // A division per scope otherwise; nearly every scope is keyed in dollars.
    this.dollar = unit.eq(ONE) ? ONE : ONE.div(unit);
  }

  isBound(code: Code): boolean {
    return this.reads.has(code);
  }

  read(code: Code): AmountRead | undefined {
    return this.reads.get(code);
  }

  /** The reported number where bound and readable (blank input = 0); else the computed value. */
  value(code: Code): LineValue {
    let v = this.valueMemo.get(code);
    if (!v) {
      v = this.valueUncached(code);
      this.valueMemo.set(code, v);
    }
    return v;
  }

  private valueUncached(code: Code): LineValue {
    const line = lineOf(code);
    if (!line || line.kind === "text") return NONE;
    const read = this.reads.get(code);
    if (read?.status === "number") return { value: read.value, hasSource: true, bad: false };
    if (read?.status === "bad") return { value: ZERO, hasSource: true, bad: true };
    if (line.kind === "derived") return this.computed(code);
    return read ? { value: ZERO, hasSource: true, bad: false } : NONE;
  }

  /** A derived line from the values of its parts (each reported-else-computed). */
  computed(code: Code): LineValue {
    let v = this.computedMemo.get(code);
    if (!v) {
      const line = lineOf(code);
      v = line?.formula ? this.evalFormula(line.formula) : NONE;
      this.computedMemo.set(code, v);
    }
    return v;
  }

  /** One term's contribution: deduct lines by magnitude, whichever sign was keyed. */
  contribution(term: Term): LineValue {
    const part = this.value(term.code);
    const v = this.termValue(term, part.value);
    return { value: term.sign < 0 ? v.neg() : v, hasSource: part.hasSource, bad: part.bad };
  }

  /** A term's magnitude rule and factor, before its sign (hot path: no copies when nothing changes). */
  private termValue(term: Term, raw: Dec): Dec {
    let v = raw;
    if (v.isNeg() && lineOf(term.code)?.kind === "deduct") v = v.neg();
    if (term.factor) v = v.mul(constant(term.factor));
    return v;
  }

  evalFormula(formula: Formula): LineValue {
    let hasSource = false;
    let bad = false;
    let value: Dec | null = null;
    if (formula.op === "sum") {
      value = ZERO;
      for (const t of formula.terms) {
        const part = this.value(t.code);
        hasSource ||= part.hasSource;
        bad ||= part.bad;
        if (part.value.isZero()) continue;
        const v = this.termValue(t, part.value);
        value = t.sign < 0 ? value.sub(v) : value.add(v);
      }
    } else {
      for (const t of formula.terms) {
        const c = this.contribution(t);
        hasSource ||= c.hasSource;
        bad ||= c.bad;
        if (value === null || c.value.gt(value)) value = c.value;
      }
      if (formula.floorDollars) {
        const floor = constant(formula.floorDollars).div(this.unit);
        if (value === null || floor.gt(value)) value = floor;
      }
      value ??= ZERO;
    }
    if (formula.roundToDollar) value = roundTo(value, this.dollar);
    return { value, hasSource, bad };
  }
}

/** The tolerance an identity on `line` allows: the declared one, and at least $1 on rounded percentage lines. */
export function toleranceFor(line: LineDef, declared: Dec, dollar: Dec): Dec {
  return line.formula?.roundToDollar ? Dec.max(declared, dollar) : declared;
}
