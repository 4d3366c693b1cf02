import { STATEMENTS } from "./statements";
import type { Code, LineDef, StatementDef, StatementId, Term } from "./types";

/** A line with the statement it belongs to: what the picker, the explainer and the reports look up. */
export interface RegisteredLine extends LineDef {
  statement: StatementId;
}

const byCode = new Map<Code, RegisteredLine>();
const byStatement = new Map<StatementId, StatementDef>();
/** Each code's position in print order: a dense index for per-scope tables (code-table.ts, indexed.ts). */
const indexByCode = new Map<Code, number>();
const byIndex: RegisteredLine[] = [];
for (const st of STATEMENTS) {
  byStatement.set(st.id, st);
  for (const line of st.lines) {
    if (byCode.has(line.code)) throw new Error(`FOCUS code ${line.code} is defined twice`);
    const registered = { ...line, statement: st.id };
    indexByCode.set(line.code, byIndex.length);
    byIndex.push(registered);
    byCode.set(line.code, registered);
  }
}

/** How many lines the statements define; every position is below it. */
export const LINE_COUNT = byIndex.length;

/** A code's position in print order, -1 when the statements do not define it. */
export function lineIndex(code: Code): number {
  return indexByCode.get(code) ?? -1;
}

/** The line at a position from lineIndex. */
export function lineAt(at: number): RegisteredLine {
  return byIndex[at];
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
  return [...byIndex];
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
  return id === null ? -1 : (ORDER.get(id) ?? STATEMENTS.length);
}
