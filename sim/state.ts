import { isError, type Scalar } from "./formula/values";
import { readInput } from "./api/cell-io";
import {
  quoteSheetName,
  areaA1,
  cellCount,
  indexToCol,
  intersects,
  keyCol,
  keyRow,
  parseArea,
  type Area,
} from "../src/grid";
import type { CalculationMode, SimBook, SimCell, SimSheet } from "./model/book";
import { highlightedCells } from "./model/calc";
import type { Batch, EventSource, RefusalCode, SimSession } from "./session";
import type { SimPlatform, UndoEvent } from "./undo";
import type { CalculationReport } from "./custom-functions/calculation";
import { previewValue } from "./custom-functions/preview";
import type { SimPane } from "./pane";
import { toXlsx } from "./xlsx";

export interface UserEdit {
  /** "Local": this user typed it; "Remote": a co-author did. */
  source?: EventSource;
}

export interface PaintedCell {
  address: string;
  fill: string | null;
  fontColor: string | null;
  conditionalFormatId: string;
}

/** Everything a workbook holds, as plain data: compare two of them to prove nothing else changed. */
export interface BookSnapshot {
  calculationMode: CalculationMode;
  names: Record<string, string>;
  sheets: {
    name: string;
    visibility: string;
    protected: boolean;
    cells: Record<string, Omit<SimCell, "value"> & { value: string | number | boolean | null }>;
    merges: string[];
    names: Record<string, string>;
    conditionalFormats: {
      address: string;
      formula: string;
      fill: string | null;
      fontColor: string | null;
    }[];
    notes: Record<string, string>;
    columnWidths: Record<string, number>;
  }[];
}

/**
 * The simulated Excel seen from outside the add-in: act as the user (or a co-author),
 * switch cell-edit mode, and inspect what the add-in did.
 */
export class SimState {
  constructor(private readonly session: SimSession) {}

  /** The workbook as it is now (read it; change it through the methods below or the API). */
  get book(): SimBook {
    return this.session.book;
  }

  /** What a failing batch leaves: nothing (the default), or, as Excel does, the operations before the failure. */
  get failedBatches(): "rolled-back" | "partly-applied" {
    return this.session.failedBatches;
  }

  set failedBatches(mode: "rolled-back" | "partly-applied") {
    this.session.failedBatches = mode;
  }

  /**
   * The largest request or response Excel accepts, in bytes: Excel on the web's 5 MB (session.ts).
   * Tests lower it to make one cell too large, or raise it to read as a host without the limit.
   */
  get payloadLimitBytes(): number {
    return this.session.payloadLimitBytes;
  }

  set payloadLimitBytes(bytes: number) {
    this.session.payloadLimitBytes = bytes;
  }

  /**
   * Excel refuses a request: the sync that carries operations `after` syncs from now (0: the
   * next one) fails with `code` and none of its operations runs (session.ts, RefusalCode, for
   * the codes and their source). Nothing is refused unless a test asks. Returns a cancel.
   */
  refuseSync(after: number, code: RefusalCode = "RequestAborted"): () => void {
    const refusal = { after, code };
    this.session.refusals.push(refusal);
    return () => {
      const i = this.session.refusals.indexOf(refusal);
      if (i >= 0) this.session.refusals.splice(i, 1);
    };
  }

  /** Errors thrown by the add-in's event handlers (Excel swallows them). */
  get handlerErrors(): readonly unknown[] {
    return this.session.handlerErrors;
  }

  /** Which Excel the simulator plays (web, windows, mac): the undo table differs by platform. */
  get platform(): SimPlatform {
    return this.session.undo.options.platform;
  }

  /** How many steps Ctrl+Z can undo now. */
  get undoDepth(): number {
    return this.session.undo.depth;
  }

  /** Every undo step added, clearing (with the call that caused it), UndoNotSupported refusal and undo. */
  get undoLog(): readonly UndoEvent[] {
    return this.session.undo.log;
  }

  /** Set once Undo crashed Excel (office-js#6001, modelled in sim/undo.ts). */
  get crashed(): string | null {
    return this.session.undo.crashed;
  }

