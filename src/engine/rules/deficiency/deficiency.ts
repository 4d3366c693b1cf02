import { grouped, type Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { StatementDef } from "../../types";
import type { Place } from "../../location";

type Segregation = Extract<StatementDef["summary"], { kind: "segregation" }>;

/** A segregation statement whose excess is below zero: a deficiency, naming the notice rule. */
export function deficiency(
  st: StatementDef,
  s: Segregation,
  excess: Dec,
  place: () => Place
): Finding | null {
  if (!excess.isNegative() || excess.isZero()) return null;
  return finding("deficiency", {
    code: s.excess,
    statement: st.id,
    ...place(),
    reported: excess,
    rule: s.deficiencyRule,
    message: `${st.short}: excess (deficiency) is ${grouped(excess)}, a deficiency. ${s.deficiencyRule}`,
  });
}
