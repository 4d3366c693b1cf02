import { sortFindings, type ScopeReport } from "../check";
import {
  compareScopes,
  DEFAULT_THRESHOLDS,
  type ChangeThresholds,
  type Comparison,
} from "../compare";
import { finding, type Acknowledgement, type Finding } from "../findings";
import {
  entityKey,
  orderPeriods,
  statementSeries,
  type Period,
  type PeriodOrder,
  type StatementSeries,
} from "../periods/periods";
import { applyAcknowledgements } from "./acknowledgements";
import {
  changesSince,
  contentHash,
  verifyChain,
  type BoundValue,
  type SignOff,
  type ValueChange,
} from "./signoff";

/** What the workbook's review record holds (src/workbook/review-sheet.ts reads it). */
export interface RecordInput {
  signOffs: SignOff[];
  acknowledgements: Acknowledgement[];
  signedValues: BoundValue[];
  problems: string[];
}

export interface ReviewInput {
  scopes: ScopeReport[];
  periods: Period[];
  bound: BoundValue[];
  record: RecordInput;
  thresholds?: ChangeThresholds;
}

export interface ReviewOutcome {
  order: PeriodOrder;
  series: StatementSeries[];
  /** Each dated period against the one before it in the same workbook. */
  comparisons: Comparison[];
  lastSignOff: SignOff | null;
  /** Bound values that differ from the last sign-off; null when there is none (or its record cannot be trusted). */
  changes: ValueChange[] | null;
  /** The sign-off record's own problems (broken chain, edited rows). */
  recordProblems: string[];
}

/**
 * The reviewer's layer over checked scopes: periods in order, each against the
 * day before, changes since the last sign-off, and acknowledgements. Adds its
 * findings to the scopes (so the pane, the CLI and the report show them as any
 * other) and then applies acknowledgements to every finding.
 */
export function reviewScopes(input: ReviewInput): ReviewOutcome {
  const { scopes, periods, record } = input;
  const byScope = new Map(scopes.map((s) => [s.scope, s]));
  const added = new Map<string, Finding[]>();
  const add = (scope: string, fs: Finding[]) =>
    fs.length && added.set(scope, [...(added.get(scope) ?? []), ...fs]);

  const order = orderPeriods(periods);
  for (const [scope, fs] of order.findings) add(scope, fs);

  const comparisons: Comparison[] = [];
  for (const s of order.series) {
    let previous: ScopeReport | undefined;
    let previousDate: string | null = null;
    for (const p of s.periods) {
      const current = byScope.get(p.scope);
      if (!current) continue;
      if (previous && p.asOf !== previousDate) {
        const c = compareScopes(
          current,
          previous,
          "this workbook",
          input.thresholds ?? DEFAULT_THRESHOLDS,
          { current: p.asOf, prior: previousDate }
        );
        comparisons.push(c);
        add(p.scope, c.findings);
      }
      if (p.asOf !== previousDate) {
        previous = current;
        previousDate = p.asOf;
      }
    }
  }

  const recordProblems = [...verifyChain(record.signOffs), ...record.problems];
  const lastSignOff = record.signOffs.at(-1) ?? null;
  let changes: ValueChange[] | null = null;
  if (lastSignOff) {
    if (contentHash(record.signedValues) !== lastSignOff.contentHash) {
      recordProblems.push(
        `the values recorded with sign-off ${lastSignOff.seq} do not match its hash: they were edited after the sign-off`
      );
    } else {
      changes = changesSince(record.signedValues, input.bound);
      const byChangedScope = new Map<string, ValueChange[]>();
      for (const c of changes)
        byChangedScope.set(c.scope, [...(byChangedScope.get(c.scope) ?? []), c]);
      for (const [scope, list] of byChangedScope) {
        const target = byScope.has(scope) ? scope : scopes[0]?.scope;
        if (target) add(target, [changedFinding(scope, list, lastSignOff)]);
      }
    }
  }
  if (recordProblems.length && scopes[0]) {
    // A few say what is wrong; hundreds would only bury the statement's own findings.
    const shown = recordProblems
      .slice(0, 10)
      .map((p) => finding("review-record", { message: `The sign-off record: ${p}` }));
    if (recordProblems.length > 10)
      shown.push(
        finding("review-record", {
          message: `The sign-off record: and ${recordProblems.length - 10} more problems`,
        })
      );
    add(scopes[0].scope, shown);
  }

  for (const [scope, fs] of added) {
    const s = byScope.get(scope);
    if (s) s.findings = sortFindings([...s.findings, ...fs]);
  }
  applyAcknowledgements(scopes, periods, record.acknowledgements);

  return {
    order,
    series: statementSeries(order, scopes),
    comparisons,
    lastSignOff,
    changes,
    recordProblems,
  };
}

