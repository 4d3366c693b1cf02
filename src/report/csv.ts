import { plain, type ScopeReport, lineOf } from "../engine";
import { codeValues, statementName, type ReviewPackage } from "./package";

/** The notices due, most urgent first: notices.csv. Dates ISO, recipients separated by "; ". */
export function noticesCsv(pkg: ReviewPackage): string {
  const lines = [
    row([
      "due",
      "deadline",
      "paragraph",
      "rule",
      "trigger",
      "statement",
      "code",
      "line",
      "cell",
      "scope",
      "entity",
      "as_of",
      "notify",
      "notice",
      "acknowledged",
    ]),
  ];
  for (const n of pkg.notices.notices) {
    lines.push(
      row([
        n.due,
        n.dueText,
        n.paragraph,
        n.rule,
        n.trigger,
        statementName(n.statement),
        n.code,
        n.line,
        n.cell,
        n.scope,
        n.entity,
        n.asOf,
        n.recipients.join("; "),
        n.notice,
        n.acknowledged ? "yes" : "",
      ])
    );
  }
  for (const a of pkg.notices.assumptions) lines.push(row(["", "", "", "assumption", a]));
  return lines.join("\r\n") + "\r\n";
}

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so a spreadsheet opens it as text, never as a formula. */
export function csvField(value: string | null | undefined): string {
  let v = value ?? "";
  if (/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const row = (fields: (string | null | undefined)[]) => fields.map(csvField).join(",");

/** The findings of every scope, one per row, with acknowledgements: the CSV review report. */
export function findingsCsv(pkg: ReviewPackage): string {
  const lines = [
    row([
      "scope",
      "entity",
      "as_of",
      "severity",
      "kind",
      "statement",
      "code",
      "line",
      "label",
      "cell",
      "reported",
      "expected",
      "difference",
      "rule",
      "message",
      "acknowledged_by",
      "acknowledged_at",
      "acknowledged_reason",
    ]),
  ];
  for (const s of pkg.scopes) {
    for (const f of s.findings) {
      const l = f.code ? lineOf(f.code) : undefined;
      const a = f.acknowledgement;
      lines.push(
        row([
          s.scope,
          s.period?.entity,
          s.period?.asOf,
          f.severity,
          f.kind,
          f.statement ? statementName(f.statement) : "",
          f.code,
          l?.line,
          l?.label,
          f.cell,
          plain(f.reported),
          plain(f.expected),
          plain(f.difference),
          f.rule,
          f.message,
          a?.by,
          a?.at,
          a?.reason,
        ])
      );
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** Excess and target per statement per scope. */
export function summariesCsv(pkg: ReviewPackage): string {
  const lines = [
    row([
      "scope",
      "entity",
      "as_of",
      "statement",
      "excess",
      "target",
      "over_target",
      "status",
      "rule",
    ]),
  ];
  for (const s of pkg.scopes) {
    for (const m of s.summaries) {
      lines.push(
        row([
          s.scope,
          s.period?.entity,
          s.period?.asOf,
          statementName(m.statement),
          plain(m.excess),
          plain(m.target),
          plain(m.overTarget),
          m.status,
          m.rule,
        ])
      );
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** One scope's code,value pairs for tying out to the filing system. */
export function codeValueCsv(s: ScopeReport): string {
  return (
    [row(["code", "value"]), ...codeValues(s).map((r) => row([r.code, r.value]))].join("\r\n") +
    "\r\n"
  );
}

/** A file name for a scope's code,value CSV: safe on every file system. */
export function scopeFileName(scope: string, asOf: string | null | undefined): string {
  const base = scope.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "scope";
  return `values-${base}${asOf && !base.includes(asOf) ? `-${asOf}` : ""}.csv`;
}
