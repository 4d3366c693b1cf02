import type { Dec } from "./decimal";
import { FINDING_KINDS, type FindingKind } from "./rules/registry";
import type { Severity } from "./severity";
import { locationOfLabel, type CellLocation } from "./location";
import type { Code, StatementId } from "./types";

// The kinds themselves (severity, words, marks) are in rules/registry.ts.
export { FINDING_KINDS, type FindingKind } from "./rules/registry";
export { severityRank, type Severity } from "./severity";

/** A finding is a plain value: what the pane lists, the CLI prints and --json carries. */
export interface Finding {
  code: Code | null;
  statement: StatementId | null;
  kind: FindingKind;
  severity: Severity;
  /** 'Sheet name'!B31, or null when the finding is about no single cell. */
  cell: string | null;
  /** The same cell as structure (sheet and address), for the CLI's and the pane's marks; null with `cell`. */
  location: CellLocation | null;
  reported: Dec | null;
  expected: Dec | null;
  /** reported - expected */
  difference: Dec | null;
  /** The part whose value is exactly half the difference: its sign was probably keyed the wrong way. */
  suspect: Code | null;
  message: string;
  /** The regulation that requires a notice, for deficiency, below-target, below-minimum, early-warning, residual-withdrawal and capital-decline. */
  rule?: string;
  /** A reviewer's acknowledgement that covers this finding (review/acknowledgements.ts). */
  acknowledgement?: Acknowledgement;
}

/** A reviewer's note that a finding is known and why; stored in the workbook. */
export interface Acknowledgement {
  /** What the finding is, stably across periods: kind|statement|code. */
  key: string;
  entity: string | null;
  /** The period it was given for (null for an undated scope). */
  asOf: string | null;
  scope: string;
  reason: string;
  by: string;
  /** ISO timestamp. */
  at: string;
  /** The finding's message when it was acknowledged. */
  message: string;
}

export function finding(
  kind: FindingKind,
  fields: Partial<Omit<Finding, "kind">> & { message: string }
): Finding {
  return {
    code: null,
    statement: null,
    cell: null,
    reported: null,
    expected: null,
    difference: null,
    suspect: null,
    severity: FINDING_KINDS[kind],
    ...fields,
    // Raisers that hold the cell as structure pass it; for the others it is read from the label once, here.
    location:
      fields.location !== undefined
        ? fields.location
        : fields.cell
          ? locationOfLabel(fields.cell)
          : null,
    kind,
  };
}
