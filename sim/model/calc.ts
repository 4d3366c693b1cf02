import type { Caller, CustomFunctionResolver } from "../custom-functions/calls";
import {
  Evaluator,
  UnsupportedFunction,
  type EvalHost,
  type Position,
  type Value,
} from "../formula/evaluate";
import type { WorksheetFunction } from "../formula/functions";
import { FormulaSyntaxError } from "../formula/lexer";
import { parseFormula, type Node } from "../formula/parser";
import { NAME, type Scalar } from "../formula/values";
import type { Reference } from "../formula/reference";
import { cellCount, cellKey, contains, keyCol, keyRow, type Area } from "../../src/grid";
import type { SimBook, SimSheet } from "./book";

const parsed = new Map<string, Node | null>();

/** A formula's syntax tree (text without "="), or null when it is outside the supported grammar. Cached by text. */
export function parsedFormula(text: string): Node | null {
  let node = parsed.get(text);
  if (node === undefined) {
    try {
      node = parseFormula(text);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      node = null;
    }
    parsed.set(text, node);
  }
  return node;
}

/**
 * Formula evaluation over a workbook. With `fresh`, every formula cell is computed
 * (memoised, a circular reference reads 0 as in Excel); otherwise cells read their stored results.
 */
class Calculation implements EvalHost {
  private readonly evaluator = new Evaluator(this);
  private readonly memo = new Map<string, Scalar>();
  private readonly active = new Set<string>();
  private readonly byName: Map<string, SimSheet>;
  /** The cells being computed, innermost last: a custom function needs its calling cell. */
  private readonly callers: Caller[] = [];

  constructor(
    private readonly book: SimBook,
    private readonly fresh: boolean,
    private readonly customFunctions?: CustomFunctionResolver,
    /** Formula value preview: the cell being edited, from which custom functions are called. */
    private readonly previewCaller?: Caller
  ) {
    this.byName = new Map(book.sheets.map((s) => [s.name.toLowerCase(), s]));
  }

  cell(sheetName: string, row: number, col: number): Scalar {
    const sheet = this.byName.get(sheetName.toLowerCase());
    if (!sheet) return null;
    const cell = sheet.cell(row, col);
    return this.fresh && cell.formula !== undefined ? this.compute(sheet, row, col) : cell.value;
  }

  filledCells(ref: Reference): Scalar[] {
    const sheet = this.byName.get(ref.sheet.toLowerCase());
    if (!sheet) return [];
    const out: Scalar[] = [];
    const visit = (row: number, col: number) => {
      const v = this.cell(sheet.name, row, col);
      if (v !== null) out.push(v);
    };
    const area = { r1: ref.r1, c1: ref.c1, r2: ref.r2, c2: ref.c2 };
    if (cellCount(area) <= sheet.cells.size) {
      for (let row = area.r1; row <= area.r2; row++)
        for (let col = area.c1; col <= area.c2; col++) visit(row, col);
    } else {
      // A whole column or a large area: walk the stored cells instead, in row order.
      const keys = [...sheet.cells.keys()]
        .filter((k) => contains(area, keyRow(k), keyCol(k)))
        .sort((a, b) => a - b);
      for (const k of keys) visit(keyRow(k), keyCol(k));
    }
    return out;
  }

  sheetName(name: string): string | null {
    return this.byName.get(name.toLowerCase())?.name ?? null;
  }

  definedName(
    name: string,
    fromSheet: string,
    explicitSheet: boolean
  ): { formula: Node; sheet: string } | null {
    const key = name.toUpperCase();
    const sheet = this.byName.get(fromSheet.toLowerCase());
    const own = sheet?.names.get(key);
    const def = own ?? (explicitSheet ? undefined : this.book.names.get(key));
    if (!def || !sheet) return null;
    const formula = parsedFormula(def.formula.replace(/^=/, "")) ?? {
      kind: "error",
      code: "#NAME?",
    };
    return { formula, sheet: sheet.name };
  }

  compute(sheet: SimSheet, row: number, col: number): Scalar {
    const id = `${sheet.id}:${cellKey(row, col)}`;
    const known = this.memo.get(id);
    if (known !== undefined) return known;
    if (this.active.has(id)) return 0;
    this.active.add(id);
    this.callers.push({ sheetId: sheet.id, sheetName: sheet.name, row, col });
    try {
      const cell = sheet.cell(row, col);
      const value = this.evaluate(
        cell.formula ?? "",
        { sheet: sheet.name, rowOffset: 0, colOffset: 0 },
        cell.value
      );
      this.memo.set(id, value);
      return value;
    } finally {
      this.active.delete(id);
      this.callers.pop();
    }
  }

  /** Only a cell's formula, computed afresh, calls a custom function (not a name or a conditional format). */
  customFunction(name: string): WorksheetFunction | undefined {
    if (this.previewCaller) return this.customFunctions?.(name, this.previewCaller);
    const caller = this.callers[this.callers.length - 1];
    return this.fresh && caller ? this.customFunctions?.(name, caller) : undefined;
  }

  /**
   * A formula's result. One the simulator cannot compute (a function outside its subset,
   * syntax outside its grammar) keeps `stored`, the result Excel saved; without one it shows #NAME?.
   */
  evaluate(formula: string, at: Position, stored: Scalar): Scalar {
    const node = parsedFormula(formula);
    if (!node) return stored ?? NAME;
    try {
      return this.evaluator.result(node, at);
    } catch (e) {
      if (e instanceof UnsupportedFunction) return stored ?? NAME;
      throw e;
    }
  }
}

