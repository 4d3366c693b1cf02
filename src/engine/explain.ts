import { Dec, grouped } from "./decimal";
import type { Evaluator } from "./evaluate";
import { lineOf } from "./lines";
import type { Code } from "./types";

export interface ExplainedTerm {
  code: Code;
  label: string;
  /** "+" or "-" as the form applies it; "max" for a greatest-of candidate. */
  op: "+" | "-" | "max";
  factor: string | null;
  /** The part's contribution, sign and magnitude rule applied. */
  value: Dec;
  bound: boolean;
}

export interface Explanation {
  code: Code;
  op: "sum" | "greatest";
  terms: ExplainedTerm[];
  floor: Dec | null;
  computed: Dec;
  reported: Dec | null;
  /** One line for people: "7180 = 7070 191,652,393 + 7080 0 … = 3,416,643,297; reported 3,893,682,134". */
  text: string;
}

/** A derived line's formula with the values it was computed from. Null for a line that is not derived. */
export function explain(code: Code, ev: Evaluator): Explanation | null {
  const line = lineOf(code);
  if (!line?.formula) return null;
  const f = line.formula;
  const terms: ExplainedTerm[] = f.terms.map((t) => ({
    code: t.code,
    label: lineOf(t.code)?.label ?? t.code,
    op: f.op === "greatest" ? "max" : t.sign < 0 ? "-" : "+",
    factor: t.factor ?? null,
    value: ev.contribution(t).value,
    bound: ev.isBound(t.code),
  }));
  const floor = f.op === "greatest" && f.floorDollars ? new Dec(f.floorDollars).div(ev.unit) : null;
  const computed = ev.computed(code).value;
  const r = ev.read(code);
  const reported = r?.status === "number" ? r.value : null;
  const show = (t: ExplainedTerm) =>
    `${t.code}${t.factor ? ` × ${t.factor}` : ""} ${grouped(t.value.abs())}`;
  let body: string;
  if (f.op === "greatest") {
    body = `greatest of ${terms.map(show).join(", ")}${floor ? `, ${grouped(floor)}` : ""}`;
  } else {
    body = terms
      .map((t, i) =>
        i === 0
          ? t.value.isNegative()
            ? `- ${show(t)}`
            : show(t)
          : `${t.value.isNegative() ? "-" : "+"} ${show(t)}`
      )
      .join(" ");
  }
  const rounding = f.roundToDollar ? " (rounded to the dollar)" : "";
  const text = `${code} = ${body} = ${grouped(computed)}${rounding}${reported !== null ? `; reported ${grouped(reported)}` : ""}`;
  return { code, op: f.op, terms, floor, computed, reported, text };
}
