import { type AmountRead, type ScopeReport, Evaluator, type Code } from "../../engine";

/**
 * The evaluator a scope was checked with, rebuilt from its report: a bound
 * line's reported number, blank (readable, no number) or unreadable. Gives the
 * same values as the check, so explanations and inlined formulas match it.
 */
export function evaluatorOf(scope: ScopeReport): Evaluator {
  const reads = new Map<Code, AmountRead>();
  for (const l of scope.lines) {
    if (!l.bound || l.text !== undefined) continue;
    if (l.reported !== null)
      reads.set(l.code, { status: "number", value: l.reported, fromText: false });
    else if (l.value === null) reads.set(l.code, { status: "bad", reason: "unreadable" });
    else reads.set(l.code, { status: "blank" });
  }
  return new Evaluator(reads, scope.unit, { nfaMarginBased: scope.firm?.nfaMarginBased === true });
}

/** The codes bound in a scope. */
export function boundCodes(scope: ScopeReport): Set<Code> {
  return new Set(scope.lines.filter((l) => l.bound).map((l) => l.code));
}
