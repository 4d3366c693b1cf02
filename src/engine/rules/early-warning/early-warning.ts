import { grouped, type Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { NetCapitalAt } from "../below-minimum/below-minimum";

/** Adjusted net capital under the early-warning level, naming the notice rule. */
export function earlyWarning(at: NetCapitalAt, early: Dec, rule: string): Finding {
  const net = at.reported;
  return finding("early-warning", {
    ...at,
    expected: early,
    difference: net.sub(early),
    rule,
    message: `Adjusted net capital ${grouped(net)} is below the early-warning level of ${grouped(early)}. ${rule}`,
  });
}
