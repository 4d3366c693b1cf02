import Decimal from "decimal.js";
import type { Node } from "./parser";
import type { CallContext, WorksheetFunction } from "./call";
import { Reference } from "./reference";
import { isError, toBoolean, toNumber, VALUE, type FormulaError } from "./values";

export type { CallContext, WorksheetFunction } from "./call";

/** ROUND works on the decimal representation Excel shows (15 significant digits), half away from zero. */
const ExcelDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const arity = (args: Node[], min: number, max: number) => args.length >= min && args.length <= max;

function number(node: Node, ctx: CallContext): number | FormulaError {
  return toNumber(ctx.evaluator.scalar(node, ctx.at));
}

/**
 * The values an aggregate sees. Typed arguments count when they can be numbers (TRUE, "3");
 * inside a reference only numbers count (text, logicals and empty cells are skipped).
 * The first error met is returned instead.
 */
function numbersOf(args: Node[], ctx: CallContext): number[] | FormulaError {
  const out: number[] = [];
  for (const arg of args) {
    const v = ctx.evaluator.evaluate(arg, ctx.at);
    if (v instanceof Reference) {
      for (const cell of ctx.evaluator.filledCells(v)) {
        if (isError(cell)) return cell;
        if (typeof cell === "number") out.push(cell);
      }
    } else {
      const n = toNumber(v);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

/** The logical values AND/OR see: as numbersOf, but text in a reference is skipped and typed text is #VALUE!. */
function logicalsOf(args: Node[], ctx: CallContext): boolean[] | FormulaError {
  const out: boolean[] = [];
  for (const arg of args) {
    const v = ctx.evaluator.evaluate(arg, ctx.at);
    if (v instanceof Reference) {
      for (const cell of ctx.evaluator.filledCells(v)) {
        if (isError(cell)) return cell;
        if (typeof cell === "number" || typeof cell === "boolean")
          out.push(cell === true || (typeof cell === "number" && cell !== 0));
      }
    } else {
      const b = toBoolean(v);
      if (isError(b)) return b;
      out.push(b);
    }
  }
  return out;
}

function round(value: number, digits: number): number {
  const places = Math.trunc(digits);
  const d = new ExcelDecimal(value.toPrecision(15));
  const step = new ExcelDecimal(10).pow(-places);
  const r = d.toNearest(step, ExcelDecimal.ROUND_HALF_UP).toNumber();
  return r === 0 ? 0 : r;
}

const ABS: WorksheetFunction = (args, ctx) => {
  if (!arity(args, 1, 1)) return VALUE;
  const n = number(args[0], ctx);
  return isError(n) ? n : Math.abs(n);
};

const ROUND: WorksheetFunction = (args, ctx) => {
  if (!arity(args, 2, 2)) return VALUE;
  const n = number(args[0], ctx);
  if (isError(n)) return n;
  const d = number(args[1], ctx);
  return isError(d) ? d : round(n, d);
};

const SUM: WorksheetFunction = (args, ctx) => {
  const ns = numbersOf(args, ctx);
  return isError(ns) ? ns : ns.reduce((s, n) => s + n, 0);
};

const extreme =
  (pick: (a: number, b: number) => number): WorksheetFunction =>
  (args, ctx) => {
    if (args.length === 0) return VALUE;
    const ns = numbersOf(args, ctx);
    if (isError(ns)) return ns;
    return ns.length ? ns.reduce((a, b) => pick(a, b)) : 0;
  };

const logical =
  (all: boolean): WorksheetFunction =>
  (args, ctx) => {
    if (args.length === 0) return VALUE;
    const bs = logicalsOf(args, ctx);
    if (isError(bs)) return bs;
    if (bs.length === 0) return VALUE;
    return all ? bs.every(Boolean) : bs.some(Boolean);
  };

const NOT: WorksheetFunction = (args, ctx) => {
  if (!arity(args, 1, 1)) return VALUE;
  const b = toBoolean(ctx.evaluator.scalar(args[0], ctx.at));
  return isError(b) ? b : !b;
};

const IF: WorksheetFunction = (args, ctx) => {
  if (!arity(args, 2, 3)) return VALUE;
  const cond = toBoolean(ctx.evaluator.scalar(args[0], ctx.at));
  if (isError(cond)) return cond;
  const branch = cond ? args[1] : args[2];
  if (!branch) return false;
  const v = ctx.evaluator.evaluate(branch, ctx.at);
  return v === null ? 0 : v;
};

/** N(): numbers stay, TRUE is 1, text and empty are 0. The add-in tags its marks with N("…"). */
const N: WorksheetFunction = (args, ctx) => {
  if (!arity(args, 1, 1)) return VALUE;
  const v = ctx.evaluator.evaluate(args[0], ctx.at);
  const cell = ctx.evaluator.deref(v instanceof Reference ? v.topLeft : v);
  if (typeof cell === "number" || isError(cell)) return cell;
  return cell === true ? 1 : 0;
};

export const FUNCTIONS: ReadonlyMap<string, WorksheetFunction> = new Map([
  ["ABS", ABS],
  ["ROUND", ROUND],
  ["SUM", SUM],
  ["MAX", extreme(Math.max)],
  ["MIN", extreme(Math.min)],
  ["AND", logical(true)],
  ["OR", logical(false)],
  ["NOT", NOT],
  ["IF", IF],
  ["N", N],
]);
