import {
  type ScopeReport,
  type StatementSummary,
  type Comparison,
  Dec,
  plain,
  type Finding,
  lineOf,
  statementOf,
  usDate,
  type Period,
  noticesDue,
  type Notice,
  type NoticesDue,
  contentHash,
  type SignOff,
  type ValueChange,
  INFERRED_NOTES,
  ENGINE_VERSION,
  REFERENCE_VERSION,
} from "../engine";
import type { WorkbookReport } from "../workbook/validate";

/**
 * The review package: everything a reviewer files with the day's check, as plain
 * values. One model, three renderings: HTML to print (html.ts), CSV (csv.ts) and
 * the pane's report sheet (sheet.ts).
 */
export interface PackageMeta {
  /** The workbook's file name (the pane: the document's name, if known). */
  file: string;
  /** SHA-256 of the file's bytes; null when the host cannot give them. */
  fileSha256: string | null;
  /** What was hashed when it is not the saved file itself (the pane hashes what Excel hands over). */
  fileHashNote?: string;
  generatedAt: string;
  /** Who produced the package (the pane asks; the CLI takes --by or the OS user). */
  by: string | null;
}

export interface PackageScope {
  scope: string;
  period: Period | null;
  unit: string;
  summaries: StatementSummary[];
  findings: Finding[];
  comparison: Comparison | null;
}

export interface ReviewPackage {
  meta: PackageMeta;
  engineVersion: string;
  reference: { document: string; sha256: string };
  /** SHA-256 over every bound value and target (what a sign-off records). */
  contentSha256: string;
  scopes: PackageScope[];
  signOffs: SignOff[];
  /** Since the last sign-off; null when there is none. */
  changesSinceSignOff: ValueChange[] | null;
  recordProblems: string[];
  /** The Reg 1.12 (and withdrawal) notices the statements show are due, most urgent first. */
  notices: NoticesDue;
  /** Codes used by the bound scopes that are inferred, with why. */
  inferredCodes: { code: string; label: string; note: string }[];
  totals: { errors: number; warnings: number; infos: number; acknowledged: number };
}

export function reviewPackage(
  report: WorkbookReport,
  meta: PackageMeta,
  extraComparisons: Comparison[] = []
): ReviewPackage {
  const comparisons = [...report.review.comparisons, ...extraComparisons];
  const scopes = report.scopes.map((s: ScopeReport): PackageScope => ({
    scope: s.scope,
    period: report.periods.find((p) => p.scope === s.scope) ?? null,
    unit: plain(s.unit) ?? "1",
    summaries: s.summaries.filter((m) => m.status !== "not-bound"),
    findings: s.findings,
    comparison: comparisons.find((c) => c.scope === s.scope) ?? null,
  }));
  const used = new Set(
    report.scopes.flatMap((s) => s.lines.filter((l) => l.bound).map((l) => l.code))
  );
  const inferredCodes = Object.entries(INFERRED_NOTES)
    .filter(([code]) => used.has(code))
    .map(([code, note]) => ({ code, label: lineOf(code)?.label ?? "", note }));
  const all = report.scopes.flatMap((s) => s.findings);
  return {
    meta,
    engineVersion: ENGINE_VERSION,
    reference: { ...REFERENCE_VERSION },
    // Hashed here, not on every Validate: only a package states it.
    contentSha256: contentHash(report.bound),
    scopes,
    signOffs: report.record.signOffs,
    changesSinceSignOff: report.review.changes,
    recordProblems: report.review.recordProblems,
    // From the scopes' findings, which already hold the comparisons' (--compare's too).
    notices: noticesDue(report),
    inferredCodes,
    totals: {
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
      infos: all.filter((f) => f.severity === "info").length,
      acknowledged: all.filter((f) => f.acknowledgement).length,
    },
  };
}

/** "3 scopes: 1 error, 2 warnings (1 acknowledged)": the result line of a sign-off and a report. */
export function resultSummary(report: WorkbookReport): string {
  const all = report.scopes.flatMap((s) => s.findings);
  const n = (sev: string) => all.filter((f) => f.severity === sev).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
  const ack = all.filter((f) => f.acknowledgement).length;
  return `${plural(report.scopes.length, "scope")}: ${plural(n("error"), "error")}, ${plural(n("warning"), "warning")}${ack ? ` (${ack} acknowledged)` : ""}`;
}

/** Code,value rows of one scope, in dollars as filed (each value times the scope's unit), print order. */
export function codeValues(s: ScopeReport): { code: string; value: string }[] {
  return s.lines
    .filter((l) => l.value !== null && lineOf(l.code)?.kind !== "text")
    .map((l) => ({ code: l.code, value: plain((l.value as Dec).mul(s.unit))! }));
}

export const statementName = (id: Parameters<typeof statementOf>[0]) => statementOf(id).short;

/** A notice's columns, the same in every rendering: heads, then one row per notice. */
export const NOTICE_HEADS = [
  "Due",
  "Deadline",
  "Paragraph",
  "Trigger",
  "Statement",
  "Line",
  "Cell",
  "Scope",
  "As of",
  "Notify",
  "Notice",
  "Acknowledged",
] as const;

export function noticeRow(n: Notice): string[] {
  return [
    n.due ? usDate(n.due) : "",
    n.dueText,
    n.paragraph,
    n.trigger,
    statementName(n.statement),
    n.code ? `${n.line ?? ""} (${n.code})` : "",
    n.cell ?? "",
    n.scope,
    n.asOf ? usDate(n.asOf) : "",
    n.recipients.join(", "),
    n.notice,
    n.acknowledged ? "yes (still due)" : "",
  ];
}

/** One fact of the package's header: what it is, and its value (`hash`: a digest, shown in monospace where that can be). */
export interface PackageFact {
  label: string;
  value: string;
  hash?: boolean;
  note?: string;
}

/** The header every rendering starts with: which file, which hashes, who, when, with what. */
export function packageFacts(pkg: ReviewPackage): PackageFact[] {
  const m = pkg.meta;
  const t = pkg.totals;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  return [
    { label: "Workbook", value: m.file },
    m.fileSha256
      ? { label: "File SHA-256", value: m.fileSha256, hash: true, note: m.fileHashNote }
      : { label: "File SHA-256", value: "not available in this host" },
    { label: "Bound values SHA-256", value: pkg.contentSha256, hash: true },
    { label: "Generated", value: `${m.generatedAt}${m.by ? ` by ${m.by}` : ""}` },
    { label: "Engine", value: `focus-check ${pkg.engineVersion}` },
    { label: "Reference", value: `${pkg.reference.document} ${pkg.reference.sha256}` },
    {
      label: "Result",
      value: `${n(t.errors, "error")}, ${n(t.warnings, "warning")}, ${n(t.infos, "note")}; ${t.acknowledged} acknowledged`,
    },
  ];
}
