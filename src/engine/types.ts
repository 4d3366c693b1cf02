/** Vocabulary shared by the statement data, the checker and every adapter. */

/** A FOCUS line code: four digits, as printed in the box beside the amount. */
export type Code = string;

export type LineKind =
  | "input" // an amount keyed by the preparer
  | "deduct" // printed in parentheses; the form subtracts its magnitude, keyed as +x or -x
  | "signed" // profit (loss), from (to): the sign is part of the value
  | "derived" // a total the form defines
  | "policy" // a management target: keyed, drives below-target
  | "text"; // a depository's name: no arithmetic

export type StatementId =
  "seg-4d2" | "dealer-options-32.6" | "secured-30.7" | "cleared-swaps-4df" | "cftc-capital";

/** One term of a formula: sign x value(code) x factor. Deduct lines enter by magnitude. */
export interface Term {
  code: Code;
  sign: 1 | -1;
  /** A rate such as "0.08" or "1.10", as a decimal string. */
  factor?: string;
  /**
   * Reg 1.12(b)(3): the rate that replaces `factor` when the scope declares the
   * NFA requirement margin-based (FOCUS_NFA_MARGIN_BASED) and this part is at least `atLeast`.
   */
  marginBased?: { factor: string; atLeast: Code };
}

export type Formula =
  | { op: "sum"; terms: Term[]; roundToDollar?: boolean }
  /** Greatest of the terms, and of `floorDollars` (a dollar threshold that scales with the unit). */
  | { op: "greatest"; terms: Term[]; floorDollars?: string; roundToDollar?: boolean };

export interface LineDef {
  code: Code;
  /** The form's line number, such as "13" or "3B". */
  line: string;
  label: string;
  kind: LineKind;
  formula?: Formula;
  /** Page of a two-page statement (30.7). */
  page?: number;
  /** Printed in the inner amount column: a part shown beside the total it makes (template.ts). */
  inner?: boolean;
  /**
   * How statements word this line, for binding by label (engine/labels): one variant a string.
   * "Heading > label" is a label printed under a heading ("Net ledger balance > Cash"); a variant
   * without ">" names the line on its own. Line numbers, case and punctuation do not matter.
   */
  wording?: string[];
}

/** How statements word their titles and the headings that open a part (30.7's two pages). */
export interface StatementWording {
  /** Any of these, printed on a row of its own, opens the statement. */
  titles: string[];
  /** Headings that open a part: the lines of `page` follow (30.7), or only context for the lines below. */
  parts?: { headings: string[]; page?: number }[];
}

/**
 * What a soft check rests on: a rule (a regulation that makes it hold, cited), or an
 * inference of ours from how the form is laid out (the same amounts seen from two
 * sides), which a firm's presentation may legitimately depart from.
 */
export type CrossCheckBasis = { kind: "rule"; rule: string } | { kind: "inference"; why: string };

export interface CrossCheckDef {
  id: string;
  basis: CrossCheckBasis;
  /** "approx": left equals right within tolerance (or, with `rightOptional`, lies between right and right+optional).
   *  "not-greater": left's magnitude does not exceed right's. */
  relation: "approx" | "not-greater";
  left: Term[];
  right: Term[];
  rightOptional?: Term[];
  /**
   * The check in words, with {left}, {right} and {optional} where each side's codes go:
   * they are filled from the terms ("(7090 + 7120 + 7170)"), so a code changed in its
   * table changes the words too (rules/cross-check/description.ts).
   */
  description: string;
}

export type SummarySpec =
  | {
      kind: "segregation";
      excess: Code;
      targetAmount?: Code;
      overTarget?: Code;
      deficiencyRule: string;
      belowTargetRule?: string;
      /** A fall in excess of more than 25% of the prior day's residual interest: the withdrawal rule. */
      withdrawalRule?: string;
    }
  | {
      kind: "capital";
      netCapital: Code;
      minimum: Code;
      earlyWarning: Code;
      belowMinimumRule: string;
      earlyWarningRule: string;
    };

export interface StatementDef {
  id: StatementId;
  title: string;
  /** Short name for tables and the pane. */
  short: string;
  /** The regulation the statement implements. */
  regulation: string;
  lines: LineDef[];
  summary: SummarySpec;
  crossChecks: CrossCheckDef[];
  /** The short names preparers use for the statement besides its id, in lower case (FOCUS.STATUS and the other custom functions). */
  aliases?: string[];
  /** Titles and part headings, for binding by label. */
  wording?: StatementWording;
}
