import type { Acknowledgement, Finding } from "../findings";
import { entityKey, type Period } from "../periods/periods";

/** What a finding is, stably from one day to the next: its kind, statement and line, not its amounts. */
export function findingKey(f: Pick<Finding, "kind" | "statement" | "code">): string {
  return `${f.kind}|${f.statement ?? ""}|${f.code ?? ""}`;
}

interface ScopeFindings {
  scope: string;
  findings: Finding[];
}

/**
 * Attach to each finding the acknowledgement that covers it. An acknowledgement
 * covers its own period, and carries to later periods of the same entity while
 * the finding persists: every period of the workbook from the acknowledged one up
 * to this one must show it. Undated scopes match by scope name only.
 */
export function applyAcknowledgements(
  scopes: ScopeFindings[],
  periods: Period[],
  acks: Acknowledgement[]
): void {
  if (acks.length === 0) return;
  const periodOf = new Map(periods.map((p) => [p.scope, p]));
  const keysOf = new Map(scopes.map((s) => [s.scope, new Set(s.findings.map(findingKey))]));
  const byKey = new Map<string, Acknowledgement[]>();
  for (const a of acks) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);

  for (const s of scopes) {
    const p = periodOf.get(s.scope);
    for (const f of s.findings) {
      const candidates = byKey.get(findingKey(f));
      if (!candidates) continue;
      const covering = candidates.filter((a) =>
        covers(a, s.scope, p, periods, keysOf, findingKey(f))
      );
      if (covering.length === 0) continue;
      // The most recent acknowledgement wins: the latest period, then the latest time.
      covering.sort((a, b) => ((a.asOf ?? "") + a.at < (b.asOf ?? "") + b.at ? 1 : -1));
      f.acknowledgement = covering[0];
    }
  }
}

function covers(
  a: Acknowledgement,
  scope: string,
  p: Period | undefined,
  periods: Period[],
  keysOf: Map<string, Set<string>>,
  key: string
): boolean {
  if (!p || p.asOf === null || a.asOf === null)
    return a.scope === scope && (p?.asOf ?? null) === a.asOf;
  if (entityKey(a.entity) !== entityKey(p.entity)) return false;
  if (a.asOf === p.asOf) return true;
  if (a.asOf > p.asOf) return false;
  // Carried forward: no period in between (from the acknowledged day on) may lack the finding.
  return periods.every(
    (q) =>
      q.asOf === null ||
      entityKey(q.entity) !== entityKey(p.entity) ||
      q.asOf < a.asOf! ||
      q.asOf >= p.asOf! ||
      keysOf.get(q.scope)?.has(key) === true
  );
}