  /**
   * Ctrl+Z: put the workbook back as it was before this user's last step (a typed cell, or
   * one of the add-in's undoable batches or merged groups). Returns false when there is
   * nothing to undo; throws when the step is one that crashes Excel (office-js#6001).
   */
  async undo(): Promise<boolean> {
    const undone = this.session.undoLast();
    await this.session.idle();
    return undone;
  }

  /** The user is typing in a cell: batches fail with InvalidOperationInCellEditMode, or wait with delayForCellEdit. */
  enterCellEdit(): void {
    this.session.cellEditMode = true;
  }

  /** Enter or Esc: batches waiting for the edit to end now run. */
  exitCellEdit(): void {
    this.session.cellEditMode = false;
  }

  /** Type a value into a cell (text is read as Excel reads typed input). Resolves after the add-in's handlers ran. */
  setValue(
    sheet: string,
    address: string,
    value: number | string | boolean | null,
    edit: UserEdit = {}
  ): Promise<void> {
    return this.edit(sheet, address, edit, (s, row, col) => {
      const input = readInput(value ?? "");
      if (input === "unchanged" || input.formula !== undefined)
        throw new Error(`use setFormula for ${String(value)}`);
      s.updateCell(row, col, { value: input.value, formula: undefined });
    });
  }

  /** Enter a formula ("=A1*2" or "A1*2"). */
  setFormula(sheet: string, address: string, formula: string, edit: UserEdit = {}): Promise<void> {
    return this.edit(sheet, address, edit, (s, row, col) =>
      s.updateCell(row, col, { value: null, formula: formula.replace(/^=/, "") })
    );
  }

  /** Review › Protect Workbook (structure): sheets can no longer be added. */
  protectStructure(on = true): void {
    this.session.book.structureProtected = on;
    this.session.changed();
  }

  protect(sheet: string): void {
    this.sheet(sheet).isProtected = true;
    this.session.changed();
  }

  unprotect(sheet: string): void {
    this.sheet(sheet).isProtected = false;
    this.session.changed();
  }

  /** Lock or unlock cells (takes effect when the sheet is protected). */
  setLocked(sheet: string, address: string, locked: boolean): void {
    const s = this.sheet(sheet);
    const a = this.area(address);
    for (let r = a.r1; r <= a.r2; r++)
      for (let c = a.c1; c <= a.c2; c++) s.updateCell(r, c, { locked });
    this.session.changed();
  }

  /** Merge cells as Excel does: the top-left value stays, the others are cleared. */
  merge(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    const a = this.area(address);
    if (cellCount(a) < 2) throw new Error(`${address} is a single cell`);
    if (s.merges.some((m) => intersects(m, a)))
      throw new Error(`${address} overlaps a merged area`);
    for (let r = a.r1; r <= a.r2; r++) {
      for (let c = a.c1; c <= a.c2; c++)
        if (r !== a.r1 || c !== a.c1) s.updateCell(r, c, { value: null, formula: undefined });
    }
    s.merges.push(a);
    this.session.changed();
  }

  /** Click a cell: a merged cell selects its whole area. */
  select(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    const a = this.area(address);
    const merged = s.merges.find((m) => intersects(m, a));
    this.book.activeSheetId = s.id;
    this.book.activeChartSheet = null;
    this.book.selection = { sheetId: s.id, area: merged && cellCount(a) === 1 ? merged : a };
    this.session.changed();
  }

  /**
   * Insert › Chart › Move Chart › New sheet: a chart sheet, which the add-in's API does not see
   * (model/book.ts, chartSheets) but whose name no worksheet may take.
   */
  addChartSheet(name: string): void {
    if (this.book.nameTaken(name)) throw new Error(`a sheet named ${name} exists`);
    this.book.chartSheets.push(name);
    this.session.changed();
  }

