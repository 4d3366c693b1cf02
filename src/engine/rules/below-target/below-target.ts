import { grouped, ZERO, type Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { Code, StatementDef } from "../../types";
import type { Place } from "../../location";

type Segregation = Extract<StatementDef["summary"], { kind: "segregation" }>;

/** Excess over the management target below zero: under the target, naming the notice rule. */
export function belowTarget(
  st: StatementDef,
  overTargetCode: Code,
  overTarget: Dec,
  target: Dec | null,
  place: Place,
  s: Segregation
): Finding {
  return finding("below-target", {
    code: overTargetCode,
    statement: st.id,
    ...place,
    reported: overTarget,
    expected: target,
    rule: s.belowTargetRule,
    message: `${st.short}: excess is ${grouped(overTarget)} under the management target of ${grouped(target ?? ZERO)}. ${s.belowTargetRule}`,
  });
}
