import type { AmountRead } from "./amount";
import { CodeTable } from "./code-table";
import { Dec, ONE, roundTo, startSum, ZERO } from "./decimal";
import {
  indexedLine,
  indexFormula,
  indexTerm,
  type IndexedFormula,
  type IndexedTerm,
} from "./indexed";
import { LINE_COUNT, lineIndex } from "./lines";
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

/** What the scope says about the firm that changes a computation. */
export interface EvaluatorOptions {
  /**
   * FOCUS_NFA_MARGIN_BASED: the registered futures association's requirement is
   * margin-based, so Reg 1.12(b)(3) takes 110% of it (not 150%) once it reaches the
   * 1.17 risk-based amount. Absent or false: 150%.
   */
  nfaMarginBased?: boolean;
}

/** A scope's reads: a Map by code, or checkScope's table (read by position, no copy). */
export type Reads = ReadonlyMap<Code, AmountRead> | CodeTable<AmountRead>;

/**
 * Reported-else-computed values over one scope's bound amounts. Memoised; pure.
 * `unit` is how many dollars one keyed unit is (1, 1000, 1000000).
 * The walk goes by line position (indexed.ts); the methods by code are for callers
 * outside the check (the explainer, the pane).
 */
export class Evaluator {
  private readonly table: CodeTable<AmountRead>;
  /** Memos by line position. */
  private readonly valueMemo = new Array<LineValue | undefined>(LINE_COUNT);
  private readonly computedMemo = new Array<LineValue | undefined>(LINE_COUNT);
  readonly dollar: Dec;

  constructor(
    private readonly reads: Reads,
    readonly unit: Dec = ONE,
    readonly options: EvaluatorOptions = {}
  ) {
    this.table = reads instanceof CodeTable ? reads : CodeTable.from(reads);
    // A division per scope otherwise; nearly every scope is keyed in dollars.
    this.dollar = unit.eq(ONE) ? ONE : ONE.div(unit);
  }

  isBound(code: Code): boolean {
    return this.reads.has(code);
  }

  read(code: Code): AmountRead | undefined {
    return this.reads.get(code);
  }

  readAt(at: number): AmountRead | undefined {
    return this.table.at(at);
  }

  /** The reported number where bound and readable (blank input = 0); else the computed value. */
  value(code: Code): LineValue {
    return this.valueAt(lineIndex(code));
  }

  valueAt(at: number): LineValue {
    if (at < 0) return NONE;
    let v = this.valueMemo[at];
    if (!v) {
      v = this.valueUncached(at);
      this.valueMemo[at] = v;
    }
    return v;
  }

  private valueUncached(at: number): LineValue {
    const line = indexedLine(at).line;
    if (line.kind === "text") return NONE;
    const read = this.table.at(at);
    if (read?.status === "number") return { value: read.value, hasSource: true, bad: false };
    if (read?.status === "bad") return { value: ZERO, hasSource: true, bad: true };
    if (line.kind === "derived") return this.computedAt(at);
    return read ? { value: ZERO, hasSource: true, bad: false } : NONE;
  }

  /** A derived line from the values of its parts (each reported-else-computed). */
  computed(code: Code): LineValue {
    return this.computedAt(lineIndex(code));
  }

  computedAt(at: number): LineValue {
    if (at < 0) return NONE;
    let v = this.computedMemo[at];
    if (!v) {
      const formula = indexedLine(at).formula;
      v = formula ? this.evalIndexed(formula) : NONE;
      this.computedMemo[at] = v;
    }
    return v;
  }

  /** One term's contribution: deduct lines by magnitude, whichever sign was keyed. */
  contribution(term: Term): LineValue {
    return this.contributionOf(indexTerm(term));
  }

  contributionOf(term: IndexedTerm): LineValue {
    const part = this.valueAt(term.at);
    const v =
      term.marginBased && this.marginBasedApplies(term, part.value)
        ? termValue({ ...term, factor: term.marginBased.factor }, part.value)
        : termValue(term, part.value);
    return { value: term.sign < 0 ? v.neg() : v, hasSource: part.hasSource, bad: part.bad };
  }

  /** Reg 1.12(b)(3): declared margin-based, and at least the amount it is measured against. */
  marginBasedApplies(term: IndexedTerm, value: Dec): boolean {
    return (
      !!this.options.nfaMarginBased &&
      !!term.marginBased &&
      value.gte(this.valueAt(term.marginBased.atLeast).value)
    );
  }

  evalFormula(formula: Formula): LineValue {
    return this.evalIndexed(indexFormula(formula));
  }

  private evalIndexed(formula: IndexedFormula): LineValue {
    let hasSource = false;
    let bad = false;
    let value: Dec | null = null;
    if (formula.op === "sum") {
      for (const t of formula.terms) {
        const part = this.valueAt(t.at);
        hasSource ||= part.hasSource;
        bad ||= part.bad;
        if (part.value.isZero()) continue;
        const v = termValue(t, part.value);
        if (t.sign < 0) value = (value ?? ZERO).sub(v);
        else value = value === null ? startSum(v) : value.add(v);
      }
      value ??= ZERO;
    } else {
      for (const t of formula.terms) {
        const c = this.contributionOf(t);
        hasSource ||= c.hasSource;
        bad ||= c.bad;
        if (value === null || c.value.gt(value)) value = c.value;
      }
      if (formula.floorDollars) {
        const floor = formula.floorDollars.div(this.unit);
        if (value === null || floor.gt(value)) value = floor;
      }
      value ??= ZERO;
    }
    if (formula.roundToDollar) value = roundTo(value, this.dollar);
    return { value, hasSource, bad };
  }
}

/** A term's magnitude rule and factor, before its sign (hot path: no copies when nothing changes). */
function termValue(term: IndexedTerm, raw: Dec): Dec {
  let v = raw;
  if (term.deduct && v.isNeg()) v = v.neg();
  if (term.factor) v = v.mul(term.factor);
  return v;
}

/** The tolerance an identity on `line` allows: the declared one, and at least $1 on rounded percentage lines. */
export function toleranceFor(line: LineDef, declared: Dec, dollar: Dec): Dec {
  return line.formula?.roundToDollar ? Dec.max(declared, dollar) : declared;
}
