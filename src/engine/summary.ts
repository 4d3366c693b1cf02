import type { CodeTable } from "./code-table";
import type { Dec } from "./decimal";
import type { Evaluator } from "./evaluate";
import type { Finding } from "./findings";
import { lineOf } from "./lines";
import { belowMinimum } from "./rules/below-minimum/below-minimum";
import { belowTarget } from "./rules/below-target/below-target";
import { deficiency } from "./rules/deficiency/deficiency";
import { earlyWarning } from "./rules/early-warning/early-warning";
import type { BoundLine, StatementStatus, StatementSummary } from "./scope";
import type { Code, StatementDef, StatementId } from "./types";
import { placeOf } from "./location";

/** A statement's summary (excess, target, status), raising its regulatory flags into `findings`. */
export function summarise(
  st: StatementDef,
  used: Set<StatementId>,
  ev: Evaluator,
  bound: CodeTable<BoundLine>,
  findings: Finding[]
): StatementSummary {
  const none: StatementSummary = {
    statement: st.id,
    excess: null,
    target: null,
    overTarget: null,
    status: "not-bound",
    rule: null,
  };
  if (!used.has(st.id)) return none;
  // Reported where bound, else computed; but a computed value only when each of its
  // direct parts has some bound cell behind it (a requirement with no funds side bound
  // is not a deficiency, just a partial layout).
  const known = (code: Code | undefined): Dec | null => {
    if (!code) return null;
    const v = ev.value(code);
    if (v.bad) return null;
    const line = lineOf(code);
    if (!bound.has(code) && line?.formula) {
      const sourced = line.formula.terms.map((t) => ev.value(t.code).hasSource);
      // A sum needs every part; a greatest-of needs one candidate (or its floor).
      const determinable =
        line.formula.op === "sum"
          ? sourced.every(Boolean)
          : sourced.some(Boolean) || !!line.formula.floorDollars;
      if (!determinable) return null;
    }
    return v.value;
  };
  const s = st.summary;
  if (s.kind === "segregation") {
    const excess = known(s.excess);
    const targetBound =
      !!s.targetAmount &&
      (bound.has(s.targetAmount) || (!!s.overTarget && bound.has(s.overTarget)));
    const target = targetBound ? known(s.targetAmount) : null;
    const overTarget = targetBound ? known(s.overTarget) : null;
    if (excess === null) return none;
    const deficient = deficiency(st, s, excess, () => placeOf(bound.get(s.excess)));
    if (deficient) findings.push(deficient);
    const under = overTarget !== null && overTarget.isNegative() && !overTarget.isZero();
    if (under && s.overTarget)
      findings.push(
        belowTarget(st, s.overTarget, overTarget, target, placeOf(bound.get(s.overTarget)), s)
      );
    const status = deficient ? "deficient" : under ? "below-target" : "ok";
    const rule = deficient ? s.deficiencyRule : under ? (s.belowTargetRule ?? null) : null;
    return { statement: st.id, excess, target, overTarget, status, rule };
  }
  const minimum = known(s.minimum);
  const early = known(s.earlyWarning);
  const netRead = ev.read(s.netCapital);
  if (netRead?.status !== "number") return { ...none, target: early };
  const net = netRead.value;
  const excess = minimum ? net.sub(minimum) : null;
  const overTarget = early ? net.sub(early) : null;
  const at = {
    code: s.netCapital,
    statement: st.id,
    ...placeOf(bound.get(s.netCapital)),
    reported: net,
  };
  let status: StatementStatus = "ok";
  let rule: string | null = null;
  if (minimum && net.lt(minimum)) {
    status = "deficient";
    rule = s.belowMinimumRule;
    findings.push(belowMinimum(at, minimum, rule));
  } else if (early && net.lt(early)) {
    status = "below-target";
    rule = s.earlyWarningRule;
    findings.push(earlyWarning(at, early, rule));
  }
  return { statement: st.id, excess, target: early, overTarget, status, rule };
}
