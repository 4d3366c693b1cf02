import type { CrossCheckDef, Term } from "../../types";

const codes = (terms: Term[] | undefined) => `(${(terms ?? []).map((t) => t.code).join(" + ")})`;

/** Filled in once per check definition: every scope with a difference asks again. */
const described = new WeakMap<CrossCheckDef, string>();

/** A soft check's description with its sides' codes filled in from its terms. */
export function crossCheckDescription(cc: CrossCheckDef): string {
  let text = described.get(cc);
  if (text === undefined) {
    text = cc.description.replace(/\{(left|right|optional)\}/g, (_, side: string) =>
      codes(side === "left" ? cc.left : side === "right" ? cc.right : cc.rightOptional)
    );
    described.set(cc, text);
  }
  return text;
}
