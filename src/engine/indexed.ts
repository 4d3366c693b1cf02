import { Dec } from "./decimal";
import { allLines, lineAt, lineIndex, type RegisteredLine } from "./lines";
import { STATEMENTS } from "./statements";
import type { Code, CrossCheckDef, Formula, StatementDef, Term } from "./types";

/**
 * The statements as a check walks them, built once when the engine loads. Every
 * line and term carries its position (lineIndex), so a check reads its per-scope
 * tables by position instead of looking each code up again at every step; rates
 * and floors are decimals already, and each term knows whether it enters by magnitude.
 */

export interface IndexedTerm {
  code: Code;
  /** The part's position; -1 for a code no statement defines (it counts as nothing). */
  at: number;
  sign: 1 | -1;
  /** A deduct line's part: enters by magnitude, whichever sign was keyed. */
  deduct: boolean;
  factor: Dec | null;
  /** Reg 1.12(b)(3)'s rate and the position of the part it must reach (types.ts Term.marginBased). */
  marginBased: { factor: Dec; atLeast: number } | null;
}

export interface IndexedFormula {
  op: Formula["op"];
  terms: IndexedTerm[];
  /** Greatest-of only: the floor in dollars (the evaluator scales it to the unit). */
  floorDollars: Dec | null;
  roundToDollar: boolean;
}

export interface IndexedLine {
  line: RegisteredLine;
  at: number;
  formula: IndexedFormula | null;
}

export interface IndexedCrossCheck {
  def: CrossCheckDef;
  left: IndexedTerm[];
  right: IndexedTerm[];
  optional: IndexedTerm[] | null;
}

export interface IndexedStatement {
  def: StatementDef;
  lines: IndexedLine[];
  crossChecks: IndexedCrossCheck[];
}

export function indexTerm(term: Term): IndexedTerm {
  const at = lineIndex(term.code);
  return {
    code: term.code,
    at,
    sign: term.sign,
    deduct: at >= 0 && lineAt(at).kind === "deduct",
    factor: term.factor ? new Dec(term.factor) : null,
    marginBased: term.marginBased
      ? { factor: new Dec(term.marginBased.factor), atLeast: lineIndex(term.marginBased.atLeast) }
      : null,
  };
}

export function indexFormula(f: Formula): IndexedFormula {
  return {
    op: f.op,
    terms: f.terms.map(indexTerm),
    floorDollars: f.op === "greatest" && f.floorDollars ? new Dec(f.floorDollars) : null,
    roundToDollar: !!f.roundToDollar,
  };
}

/** Every line in position order. */
const LINES: readonly IndexedLine[] = allLines().map((line, at) => ({
  line,
  at,
  formula: line.formula ? indexFormula(line.formula) : null,
}));

/** The line at a position (from lineIndex or an IndexedTerm's `at`). */
export function indexedLine(at: number): IndexedLine {
  return LINES[at];
}

export const INDEXED_STATEMENTS: readonly IndexedStatement[] = STATEMENTS.map((def) => ({
  def,
  lines: def.lines.map((l) => LINES[lineIndex(l.code)]),
  crossChecks: def.crossChecks.map((cc) => ({
    def: cc,
    left: cc.left.map(indexTerm),
    right: cc.right.map(indexTerm),
    optional: cc.rightOptional ? cc.rightOptional.map(indexTerm) : null,
  })),
}));
