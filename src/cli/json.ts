import { plain } from "../engine/decimal";
import type { Finding } from "../engine/findings";
import { lineOf } from "../engine/lines";
import type { ScopeReport } from "../engine/check";

/** The --json contract. Decimals are strings in plain notation; difference = reported - expected. */
export interface FileResult {
  file: string;
  error: string | null;
  scopes: ScopeReport[];
}

export function toJson(results: FileResult[]): unknown {
  return {
    files: results.map((r) => ({
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
      })),
    })),
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
  };
}