const describe = (v: BoundValue | null) =>
  v === null ? "(none)" : v.value === "" ? "blank" : v.value;

function changedFinding(scope: string, list: ValueChange[], signOff: SignOff): Finding {
  const shown = list
    .slice(0, 8)
    .map((c) =>
      c.kind === "changed"
        ? `${c.name} ${describe(c.before)} → ${describe(c.after)}`
        : c.kind === "moved"
          ? `${c.name} now refers to ${c.after!.target} (was ${c.before!.target})`
          : c.kind === "added"
            ? `${c.name} added`
            : `${c.name} removed`
    );
  const more = list.length > 8 ? `; and ${list.length - 8} more` : "";
  const first = list.find((c) => c.after && /!/.test(c.after.target));
  return finding("changed-since-review", {
    cell: first?.after?.target.replace(/\$/g, "") ?? null,
    message: `${list.length} bound value${list.length === 1 ? "" : "s"} of ${scope} changed since sign-off ${signOff.seq} by ${signOff.reviewer} (${signOff.at}): ${shown.join("; ")}${more}`,
  });
}

/**
 * The prior period of another file for each scope that has none in its own
 * workbook: same entity and the latest earlier date, else the same scope name,
 * else the only scope of a one-scope file; never a statement of another firm.
 */
export function compareWithPriorFile(
  current: { scopes: ScopeReport[]; periods: Period[] },
  prior: { scopes: ScopeReport[]; periods: Period[] },
  alreadyCompared: Set<string>,
  source: string,
  thresholds: ChangeThresholds = DEFAULT_THRESHOLDS
): Comparison[] {
  const out: Comparison[] = [];
  const priorPeriod = new Map(prior.periods.map((p) => [p.scope, p]));
  for (const s of current.scopes) {
    if (alreadyCompared.has(s.scope)) continue;
    const p = current.periods.find((x) => x.scope === s.scope);
    // Two named firms that differ are never compared; an unnamed side can be anyone's.
    const sameFirm = (q: ScopeReport) => {
      const a = p?.entity ?? null,
        b = priorPeriod.get(q.scope)?.entity ?? null;
      return a === null || b === null || entityKey(a) === entityKey(b);
    };
    let match: ScopeReport | undefined;
    if (p?.asOf) {
      const entity = entityKey(p.entity);
      match = prior.scopes
        .filter((q) => {
          const qp = priorPeriod.get(q.scope);
          return qp?.asOf && qp.asOf < p.asOf! && entityKey(qp.entity) === entity;
        })
        .sort((a, b) =>
          priorPeriod.get(a.scope)!.asOf! < priorPeriod.get(b.scope)!.asOf! ? 1 : -1
        )[0];
    }
    match ??= prior.scopes.find((q) => q.scope === s.scope && sameFirm(q));
    if (
      !match &&
      prior.scopes.length === 1 &&
      current.scopes.length === 1 &&
      sameFirm(prior.scopes[0])
    )
      match = prior.scopes[0];
    if (!match) continue;
    const c = compareScopes(s, match, source, thresholds, {
      current: p?.asOf ?? null,
      prior: priorPeriod.get(match.scope)?.asOf ?? null,
    });
    out.push(c);
    s.findings = sortFindings([...s.findings, ...c.findings]);
  }
  return out;
}
