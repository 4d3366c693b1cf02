import type { Evaluator } from "../../evaluate";
import { finding, type Finding } from "../../findings";
import type { FirmFacts } from "../../firm";
import { INFERRED } from "../../statements";

/**
 * Reg 1.12(b)(3) takes 110% of the NFA requirement instead of 150% when it is
 * margin-based and at least the risk-based amount. When the workbook does not say
 * (FOCUS_NFA_MARGIN_BASED) and the choice would matter, say which was taken.
 */
export function marginBasedAssumption(firm: FirmFacts, ev: Evaluator, findings: Finding[]): void {
  if (firm.nfaMarginBased !== null) return;
  const nfa = ev.value("7475");
  const riskBased = ev.value(INFERRED.capRiskBased);
  if (
    !nfa.hasSource ||
    nfa.bad ||
    !nfa.value.isPositive() ||
    nfa.value.isZero() ||
    nfa.value.lt(riskBased.value)
  )
    return;
  findings.push(
    finding("assumption", {
      code: INFERRED.capEarlyWarning,
      statement: "cftc-capital",
      message:
        "FOCUS_NFA_MARGIN_BASED is not bound: the early-warning level takes 150% of the NFA requirement (7475), as for one that is not margin-based. " +
        "Were it margin-based, Reg 1.12(b)(3) would take 110%, since it is at least the risk-based amount. Bind FOCUS_NFA_MARGIN_BASED to TRUE or FALSE to say which.",
    })
  );
}
