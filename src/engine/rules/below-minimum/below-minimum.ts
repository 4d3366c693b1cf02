import { grouped, type Dec } from "../../decimal";
import { finding, type Finding } from "../../findings";
import type { Code, StatementId } from "../../types";
import type { Place } from "../../location";

/** Where a capital flag points: net capital's line and cell. */
export interface NetCapitalAt extends Place {
  code: Code;
  statement: StatementId;
  reported: Dec;
}

/** Adjusted net capital under the minimum requirement, naming the notice rule. */
export function belowMinimum(at: NetCapitalAt, minimum: Dec, rule: string): Finding {
  const net = at.reported;
  return finding("below-minimum", {
    ...at,
    expected: minimum,
    difference: net.sub(minimum),
    rule,
    message: `Adjusted net capital ${grouped(net)} is below the minimum requirement of ${grouped(minimum)}. ${rule}`,
  });
}
