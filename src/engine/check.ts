import { readAmount, type AmountRead } from "./amount";
import { CodeTable } from "./code-table";
import { ONE, ZERO, type Dec } from "./decimal";
import { Evaluator } from "./evaluate";
import { severityRank, type Finding } from "./findings";
import { UNKNOWN_FIRM } from "./firm";
import { INDEXED_STATEMENTS } from "./indexed";
import { lineAt, lineIndex, statementOrder, type RegisteredLine } from "./lines";
import { lineResults } from "./line-results";
import { marginBasedAssumption } from "./rules/assumption/assumption";
import { badInput } from "./rules/bad-input/bad-input";
import { crossCheck } from "./rules/cross-check/cross-check";
import { identity } from "./rules/identity/identity";
import { blankInput, blankTotal } from "./rules/missing/missing";
import { notChecked } from "./rules/not-checked/not-checked";
import { pluggedTotals } from "./rules/plugged-total/plugged-total";
import { storedAsText } from "./rules/stored-as-text/stored-as-text";
import type { BoundLine, ScopeInput, ScopeReport } from "./scope";
import { STATEMENTS } from "./statements";
import { summarise } from "./summary";
import type { StatementId } from "./types";

export type {
  BoundLine,
  ScopeInput,
  LineResult,
  StatementStatus,
  StatementSummary,
  ScopeReport,
} from "./scope";

// The scope check in order: read every bound amount, judge each derived line and soft
// check, summarise each statement (its flags), then the plugged totals. Each kind's
// judgement is in rules/<kind>/, its severity, label and mark in rules/registry.ts.

/** Check one scope: read every bound amount, test every local identity, raise the flags. */
export function checkScope(input: ScopeInput): ScopeReport {
  const unit = input.unit ?? ONE;
  const tolerance = input.tolerance ?? ZERO;
  const findings: Finding[] = [];
  // Per-scope tables by line position: the walks below go over INDEXED_STATEMENTS and
  // read them by position, where hashing each code again at every step cost more than the walk.
  const bound = new CodeTable<BoundLine>();
  const reads = new CodeTable<AmountRead>();
  const texts = new CodeTable<string>();
  // The statements with a bound line, gathered here once rather than by scanning
  // every statement's lines (three times a call, formerly the largest single cost).
  const used = new Set<StatementId>();

  for (const b of input.lines) {
    const at = lineIndex(b.code);
    if (at < 0) continue;
    const line = lineAt(at);
    bound.setAt(at, b);
    used.add(line.statement);
    if (line.kind === "text") {
      const v = b.content.value;
      texts.setAt(
        at,
        v && v.type !== "blank" && v.type !== "error" ? String("text" in v ? v.text : v.value) : ""
      );
      continue;
    }
    const read = readAmount(b.content);
    reads.setAt(at, read);
    if (read.status === "bad") findings.push(badInput(line, b, read.reason));
    else if (read.status === "number" && read.fromText)
      findings.push(storedAsText(line, b, read.value, read.text));
  }
  const valued = statementsWithValues(bound, reads, texts);

  const firm = input.firm ?? UNKNOWN_FIRM;
  const ev = new Evaluator(reads, unit, { nfaMarginBased: firm.nfaMarginBased === true });
  for (const st of INDEXED_STATEMENTS) {
    if (!used.has(st.def.id)) continue;
    const hasAnyValue = valued.has(st.def.id);
    for (const { line, at } of st.lines) {
      const b = bound.at(at);
      if (!b || line.kind === "text") continue;
      if (line.kind === "derived") {
        const f = checkDerived(line, at, b, ev, tolerance);
        if (f) findings.push(f);
      } else if (hasAnyValue && reads.at(at)?.status === "blank") {
        findings.push(blankInput(line, b));
      }
    }
    for (const cc of st.crossChecks) {
      const f = crossCheck(cc, st, ev, bound, tolerance);
      if (f) findings.push(f);
    }
  }
  const summaries = STATEMENTS.map((st) => summarise(st, used, ev, bound, findings));
  if (used.has("cftc-capital")) marginBasedAssumption(firm, ev, findings);
  pluggedTotals(bound, ev, findings);
  return {
    scope: input.scope,
    unit,
    tolerance,
    lines: lineResults(used, bound, ev, texts),
    summaries,
    findings: sortFindings(findings),
    firm,
  };
}

/** A keyed total against its parts: blank, condensed (none bound), or an identity to test. */
function checkDerived(
  line: RegisteredLine,
  pos: number,
  b: BoundLine,
  ev: Evaluator,
  declared: Dec
): Finding | null {
  const read = ev.readAt(pos);
  if (!read || read.status === "bad") return null;
  const computed = ev.computedAt(pos);
  if (read.status === "blank") {
    return computed.hasSource && !computed.bad && !computed.value.isZero()
      ? blankTotal(line, b, computed.value)
      : null;
  }
  if (!computed.hasSource) return notChecked(line, b, read.value);
  if (computed.bad) return null; // the unreadable part has its own bad-input finding
  return identity(line, b, read.value, computed.value, ev, declared);
}

/** Statements with some bound line keyed (a number, or a depository's name): only those report blanks as missing. */
function statementsWithValues(
  bound: CodeTable<BoundLine>,
  reads: CodeTable<AmountRead>,
  texts: CodeTable<string>
): Set<StatementId> {
  const out = new Set<StatementId>();
  for (const at of bound.positions()) {
    if (reads.at(at)?.status === "number" || (texts.at(at) ?? "") !== "")
      out.add(lineAt(at).statement);
  }
  return out;
}

/** By statement (scope-wide findings first), then code, then severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Each finding's keys worked out once, not at every comparison; the sort is stable, as before.
  const keyed = findings.map((f) => ({
    f,
    statement: statementOrder(f.statement),
    code: f.code === null ? -1 : Number(f.code),
    severity: severityRank(f.severity),
  }));
  keyed.sort((a, b) => a.statement - b.statement || a.code - b.code || a.severity - b.severity);
  return keyed.map((k) => k.f);
}
