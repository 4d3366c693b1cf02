/**
 * What FOCUS.LINE, FOCUS.CHECK and FOCUS.STATUS give for one scope of a validated workbook. Pure:
 * the report comes from snapshot.ts, the scope from scope.ts. Every judgement (tolerances, deduct
 * signs, what counts as tying) is the engine's, read from the scope's lines, findings and summaries;
 * amounts stay decimals until the one number handed back to Excel.
 */
import {
  lineOf,
  statementOf,
  STATEMENTS,
  type Code,
  type Finding,
  type FindingKind,
  type LineResult,
  type ScopeReport,
  type StatementId,
  type StatementStatus,
} from "../engine";
import { BadArgument, NotAvailable, UnreadableCell } from "./errors";
import { lineArgument } from "./pure";

export type CheckResult = "OK" | "not bound" | "not checked" | "blank" | number;
export type StatusResult = "OK" | "BELOW TARGET" | "DEFICIENT" | "NOT BOUND";

const STATUS_TEXT: Record<StatementStatus, StatusResult> = {
  ok: "OK",
  "below-target": "BELOW TARGET",
  deficient: "DEFICIENT",
  "not-bound": "NOT BOUND",
};

/** Statement ids and the short names preparers use for them, in lower case. A Map: "constructor" is no statement. */
export const STATEMENT_ALIASES: ReadonlyMap<string, StatementId> = new Map<string, StatementId>([
  ...STATEMENTS.map((s): [string, StatementId] => [s.id, s.id]),
  ...STATEMENTS.flatMap((s) => (s.aliases ?? []).map((a): [string, StatementId] => [a, s.id])),
]);

/** FOCUS.LINE: the bound cell's amount, else the line computed from its parts, in the scope's unit. */
export function lineValue(scope: ScopeReport, code: unknown): number {
  const line = lineArgument(code);
  if (line.kind === "text")
    throw new BadArgument(`${line.code} holds text (${line.label}), not an amount`);
  const problem = unreadableBehind(scope, line.code);
  if (problem) throw new UnreadableCell(problem.message);
  const result = resultOf(scope, line.code);
  if (!result || result.value === null || !hasSource(scope, line.code)) {
    const parts = line.kind === "derived" ? ", nor is any of its parts" : "";
    throw new NotAvailable(`line ${line.code} is not bound in ${describeScope(scope)}${parts}`);
  }
  return result.value.toNumber();
}

/**
 * FOCUS.CHECK: "OK" when a bound total ties with its parts, else reported − computed. A total that
 * cannot be judged says why: "not bound", "not checked" (none of its parts is bound), "blank".
 */
export function checkLine(scope: ScopeReport, code: unknown): CheckResult {
  const line = lineArgument(code);
  if (line.kind !== "derived") {
    throw new BadArgument(
      `${line.code} (${line.label}) is not a total: only totals can be checked`
    );
  }
  const own = findingOf(scope, line.code, "bad-input", "duplicate");
  if (own) throw new UnreadableCell(own.message);
  const result = resultOf(scope, line.code);
  if (!result?.bound) return "not bound";
  if (findingOf(scope, line.code, "not-checked")) return "not checked";
  const identity = findingOf(scope, line.code, "identity");
  if (identity?.difference) return identity.difference.toNumber();
  if (result.computed === null) {
    const part = unreadablePart(scope, line.code);
    throw new UnreadableCell(
      `${line.code} cannot be checked: ${part?.message ?? "a part cannot be read"}`
    );
  }
  return findingOf(scope, line.code, "missing") ? "blank" : "OK";
}

/** FOCUS.STATUS: the statement's status in the scope. */
export function statementStatus(scope: ScopeReport, statement: unknown): StatusResult {
  const id = statementArgument(statement);
  const summary = scope.summaries.find((s) => s.statement === id);
  if (summary && summary.status !== "not-bound") return STATUS_TEXT[summary.status];
  // "Not bound" because a cell behind the excess cannot be read is an error in that cell, not a gap.
  for (const code of summaryCodes(id)) {
    const problem = unreadableBehind(scope, code);
    if (problem) throw new UnreadableCell(problem.message);
  }
  return "NOT BOUND";
}

export function statementArgument(statement: unknown): StatementId {
  if (typeof statement !== "string" && typeof statement !== "number")
    throw new BadArgument('a statement is required, such as "4d2"');
  // A number such as 30.7 arrives as a double: String() gives back "30.7".
  const id = STATEMENT_ALIASES.get(String(statement).trim().toLowerCase());
  if (!id)
    throw new BadArgument(
      `unknown statement "${statement}": use one of ${[...STATEMENT_ALIASES.keys()].join(", ")}`
    );
  return id;
}

function describeScope(scope: ScopeReport): string {
  return scope.scope === "workbook" ? "the workbook" : `scope "${scope.scope}"`;
}

function resultOf(scope: ScopeReport, code: Code): LineResult | undefined {
  return scope.lines.find((l) => l.code === code);
}

function findingOf(scope: ScopeReport, code: Code, ...kinds: FindingKind[]): Finding | undefined {
  return scope.findings.find((f) => f.code === code && kinds.includes(f.kind));
}

/**
 * Why a line's value cannot be had: its own binding (an unreadable cell, a broken name, two names),
 * else, where the line takes its value from its parts, a part's, followed down through unbound totals.
 */
function unreadableBehind(scope: ScopeReport, code: Code): Finding | undefined {
  const own = findingOf(scope, code, "bad-input", "duplicate");
  if (own) return own;
  const reported = resultOf(scope, code)?.reported;
  if (reported !== null && reported !== undefined) return undefined;
  return unreadablePart(scope, code);
}

function unreadablePart(scope: ScopeReport, code: Code): Finding | undefined {
  for (const term of lineOf(code)?.formula?.terms ?? []) {
    const problem = unreadableBehind(scope, term.code);
    if (problem) return problem;
  }
  return undefined;
}

/** Some bound cell stands behind the line's value (or a dollar floor does, as for the minimum requirement). */
function hasSource(scope: ScopeReport, code: Code): boolean {
  if (resultOf(scope, code)?.bound) return true;
  const formula = lineOf(code)?.formula;
  if (!formula) return false;
  return (
    (formula.op === "greatest" && !!formula.floorDollars) ||
    formula.terms.some((t) => hasSource(scope, t.code))
  );
}

/** The lines a statement's status is judged on. */
function summaryCodes(id: StatementId): Code[] {
  const s = statementOf(id).summary;
  const codes =
    s.kind === "segregation"
      ? [s.excess, s.targetAmount, s.overTarget]
      : [s.netCapital, s.minimum, s.earlyWarning];
  return codes.filter((c): c is Code => c !== undefined);
}
