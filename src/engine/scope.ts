import type { CellContent } from "./cell";
import type { Dec } from "./decimal";
import type { Finding } from "./findings";
import type { FirmFacts } from "./firm";
import type { Code, StatementId } from "./types";

// What a scope check takes and gives (check.ts), apart from the check itself so that
// the rules (rules/*) can name these types without importing the orchestrator.

/** One bound line as the adapter found it. */
export interface BoundLine {
  code: Code;
  /** 'Sheet'!B31, or null for a name that holds a constant. */
  cell: string | null;
  /** Sheet and A1 address, for following formulas (plugged-total). */
  sheet?: string;
  address?: string;
  content: CellContent;
}

export interface ScopeInput {
  scope: string;
  /** Dollars per keyed unit: 1, 1000 or 1000000. */
  unit?: Dec;
  /** Rounding tolerance, in the unit. */
  tolerance?: Dec;
  lines: BoundLine[];
  /** FOCUS_NFA_MARGIN_BASED and FOCUS_BROKER_DEALER, where bound. */
  firm?: FirmFacts;
}

export interface LineResult {
  code: Code;
  statement: StatementId;
  bound: boolean;
  cell: string | null;
  /** The keyed number (null when unbound, blank or unreadable). */
  reported: Dec | null;
  /** A derived line's value from its parts. */
  computed: Dec | null;
  /** What the summaries and later totals use: reported where readable, else computed. */
  value: Dec | null;
  text?: string;
}

export type StatementStatus = "ok" | "below-target" | "deficient" | "not-bound";

export interface StatementSummary {
  statement: StatementId;
  excess: Dec | null;
  /** Segregation: the management target amount. Capital: the early-warning level. */
  target: Dec | null;
  /** Segregation: excess over (under) the target. Capital: net capital over the early-warning level. */
  overTarget: Dec | null;
  status: StatementStatus;
  /** The rule that requires a notice, when status is not ok. */
  rule: string | null;
}

export interface ScopeReport {
  scope: string;
  unit: Dec;
  tolerance: Dec;
  lines: LineResult[];
  summaries: StatementSummary[];
  findings: Finding[];
  /** What the scope said about the firm (absent in reports built before it was read). */
  firm?: FirmFacts;
}
