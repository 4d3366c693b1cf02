import type { CrossCheckDef, Term } from "../../types";

const codes = (terms: Term[] | undefined) => `(${(terms ?? []).map((t) => t.code).join(" + ")})`;

/** A soft check's description with its sides' codes filled in from its terms. */
export function crossCheckDescription(cc: CrossCheckDef): string {
  return cc.description.replace(/\{(left|right|optional)\}/g, (_, side: string) =>
    codes(side === "left" ? cc.left : side === "right" ? cc.right : cc.rightOptional)
  );
}
