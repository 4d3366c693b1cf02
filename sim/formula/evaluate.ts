import { MAX_COL, MAX_ROW } from "../../src/grid";
import type { RefCorner } from "./lexer";
import type { BinaryOp, Node } from "./parser";
import type { ArgumentEvaluator, Position, WorksheetFunction } from "./call";
import { FUNCTIONS } from "./functions";
import { Reference } from "./reference";
import {
  compare,
  DIV0,
  FormulaError,
  isError,
  NAME,
  NUM,
  REF,
  toNumber,
  toText,
  VALUE,
  type Scalar,
} from "./values";

export { Reference };
export type Value = Scalar | Reference;

/** What the evaluator needs from the workbook. */
export interface EvalHost {
  /** A cell's current value (computing it first when it holds a formula); null when empty. */
  cell(sheet: string, row: number, col: number): Scalar;
  /** The values of the non-empty cells in an area (aggregates skip empty cells, and areas can be whole columns). */
  filledCells(ref: Reference): Scalar[];
  /** The sheet's name as the workbook spells it, or null when there is no such sheet. */
  sheetName(name: string): string | null;
  /**
   * A defined name seen from `fromSheet`: its sheet-level definition there first, else the
   * workbook-level one; with `explicitSheet` ('Day 1'!FOCUS_7010) only that sheet's own.
   */
  definedName(
    name: string,
    fromSheet: string,
    explicitSheet: boolean
  ): { formula: Node; sheet: string } | null;
  /** A function outside the built-in subset, such as an add-in's FOCUS.LINE; undefined when there is none. */
  customFunction?(name: string): WorksheetFunction | undefined;
}

export type { Position } from "./call";

/** Thrown for a function outside the supported subset: the caller decides what such a cell shows. */
export class UnsupportedFunction extends Error {
  constructor(readonly functionName: string) {
    super(`the simulator does not compute ${functionName}()`);
    this.name = "UnsupportedFunction";
  }
}

const MAX_NAME_DEPTH = 32;

/** Evaluates parsed formulas against a host. Stateless apart from the name-nesting guard. */
export class Evaluator implements ArgumentEvaluator {
  private nameDepth = 0;

  constructor(private readonly host: EvalHost) {}

  /** The formula's result as a cell shows it: a reference reads its cell, an empty result is 0. */
  result(node: Node, at: Position): Scalar {
    const v = this.scalar(node, at);
    return v === null ? 0 : v;
  }

  evaluate(node: Node, at: Position): Value {
    switch (node.kind) {
      case "number":
      case "string":
      case "boolean":
        return node.value;
      case "error":
        return FormulaError.of(node.code);
      case "missing":
        return null;
      case "ref":
        return this.reference(node.sheet, node.from, node.to, at);
      case "name":
        return this.name(node.name, node.sheet, at);
      case "call": {
        const fn = FUNCTIONS.get(node.name) ?? this.host.customFunction?.(node.name);
        if (!fn) throw new UnsupportedFunction(node.name);
        return fn(node.args, { at, evaluator: this });
      }
      case "unary":
        return unary(node.op, this.scalar(node.operand, at));
      case "binary":
        return binary(node.op, this.scalar(node.left, at), this.scalar(node.right, at));
    }
  }

  /** A single value: a one-cell reference reads the cell; a larger one is #VALUE! (no implicit intersection). */
  scalar(node: Node, at: Position): Scalar {
    return this.deref(this.evaluate(node, at));
  }

  deref(v: Value): Scalar {
    if (!(v instanceof Reference)) return v;
    return v.isSingleCell ? this.host.cell(v.sheet, v.r1, v.c1) : VALUE;
  }

  filledCells(ref: Reference): Scalar[] {
    return this.host.filledCells(ref);
  }

  private reference(sheet: string | null, from: RefCorner, to: RefCorner, at: Position): Value {
    const name = this.host.sheetName(sheet ?? at.sheet);
    if (name === null) return REF;
    const move = (c: RefCorner) => ({
      row: c.rowAbs ? c.row : c.row + at.rowOffset,
      col: c.colAbs ? c.col : c.col + at.colOffset,
    });
    const a = move(from);
    const b = move(to);
    if (
      [a.row, b.row].some((r) => r < 1 || r > MAX_ROW) ||
      [a.col, b.col].some((c) => c < 1 || c > MAX_COL)
    )
      return REF;
    return new Reference(name, a.row, a.col, b.row, b.col);
  }

  private name(name: string, sheet: string | null, at: Position): Value {
    const from = sheet === null ? at.sheet : this.host.sheetName(sheet);
    if (from === null) return REF;
    const def = this.host.definedName(name, from, sheet !== null);
    if (!def) return NAME;
    if (this.nameDepth >= MAX_NAME_DEPTH) return REF;
    this.nameDepth++;
    try {
      return this.evaluate(def.formula, { sheet: def.sheet, rowOffset: 0, colOffset: 0 });
    } finally {
      this.nameDepth--;
    }
  }
}

function unary(op: "-" | "+" | "%", v: Scalar): Scalar {
  const n = toNumber(v);
  if (isError(n)) return n;
  if (op === "+") return n;
  if (op === "%") return n / 100;
  return n === 0 ? 0 : -n;
}

function binary(op: BinaryOp, a: Scalar, b: Scalar): Scalar {
  if (op === "&") {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    return isError(y) ? y : x + y;
  }
  if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") {
    if (isError(a)) return a;
    if (isError(b)) return b;
    const c = compare(a, b);
    return op === "="
      ? c === 0
      : op === "<>"
        ? c !== 0
        : op === "<"
          ? c < 0
          : op === ">"
            ? c > 0
            : op === "<="
              ? c <= 0
              : c >= 0;
  }
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return DIV0;
      r = x / y;
      break;
    case "^":
      if (x === 0 && y === 0) return NUM;
      r = Math.pow(x, y);
      break;
  }
  return Number.isFinite(r) ? r : NUM;
}
