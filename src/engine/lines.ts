import { STATEMENTS } from "./statements";
import type { Code, LineDef, StatementDef, StatementId, Term } from "./types";

/** A line with the statement it belongs to: what the picker, the explainer and the reports look up. */
export interface RegisteredLine extends LineDef {
  statement: StatementId;
}

const byCode = new Map<Code, RegisteredLine>();
const byStatement = new Map<StatementId, StatementDef>();
for (const st of STATEMENTS) {
  byStatement.set(st.id, st);
  for (const line of st.lines) {
    if (byCode.has(line.code)) throw new Error(`FOCUS code ${line.code} is defined twice`);
    byCode.set(line.code, { ...line, statement: st.id });
  }
}

export function lineOf(code: Code): RegisteredLine | undefined {
  return byCode.get(code);
}

export function isKnownCode(code: string): boolean {
  return byCode.has(code);
}

export function statementOf(id: StatementId): StatementDef {
  const st = byStatement.get(id);
  if (!st) throw new Error(`unknown statement ${id}`);
  return st;
}

export function allLines(): RegisteredLine[] {
  return [...byCode.values()];
}

export function termsOf(line: LineDef): Term[] {
  return line.formula ? line.formula.terms : [];
}

/** Derived lines whose formula names `code` directly. */
export function usersOf(code: Code): RegisteredLine[] {
  return allLines().filter((l) => termsOf(l).some((t) => t.code === code));
}

/** Position of a statement in print order, for sorting findings. */
const ORDER = new Map<StatementId, number>(STATEMENTS.map((s, i) => [s.id, i]));
export function statementOrder(id: StatementId | null): number {
  return id === null ? -1 : ORDER.get(id) ?? STATEMENTS.length;
}