/**
 * Recompute every formula, calling custom functions through `customFunctions` when given.
 * Returns, by sheet id, the area spanning the results that changed.
 */
export function recalculate(
  book: SimBook,
  customFunctions?: CustomFunctionResolver
): Map<string, Area> {
  const calc = new Calculation(book, true, customFunctions);
  const changed = new Map<string, Area>();
  for (const sheet of book.sheets) {
    for (const [key, cell] of [...sheet.cells]) {
      if (cell.formula === undefined) continue;
      const row = keyRow(key);
      const col = keyCol(key);
      const value = calc.compute(sheet, row, col);
      if (value === cell.value) continue;
      sheet.updateCell(row, col, { value });
      const a = changed.get(sheet.id);
      changed.set(sheet.id, a ? span(a, row, col) : { r1: row, c1: col, r2: row, c2: col });
    }
  }
  book.dirty = false;
  return changed;
}

const span = (a: Area, row: number, col: number): Area => ({
  r1: Math.min(a.r1, row),
  c1: Math.min(a.c1, col),
  r2: Math.max(a.r2, row),
  c2: Math.max(a.c2, col),
});

/** One formula over the stored results, as Excel computes a formula entered in manual mode. */
export function evaluateOnce(book: SimBook, formula: string, at: Position): Scalar {
  return new Calculation(book, false).evaluate(formula, at, null);
}

/**
 * A formula as Excel's formula value preview computes it while the user edits `caller`'s cell:
 * over the stored results, calling custom functions through `customFunctions`, writing nothing.
 */
export function evaluatePreview(
  book: SimBook,
  formula: string,
  caller: Caller,
  customFunctions: CustomFunctionResolver
): Scalar {
  return new Calculation(book, false, customFunctions, caller).evaluate(
    formula,
    { sheet: caller.sheetName, rowOffset: 0, colOffset: 0 },
    null
  );
}

export interface HighlightedCell {
  row: number;
  col: number;
  conditionalFormatId: string;
  fill: string | null;
  fontColor: string | null;
}

/** Rules over more cells than this are judged only where the sheet has content. */
const MAX_RULE_CELLS = 10000;

/**
 * The cells a sheet's conditional formats paint now, each with its highest-priority
 * matching rule. A rule holds when its formula, moved to the cell, is TRUE or a
 * non-zero number (text and errors do not).
 */
export function highlightedCells(book: SimBook, sheet: SimSheet): HighlightedCell[] {
  const calc = new Calculation(book, false);
  const painted = new Map<number, HighlightedCell>();
  for (const cf of sheet.conditionalFormats) {
    const area = cellCount(cf.area) > MAX_RULE_CELLS ? clip(cf.area, usedArea(sheet)) : cf.area;
    if (!area) continue;
    const formula = cf.formula.replace(/^=/, "");
    for (let row = area.r1; row <= area.r2; row++) {
      for (let col = area.c1; col <= area.c2; col++) {
        const key = cellKey(row, col);
        if (painted.has(key)) continue;
        const v = calc.evaluate(
          formula,
          { sheet: sheet.name, rowOffset: row - cf.area.r1, colOffset: col - cf.area.c1 },
          null
        );
        if (v === true || (typeof v === "number" && v !== 0)) {
          painted.set(key, {
            row,
            col,
            conditionalFormatId: cf.id,
            fill: cf.fill,
            fontColor: cf.fontColor,
          });
        }
      }
    }
  }
  return [...painted.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The smallest area holding every stored cell (of `within`, when given), or null when there is none. */
export function usedArea(sheet: SimSheet, valuesOnly = false, within?: Area): Area | null {
  let area: Area | null = null;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
    const row = keyRow(key);
    const col = keyCol(key);
    if (within && !(row >= within.r1 && row <= within.r2 && col >= within.c1 && col <= within.c2))
      continue;
    area = area ? span(area, row, col) : { r1: row, c1: col, r2: row, c2: col };
  }
  return area;
}

function clip(a: Area, b: Area | null): Area | null {
  if (!b) return null;
  const r = {
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
    r2: Math.min(a.r2, b.r2),
    c2: Math.min(a.c2, b.c2),
  };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

/** What a defined name's formula evaluates to, seen from `sheetName`: a reference stays a reference. */
export function evaluateName(book: SimBook, formula: string, sheetName: string): Value {
  const node = parsedFormula(formula.replace(/^=/, ""));
  if (!node) return NAME;
  try {
    return new Evaluator(new Calculation(book, false)).evaluate(node, {
      sheet: sheetName,
      rowOffset: 0,
      colOffset: 0,
    });
  } catch (e) {
    if (e instanceof UnsupportedFunction) return NAME;
    throw e;
  }
}

/** Compute the formulas that have no result yet (a file saved without cached values), keeping the others' saved results. */
export function computeMissingResults(book: SimBook): void {
  const calc = new Calculation(book, true);
  for (const sheet of book.sheets) {
    for (const [key, cell] of [...sheet.cells]) {
      if (cell.formula !== undefined && cell.value === null)
        sheet.updateCell(keyRow(key), keyCol(key), {
          value: calc.compute(sheet, keyRow(key), keyCol(key)),
        });
    }
  }
}
