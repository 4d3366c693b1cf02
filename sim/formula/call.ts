import type { Node } from "./parser";
import type { Reference } from "./reference";
import type { Scalar } from "./values";

/**
 * The contract between the evaluator and the worksheet functions, apart from both: the evaluator
 * looks functions up (functions.ts, or the add-in's custom functions) and calls them with itself,
 * so functions.ts needs only this shape of it, and neither module imports the other.
 */

/** Where a formula is evaluated: its sheet, and how far relative references move (conditional formats). */
export interface Position {
  sheet: string;
  rowOffset: number;
  colOffset: number;
}

/** What a function may ask of the evaluator that calls it. */
export interface ArgumentEvaluator {
  /** An argument's value: a scalar, or a reference the function may read. */
  evaluate(node: Node, at: Position): Scalar | Reference;
  /** An argument as one value (a one-cell reference reads its cell). */
  scalar(node: Node, at: Position): Scalar;
  /** A value as one cell shows it: a one-cell reference reads the cell, a larger one is #VALUE!. */
  deref(v: Scalar | Reference): Scalar;
  /** The values of the non-empty cells of a reference. */
  filledCells(ref: Reference): Scalar[];
}

export interface CallContext {
  at: Position;
  evaluator: ArgumentEvaluator;
}

/** A worksheet function: arguments arrive unevaluated, so IF evaluates only the branch it takes. */
export type WorksheetFunction = (args: Node[], ctx: CallContext) => Scalar | Reference;
