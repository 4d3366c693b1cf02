import type { Code, Formula, Term } from "../types";

/** Tiny builders so the statement files read like the printed form. */
export const add = (code: Code, factor?: string): Term =>
  factor ? { code, sign: 1, factor } : { code, sign: 1 };
export const sub = (code: Code): Term => ({ code, sign: -1 });
export const sum = (...terms: Term[]): Formula => ({ op: "sum", terms });
export const pct = (code: Code, rate: string): Formula => ({
  op: "sum",
  terms: [add(code, rate)],
  roundToDollar: true,
});
export const greatest = (
  terms: Term[],
  opts: { floorDollars?: string; roundToDollar?: boolean } = {}
): Formula => ({
  op: "greatest",
  terms,
  ...opts,
});
