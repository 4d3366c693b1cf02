import type { ScopeReport } from "../check";
import { grouped } from "../decimal";
import type { Finding } from "../findings";
import { lineOf } from "../lines";
import type { Period } from "../periods/periods";
import type { IsoDate } from "../periods/dates";
import type { Code, StatementId } from "../types";
import { dueDate } from "./deadlines";
import {
  BASE_RECIPIENTS,
  NOTICE_RULES,
  paragraphOf,
  type Deadline,
  type NoticeRule,
  type NoticeRuleId,
} from "./rules";

/** One notice a statement shows is due: what triggered it, under which paragraph, to whom, by when. */
export interface Notice {
  rule: NoticeRuleId;
  scope: string;
  entity: string | null;
  asOf: IsoDate | null;
  statement: StatementId;
  code: Code | null;
  /** The form's line number of the trigger. */
  line: string | null;
  cell: string | null;
  /** The trigger in the rule's words, with the statement's figures. */
  trigger: string;
  paragraph: string;
  notice: string;
  recipients: string[];
  deadline: Deadline["kind"];
  due: IsoDate | null;
  dueText: string;
  /** A reviewer acknowledged the finding behind it; the notice is still due. */
  acknowledged: boolean;
}

export interface NoticesDue {
  /** Most urgent first: the earliest deadline (undated first: they cannot wait), then immediate before timed. */
  notices: Notice[];
  /** What the engine assumed where the workbook does not say (FOCUS_BROKER_DEALER, FOCUS_NFA_MARGIN_BASED). */
  assumptions: string[];
}

const BY_FINDING = new Map(NOTICE_RULES.map((r) => [r.finding, r]));
const RANK: Record<Deadline["kind"], number> = {
  immediate: 0,
  "before-withdrawal": 1,
  hours: 2,
  "business-days": 3,
};

export const BROKER_DEALER_ASSUMPTION =
  "FOCUS_BROKER_DEALER is not bound: the notices name the CFTC and the DSRO, as for a firm that is not also a broker-dealer. " +
  "Bind FOCUS_BROKER_DEALER to TRUE for one that is: the SEC is added (Reg 1.12(n)(1)), and for capital notices its designated examining authority.";

/**
 * The notices due over a workbook's checked scopes, from their findings: a notice
 * exists exactly when its finding does (the residual-interest withdrawal and the
 * capital decline come from the comparisons, already added to the scopes' findings).
 */
export function noticesDue(input: { scopes: ScopeReport[]; periods: Period[] }): NoticesDue {
  const notices: Notice[] = [];
  const assumptions = new Set<string>();
  const order = new Map(input.scopes.map((s, i) => [s.scope, i]));
  for (const scope of input.scopes) {
    const period = input.periods.find((p) => p.scope === scope.scope) ?? null;
    for (const f of scope.findings) {
      if (f.kind === "assumption") assumptions.add(f.message);
      const rule = BY_FINDING.get(f.kind);
      if (!rule || !f.statement || !rule.statements.includes(f.statement)) continue;
      const brokerDealer = scope.firm?.brokerDealer ?? null;
      if (brokerDealer === null) assumptions.add(BROKER_DEALER_ASSUMPTION);
      notices.push(noticeOf(rule, f, scope.scope, period, brokerDealer === true));
    }
  }
  notices.sort((a, b) =>
    (a.due ?? "") < (b.due ?? "")
      ? -1
      : (a.due ?? "") > (b.due ?? "")
        ? 1
        : RANK[a.deadline] - RANK[b.deadline] ||
          (order.get(a.scope) ?? 0) - (order.get(b.scope) ?? 0)
  );
  return { notices, assumptions: [...assumptions] };
}

function noticeOf(
  rule: NoticeRule,
  f: Finding,
  scope: string,
  period: Period | null,
  brokerDealer: boolean
): Notice {
  const line = f.code ? lineOf(f.code) : undefined;
  const asOf = period?.asOf ?? null;
  const due = dueDate(rule.deadline, asOf);
  return {
    rule: rule.id,
    scope,
    entity: period?.entity ?? null,
    asOf,
    statement: f.statement!,
    code: f.code,
    line: line?.line ?? null,
    cell: f.cell,
    trigger: `${rule.trigger}: ${figures(f)}`,
    paragraph: paragraphOf(rule, f.statement!),
    notice: rule.notice,
    recipients: brokerDealer
      ? [...BASE_RECIPIENTS, ...rule.brokerDealerAlso]
      : [...BASE_RECIPIENTS],
    deadline: rule.deadline.kind,
    due: due.due,
    dueText: due.text,
    acknowledged: !!f.acknowledgement,
  };
}

/** The statement's figures behind the trigger: the amount, and what it was measured against. */
const AGAINST: Partial<Record<Finding["kind"], string>> = {
  "below-target": "target",
  "below-minimum": "minimum",
  "early-warning": "early-warning level",
  "residual-withdrawal": "prior",
  "capital-decline": "prior",
};

function figures(f: Finding): string {
  const code = f.code ? `${f.code} ` : "";
  if (f.reported === null) return f.message;
  const against =
    f.expected !== null && AGAINST[f.kind] ? `; ${AGAINST[f.kind]} ${grouped(f.expected)}` : "";
  return `${code}${grouped(f.reported)}${against}`;
}
