import {
  plain,
  type Finding,
  lineOf,
  type ScopeReport,
  type Comparison,
  contentHash,
  noticesDue,
  type Notice,
} from "../engine";
import type { ScopeBindings, WorkbookReport } from "../workbook/validate";

/** The --json contract. Decimals are strings in plain notation; difference = reported - expected. */
export interface FileResult {
  file: string;
  error: string | null;
  scopes: ScopeReport[];
  /** The whole report (periods, review record), when the file could be read. */
  report?: WorkbookReport;
  /** Every period against its prior: in its own workbook, or in --compare's file. */
  comparisons?: Comparison[];
}

export function toJson(results: FileResult[]): unknown {
  return {
    files: results.map((r) => {
      // By scope once (the first of a name, as a search would find): a year of daily sheets has hundreds of scopes.
      const bindings = new Map<string, ScopeBindings>();
      for (const b of r.report?.bindings ?? [])
        if (!bindings.has(b.scope)) bindings.set(b.scope, b);
      return {
        file: r.file,
        error: r.error,
        scopes: r.scopes.map((s) => ({
          scope: s.scope,
          unit: plain(s.unit),
          tolerance: plain(s.tolerance),
          summaries: s.summaries.map((m) => ({
            statement: m.statement,
            excess: plain(m.excess),
            target: plain(m.target),
            status: m.status,
            overTarget: plain(m.overTarget),
            rule: m.rule,
          })),
          findings: s.findings.map(findingJson),
          ...bindingsJson(bindings.get(s.scope)),
        })),
        ...(r.report ? reviewJson(r.report, r.comparisons ?? []) : {}),
      };
    }),
  };
}

/** Every line bound in the scope, whatever found it, and the rows --detect could not place. */
function bindingsJson(found: ScopeBindings | undefined) {
  return {
    bindings: (found?.bindings ?? []).map((b) => ({
      code: b.code,
      cell: b.cell,
      source: b.source,
      label: b.label,
      confidence: b.confidence,
    })),
    unmatched: (found?.unmatched ?? []).map((u) => ({ cell: u.cell, text: u.text })),
    // Only where the sheet prints periods side by side: which one was read.
    ...(found?.period ? { period: found.period } : {}),
  };
}

/** Periods, the series the pane plots, comparisons and the sign-off record. */
function reviewJson(report: WorkbookReport, comparisons: Comparison[]) {
  const last = report.review.lastSignOff;
  // After --compare's findings joined the scopes: the notices follow every finding.
  const due = noticesDue({ scopes: report.scopes, periods: report.periods });
  return {
    notices: due.notices.map(noticeJson),
    assumptions: due.assumptions,
    periods: report.periods,
    series: report.review.series.map((s) => ({
      entity: s.entity,
      statement: s.statement,
      cadence: report.review.order.series.find((x) => x.entity === s.entity)?.cadence ?? "single",
      points: s.points.map((p) => ({
        asOf: p.asOf,
        scope: p.scope,
        excess: plain(p.excess),
        target: plain(p.target),
        overTarget: plain(p.overTarget),
        status: p.status,
        errors: p.errors,
        warnings: p.warnings,
      })),
    })),
    comparisons: comparisons.map((c) => ({
      scope: c.scope,
      priorScope: c.priorScope,
      priorSource: c.priorSource,
      rows: c.rows.map((r) => ({
        code: r.code,
        line: r.line,
        label: r.label,
        prior: plain(r.prior),
        current: plain(r.current),
        change: plain(r.change),
        percent: plain(r.percent),
        notable: r.notable,
      })),
    })),
    review: {
      contentSha256: contentHash(report.bound),
      signOffs: report.record.signOffs,
      lastSignOff: last,
      changesSinceSignOff: report.review.changes,
      recordProblems: report.review.recordProblems,
    },
  };
}

/** One notice due: `due` is YYYY-MM-DD (null for an undated scope); `dueText` says the deadline in words. */
export function noticeJson(n: Notice) {
  return {
    rule: n.rule,
    paragraph: n.paragraph,
    trigger: n.trigger,
    statement: n.statement,
    code: n.code,
    line: n.line,
    cell: n.cell,
    scope: n.scope,
    entity: n.entity,
    asOf: n.asOf,
    recipients: n.recipients,
    notice: n.notice,
    deadline: n.deadline,
    due: n.due,
    dueText: n.dueText,
    acknowledged: n.acknowledged,
  };
}

export function findingJson(f: Finding) {
  const line = f.code ? lineOf(f.code) : undefined;
  return {
    code: f.code,
    kind: f.kind,
    severity: f.severity,
    cell: f.cell,
    reported: plain(f.reported),
    expected: plain(f.expected),
    difference: plain(f.difference),
    suspect: f.suspect,
    message: f.message,
    statement: f.statement,
    line: line?.line ?? null,
    label: line?.label ?? null,
    rule: f.rule ?? null,
    acknowledgement: f.acknowledgement ?? null,
  };
}
