import {
  STATEMENTS,
  type Finding,
  type ScopeReport,
  severityRank,
  type Severity,
  type StatementId,
} from "../../engine";
import type { WorkbookReport } from "../../workbook/validate";
import { count } from "../shared/plural";

export interface FindingGroup {
  key: string;
  title: string;
  /** Errors first, then warnings, then notes; the engine's order (by code) within each. */
  findings: Finding[];
}

/** Findings by statement in print order, the ones about the whole workbook (names, calculation) first. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const bySeverity = (list: Finding[]) =>
    [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const groups: FindingGroup[] = [];
  const general = findings.filter((f) => f.statement === null);
  if (general.length)
    groups.push({ key: "general", title: "Names and workbook", findings: bySeverity(general) });
  for (const st of STATEMENTS) {
    const own = findings.filter((f) => f.statement === st.id);
    if (own.length) groups.push({ key: st.id, title: st.short, findings: bySeverity(own) });
  }
  return groups;
}

function severityCounts(findings: Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** "1 error, 2 warnings, 3 notes", or "no findings". */
export function countsText(findings: Finding[]): string {
  const c = severityCounts(findings);
  if (findings.length === 0) return "no findings";
  return [count(c.error, "error"), count(c.warning, "warning"), count(c.info, "note")].join(", ");
}

/** One sentence for the live region and the status line. */
export function reportSentence(report: WorkbookReport): string {
  const all = report.scopes.flatMap((s) => s.findings);
  const where =
    report.scopes.length === 1 ? report.scopes[0].scope : count(report.scopes.length, "sheet");
  return `Validated ${where}: ${countsText(all)}.`;
}

/** The scope to show: the one shown before if it is still there, else the first with an error. */
export function chooseScope(report: WorkbookReport, previous: string | null): string | null {
  if (previous !== null && report.scopes.some((s) => s.scope === previous)) return previous;
  const failing = report.scopes.find((s) => s.findings.some((f) => f.severity === "error"));
  return (failing ?? report.scopes[0])?.scope ?? null;
}

export function unitCaption(scope: ScopeReport): string | null {
  const unit = scope.unit.toFixed();
  if (unit === "1000") return "Amounts in thousands of dollars.";
  if (unit === "1000000") return "Amounts in millions of dollars.";
  return null;
}

export function statementTitle(id: StatementId): string {
  return STATEMENTS.find((s) => s.id === id)?.short ?? id;
}