  /** Click a chart sheet's tab: no cell is selected until the user goes back to a worksheet. */
  activateChartSheet(name: string): void {
    const chart = this.book.chartSheets.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!chart) throw new Error(`no chart sheet named ${name}`);
    this.book.activeChartSheet = chart;
    this.session.changed();
  }

  /**
   * Move or Copy… › Create a copy: cells, merges, formats, notes and the sheet's own names go
   * with the copy, each sheet-level name re-pointed at the copy ("the local name is copied to
   * the new sheet", Microsoft KB Q108001, "Copying a Sheet with Identical Local and Global
   * Names"). Not modelled: workbook-level names into the sheet, which a third-party write-up
   * (excelcodex.com, "Defined Names – Choosing the Scope") says Excel clones as sheet-level names.
   */
  copySheet(from: string, to: string): void {
    const source = this.sheet(from);
    if (this.book.nameTaken(to)) throw new Error(`a sheet named ${to} exists`);
    const sheet = source.clone(this.book.newId("sheet"), to);
    const quoted = `'${source.name.replace(/'/g, "''")}'`;
    const into = (f: string) =>
      [quoted, source.name].find((q) => f.toLowerCase().startsWith(`=${q.toLowerCase()}!`));
    for (const [key, n] of sheet.names) {
      const prefix = into(n.formula);
      if (prefix)
        sheet.names.set(key, {
          ...n,
          formula: `=${quoteSheetName(to)}${n.formula.slice(prefix.length + 1)}`,
        });
    }
    this.book.sheets.splice(this.book.sheets.indexOf(source) + 1, 0, sheet); // placed after the original
    this.book.dirty = true;
    this.session.changed();
  }

  /** Formulas › Name Manager › Delete: the name at its level (null: workbook level) is gone. */
  deleteName(name: string, sheet: string | null): void {
    const names = sheet === null ? this.book.names : this.sheet(sheet).names;
    if (!names.delete(name.toUpperCase())) throw new Error(`no name ${name}`);
    this.book.dirty = true;
    this.session.changed();
  }

  /** How many event handlers the add-in has registered now (it should remove what it added). */
  get eventHandlerCount(): number {
    return this.session.handlerCount;
  }

  /** Switch calculation mode; back to automatic recalculates, as Excel does. */
  setCalculationMode(mode: CalculationMode): Promise<void> {
    return this.session.actAsUser("Local", (batch) => {
      batch.book.calculationMode = mode;
      batch.book.dirty = true;
    });
  }

  /** Calculations in progress, syncs requested during them or during a value preview, hangs. */
  get calculation(): CalculationReport {
    return this.session.calculation;
  }

  /** The add-in's task pane: closed until shown (pane.ts). */
  get pane(): SimPane {
    return this.session.pane;
  }

  /**
   * Formula value preview: the user, editing `address`, selects `formula` (or a part of it) and Excel
   * shows its value, calling custom functions with invocation.isInValuePreview. Cell-edit mode is on
   * meanwhile; nothing is written. Resolves to the value shown (#BUSY! when a function never answers).
   */
  async previewValue(
    sheet: string,
    address: string,
    formula: string
  ): Promise<number | string | boolean | null> {
    const s = this.sheet(sheet);
    const a = this.area(address);
    const functions = this.session.customFunctions;
    if (!functions) throw new Error("no custom functions were given to the simulator");
    const calculation = this.session.calculation;
    const editing = this.session.cellEditMode;
    this.session.cellEditMode = true;
    try {
      const value = await calculation.preview(() =>
        previewValue(
          functions,
          this.book,
          formula.replace(/^=/, ""),
          { sheetId: s.id, sheetName: s.name, row: a.r1, col: a.c1 },
          (work) => calculation.unlessStuck(work, { preview: true })
        )
      );
      return plain(value);
    } finally {
      this.session.cellEditMode = editing;
    }
  }

  /** F9: recalculate everything, whatever the mode (streaming functions are cancelled and called afresh). */
  calculate(): Promise<void> {
    this.session.customFunctions?.restartStreams();
    return this.session.actAsUser("Local", (batch) => {
      const mode = batch.book.calculationMode;
      batch.book.calculationMode = "Automatic";
      batch.book.dirty = true;
      batch.calculate();
      batch.book.calculationMode = mode;
    });
  }

  /** A cell's value: a number, text, a boolean, an error code such as "#REF!", or null when empty. */
  value(sheet: string, address: string): number | string | boolean | null {
    const a = this.area(address);
    return plain(this.sheet(sheet).cell(a.r1, a.c1).value);
  }

  /** A cell's formula with "=", or null. */
  formula(sheet: string, address: string): string | null {
    const a = this.area(address);
    const f = this.sheet(sheet).cell(a.r1, a.c1).formula;
    return f === undefined ? null : `=${f}`;
  }

  /** The cells the sheet's conditional formats paint now, each with its winning rule (what the preview shows). */
  highlighted(sheet: string): PaintedCell[] {
    return highlightedCells(this.book, this.sheet(sheet)).map((h) => ({
      address: `${indexToCol(h.col)}${h.row}`,
      fill: h.fill,
      fontColor: h.fontColor,
      conditionalFormatId: h.conditionalFormatId,
    }));
  }

  snapshot(): BookSnapshot {
    const book = this.book;
    const names = (m: SimSheet["names"]) =>
      Object.fromEntries([...m.values()].map((n) => [n.name, n.formula]));
    return {
      calculationMode: book.calculationMode,
      names: names(book.names),
      sheets: book.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.isProtected,
        cells: Object.fromEntries(
          [...s.cells].map(([key, c]) => [
            `${indexToCol(keyCol(key))}${keyRow(key)}`,
            { ...c, value: plain(c.value) },
          ])
        ),
        merges: s.merges.map((m) => areaA1(m)),
        names: names(s.names),
        conditionalFormats: s.conditionalFormats.map((cf) => ({
          address: areaA1(cf.area),
          formula: cf.formula,
          fill: cf.fill,
          fontColor: cf.fontColor,
        })),
        notes: Object.fromEntries(s.notes.map((n) => [`${indexToCol(n.col)}${n.row}`, n.content])),
        columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [indexToCol(c), w])),
      })),
    };
  }

  /**
   * Resolves when every event handler called so far (and the batches it ran) has finished,
   * and every custom function called so far has answered and its result is in its cell.
   */
  idle(): Promise<void> {
    return this.session.idle();
  }

  /**
   * Call `listener` after every change to the workbook, its selection or its formula results,
   * whoever made it: the add-in's batches, the user, a custom function's answer. Returns an unsubscribe.
   */
  subscribe(listener: () => void): () => void {
    return this.session.subscribe(listener);
  }

  /** The workbook as .xlsx bytes (conditional formats are not kept: the writer does not support them). */
  toXlsx(): Uint8Array {
    return toXlsx(this.book);
  }

  private edit(
    sheet: string,
    address: string,
    edit: UserEdit,
    change: (s: SimSheet, row: number, col: number) => void
  ): Promise<void> {
    const source = edit.source ?? "Local";
    return this.session.actAsUser(source, (batch: Batch) => {
      const s = batch.book.sheetByName(sheet) ?? missing(sheet);
      const a = this.area(address);
      if (s.isProtected && s.cell(a.r1, a.c1).locked)
        throw new Error(`'${sheet}'!${address} is locked on a protected sheet`);
      // A typed cell is one step of this user's stack; a co-author's edit is on theirs.
      const before = source === "Local" ? batch.book.clone() : null;
      change(s, a.r1, a.c1);
      if (before) this.session.undo.userStep(`typed '${sheet}'!${address}`, before);
      batch.edited(s, { r1: a.r1, c1: a.c1, r2: a.r1, c2: a.c1 });
    });
  }

  private sheet(name: string): SimSheet {
    return this.book.sheetByName(name) ?? missing(name);
  }

  private area(address: string): Area {
    return (
      parseArea(address) ??
      (() => {
        throw new Error(`not an address: ${address}`);
      })()
    );
  }
}

const missing = (sheet: string): never => {
  throw new Error(`no sheet named ${sheet}`);
};

const plain = (v: Scalar): number | string | boolean | null => (isError(v) ? v.code : v);
