import type { FindingKind } from "../findings";
import type { StatementId } from "../types";

/**
 * The notices a statement can show are due, as data: which finding triggers each,
 * the paragraph that requires it, who receives it and how its deadline is counted.
 * Read from 17 CFR 1.12 (eCFR text: MichalOpoka/ecfr, cfr/title-17/chapter-I/part-1/
 * subjectgroup-ECFR812208927193be3/section-1.12.md) and the
 * withdrawal rules 1.23(c), 30.7(g), 22.17(c). Nothing here files anything.
 */

export type NoticeRuleId =
  | "segregation-deficiency"
  | "below-target"
  | "below-minimum"
  | "early-warning"
  | "capital-decline"
  | "residual-withdrawal";

export type Deadline =
  /** "immediately": due as soon as the firm knows or should know, so on the as-of date. */
  | { kind: "immediate" }
  /** A number of hours from the event: the calendar day after the as-of date, at the latest. */
  | { kind: "hours"; hours: number }
  /** Reg 1.3 business days from the event: the event's day is not counted. */
  | { kind: "business-days"; days: number }
  /** Before the act itself (a withdrawal of residual interest): already due when a statement shows it. */
  | { kind: "before-withdrawal" };

export interface NoticeRule {
  id: NoticeRuleId;
  /** The finding that shows the trigger on a statement. */
  finding: FindingKind;
  /** The statements whose finding triggers it (1.12(h) does not name dealer options). */
  statements: StatementId[];
  /** The paragraph, per statement where it differs (the withdrawal rules). */
  paragraph: string | Partial<Record<StatementId, string>>;
  /** What the trigger is, in the rule's words. */
  trigger: string;
  /** What must be given. */
  notice: string;
  deadline: Deadline;
  /** For a firm that is also a broker-dealer, who else is notified. */
  brokerDealerAlso: string[];
}

/** Every Reg 1.12 notice goes to the Commission and the DSRO (1.12(n)(1)). */
export const BASE_RECIPIENTS = ["CFTC", "DSRO"];
/** 1.12(n)(1): and the SEC when the registrant is a securities broker or dealer. */
const SEC = "SEC (Reg 1.12(n)(1))";
/** A broker-dealer's own capital notices under SEC Rule 17a-11 also go to its designated examining authority. */
const DEA = "its designated examining authority (SEC Rule 17a-11)";

const FUNDS: StatementId[] = ["seg-4d2", "secured-30.7", "cleared-swaps-4df"];

export const NOTICE_RULES: readonly NoticeRule[] = [
  {
    id: "segregation-deficiency",
    finding: "deficiency",
    statements: FUNDS,
    paragraph: "Reg 1.12(h)",
    trigger:
      "funds in segregated or secured amount accounts below the amount required (excess below zero)",
    notice: "report the deficiency immediately",
    deadline: { kind: "immediate" },
    brokerDealerAlso: [SEC],
  },
  {
    id: "below-minimum",
    finding: "below-minimum",
    statements: ["cftc-capital"],
    paragraph: "Reg 1.12(a)",
    trigger: "adjusted net capital below the Reg 1.17 minimum",
    notice:
      "notice immediately, with documentation of the capital condition (or a statement that it cannot yet be calculated)",
    deadline: { kind: "immediate" },
    brokerDealerAlso: [SEC, DEA],
  },
  {
    id: "below-target",
    finding: "below-target",
    statements: FUNDS,
    paragraph: "Reg 1.12(j)",
    trigger: "residual interest below the targeted residual interest (Reg 1.11)",
    notice: "notice immediately",
    deadline: { kind: "immediate" },
    brokerDealerAlso: [SEC],
  },
  {
    id: "residual-withdrawal",
    finding: "residual-withdrawal",
    statements: FUNDS,
    paragraph: {
      "seg-4d2": "Reg 1.23(c)",
      "secured-30.7": "Reg 30.7(g)",
      "cleared-swaps-4df": "Reg 22.17(c)",
    },
    trigger: "residual interest down by more than 25% of the prior day's",
    notice:
      "before the withdrawal (unless for customers' benefit): written approval by the CEO or CFO, and immediate written notice",
    deadline: { kind: "before-withdrawal" },
    brokerDealerAlso: [],
  },
  {
    id: "early-warning",
    finding: "early-warning",
    statements: ["cftc-capital"],
    paragraph: "Reg 1.12(b)",
    trigger: "adjusted net capital below the early-warning level",
    notice: "notice as soon as possible and no later than 24 hours",
    deadline: { kind: "hours", hours: 24 },
    brokerDealerAlso: [SEC, DEA],
  },
  {
    id: "capital-decline",
    finding: "capital-decline",
    statements: ["cftc-capital"],
    paragraph: "Reg 1.12(g)(1)",
    trigger: "net capital down 20% or more from the prior period",
    notice:
      "notice within two business days, stating the reason and the steps taken to keep capital at an appropriate level",
    deadline: { kind: "business-days", days: 2 },
    brokerDealerAlso: [SEC],
  },
];

export function paragraphOf(rule: NoticeRule, statement: StatementId): string {
  return typeof rule.paragraph === "string" ? rule.paragraph : (rule.paragraph[statement] ?? "");
}
