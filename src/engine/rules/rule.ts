import type { Severity } from "../severity";
import type { Code } from "../types";

/** What the add-in passes when it marks a finding's cell (taskpane/actions/highlights.ts). */
export interface MarkOptions {
  marker: string;
  isBound: (code: Code) => boolean;
  tolerance?: string;
  unit?: string;
}

/** A finding about a line, with the parts every mark formula starts from. */
export interface MarkInput {
  /** The finding's line (a structural type, so the rules need not import findings.ts, which imports the registry). */
  finding: { kind: string; code: Code };
  /** N("<marker>:<kind>:<code>")=0: always TRUE, and how the add-in finds its own rules again. */
  tag: string;
  /** FOCUS_<code>, the line's name. */
  name: string;
  opts: MarkOptions;
}

/** The conditional-format formula that marks a finding's cell, or null for one no formula can track. */
export type Mark = (m: MarkInput) => string | null;

/** One kind of finding: everything the pane, the reports, the marks and the README say about it. */
export interface Rule {
  /** The usual severity; `severities` says when another applies. */
  severity: Severity;
  /** For kinds whose severity depends on the case: each severity and when it applies. */
  severities?: Partial<Record<Severity, string>>;
  /** The kind in words, as the pane and the cell notes show it. */
  label: string;
  /** What the finding's `expected` amount is, in the pane and the cell notes. */
  expected: "Computed" | "Compared with";
  /** How a finding's cell is marked; absent for kinds whose cell is not marked. */
  mark?: Mark;
  /** Where the finding is raised, from the repository's root. */
  raisedIn: string;
}

/** Judged by the add-in, not by a formula: the mark stays until cleared or re-validated. */
export const markUntilCleared: Mark = ({ tag }) => `=${tag}`;

/** TRUE while the line's amount is below zero. */
export const markWhileNegative: Mark = ({ finding, tag, name, opts }) =>
  opts.isBound(finding.code) ? `=AND(${tag},${name}<0)` : null;
