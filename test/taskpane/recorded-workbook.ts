/// <reference types="office-js" />
import {
  createExcelSim,
  type CellModel,
  type ExcelSim,
  type SheetModel,
  type WorkbookModel,
} from "../../sim";
import type { CellContent, CellValue } from "../../src/engine";
import { createOfficeWorkbook } from "../../src/workbook/office/office-workbook";
import type { AddinApi } from "../../src/workbook/office/startup";
import type {
  AutoOpenState,
  CellWrite,
  GridCell,
  Highlight,
  NameInfo,
  NameSpec,
  RangeRead,
  RangeRef,
  SheetGrid,
  SheetSpec,
  Workbook,
  WorkbookStructure,
  WriteProblem,
} from "../../src/workbook/port";

/** A cell as a test lays it out: a plain value, or a formula with its cached result. */
export type LaidOutCell =
  number | string | boolean | null | { formula: string; cached?: number | string | null };

/** Every port call that changes the workbook, in order: what the pane's tests assert on. */
export type WriteCall =
  | { op: "updateNames"; add: NameSpec[]; remove: { name: string; sheet: string | null }[] }
  | { op: "writeCells"; writes: CellWrite[] }
  | { op: "setHighlights"; marks: Highlight[] }
  | { op: "clearHighlights" }
  | { op: "addSheet"; spec: SheetSpec }
  | { op: "setAutoOpen"; on: boolean }
  | { op: "writeRecordSheet"; name: string; writes: CellWrite[] };

const ERROR = /^#[A-Z/0!?]+[!?A]?$/;

function cellModel(ref: string, c: LaidOutCell): CellModel {
  if (c !== null && typeof c === "object") {
    const cached = c.cached ?? undefined;
    const formula = c.formula.replace(/^=/, "");
    return typeof cached === "string" && ERROR.test(cached)
      ? { ref, formula, error: cached }
      : { ref, formula, value: cached };
  }
  return typeof c === "string" && ERROR.test(c) ? { ref, error: c } : { ref, value: c };
}

function cellValue(v: number | string | boolean | null): CellValue {
  if (v === null || v === "") return { type: "blank" };
  if (typeof v === "number") return { type: "number", value: v };
  if (typeof v === "boolean") return { type: "boolean", value: v };
  if (ERROR.test(v)) return { type: "error", error: v };
  return { type: "text", text: v };
}

/**
 * The pane's workbook in tests: the Office adapter over the simulator (so every read, write and
 * name follows what Excel does), with the port's calls recorded for the tests to assert on.
 * The workbook is laid out first (addWorksheet, define, merge, protect); the simulator starts at
 * the first port call. What the user does in Excel (selectRange, addChartSheet, copySheet,
 * deleteName, setCalculation, change) goes through the simulator's state, in order.
 */
export class RecordedWorkbook implements Workbook {
  readonly writes: WriteCall[] = [];
  readonly selections: RangeRef[] = [];
  structureReads = 0;
  /** The marks of the last setHighlights, until clearHighlights (the simulator paints them as conditional formats). */
  highlights: Highlight[] = [];
  private readonly model: WorkbookModel = { sheets: [], names: [] };
  private firstSheet: string | null = null;
  /** What the user did in Excel before the first port call, played in order when the simulator starts. */
  private readonly beforeStart: ((sim: ExcelSim) => void)[] = [];
  private started: { sim: ExcelSim; port: Workbook } | null = null;
  /** What the test did in Excel as the user after the start, done before the next port call. */
  private userEdits: Promise<unknown> = Promise.resolve();
  /** How many cells change() has typed. */
  private edits = 0;

  addWorksheet(name: string, cells: Record<string, LaidOutCell> = {}): this {
    this.layingOut("addWorksheet");
    const sheet: SheetModel = {
      name,
      cells: Object.entries(cells).map(([ref, c]) => cellModel(ref.toUpperCase(), c)),
    };
    this.model.sheets.push(sheet);
    this.firstSheet ??= name;
    return this;
  }

  /** A chart sheet: Excel's API does not list it, and no cell is selected while it is active (sim/state.ts). */
  addChartSheet(name: string): this {
    return this.asUser((sim) => sim.state.addChartSheet(name));
  }

  /** The user's Move or Copy… › Create a copy (the sheet's own names go with it). */
  copySheet(from: string, to: string): this {
    return this.asUser((sim) => sim.state.copySheet(from, to));
  }

  /** The user deletes a name in the Name Manager (sheet null: the workbook-level one). */
  deleteName(name: string, sheet: string | null): this {
    return this.asUser((sim) => sim.state.deleteName(name, sheet));
  }

  /** Formulas › Calculation Options; after the start, done before the next port call. */
  setCalculation(mode: "automatic" | "manual"): this {
    if (!this.started) {
      this.model.calcMode = mode === "manual" ? "manual" : "auto";
      return this;
    }
    const { sim } = this.started;
    this.userEdits = this.userEdits.then(() =>
      sim.state.setCalculationMode(mode === "manual" ? "Manual" : "Automatic")
    );
    return this;
  }

  /**
   * The user types in a cell (by default a note in Z1 of the first sheet, read by nothing the
   * pane checks): Excel raises onChanged, and onCalculated after it.
   */
  change(sheet = this.firstSheet!, address = "Z1"): Promise<void> {
    return this.sim.state.setValue(sheet, address, `edit ${++this.edits}`);
  }

  /** How many event handlers the add-in has registered in Excel now. */
  get eventHandlers(): number {
    return this.sim.state.eventHandlerCount;
  }

  /** Before the first port call, part of the layout; after it, the user adding the name in Excel. */
  define(name: string, refersTo: string, sheet: string | null = null): this {
    if (this.started) {
      const { sim } = this.started;
      this.userEdits = this.userEdits.then(() =>
        sim.Excel.run(async (context) => {
          const names =
            sheet === null
              ? context.workbook.names
              : context.workbook.worksheets.getItem(sheet).names;
          names.add(name, `=${refersTo}`);
          await context.sync();
        })
      );
      return this;
    }
    this.model.names!.push({ name, refersTo, ...(sheet === null ? {} : { localSheet: sheet }) });
    return this;
  }

  merge(sheet: string, area: string): this {
    this.layingOut("merge");
    const s = this.sheetModel(sheet);
    s.merges = [...(s.merges ?? []), area.toUpperCase()];
    return this;
  }

  protect(sheet: string): this {
    if (this.started) this.started.sim.state.protect(sheet);
    else this.sheetModel(sheet).protected = true;
    return this;
  }

  /** Click a cell, or a chart sheet's tab. */
  selectRange(sheet: string, address: string): this {
    return this.asUser((sim) => {
      const lower = sheet.toLowerCase();
      if (sim.state.book.chartSheets.some((c) => c.toLowerCase() === lower))
        sim.state.activateChartSheet(sheet);
      else sim.state.select(sheet, address);
    });
  }

  /** The simulator behind the port (started on first use). */
  get sim(): ExcelSim {
    return this.start().sim;
  }

  /** The workbook's defined names as Excel has them now. */
  async names(): Promise<NameInfo[]> {
    return (await (await this.port()).structure()).names;
  }

  /** A cell's content as Excel has it now (its computed value and formula). */
  cell(sheet: string, address: string): CellContent | undefined {
    const { state } = this.start().sim;
    const formula = state.formula(sheet, address);
    const value = cellValue(state.value(sheet, address));
    return formula === null ? { value } : { value, formula: formula.replace(/^=/, "") };
  }

  /** Whether the document opens the pane with it (Office.addin's startup behaviour is Load). */
  async autoOpenSaved(): Promise<boolean> {
    return (await (await this.port()).autoOpen()).on;
  }

  // --- the port, recorded ---------------------------------------------------

  async structure(): Promise<WorkbookStructure> {
    this.structureReads++;
    return (await this.port()).structure();
  }

  async readRanges(refs: RangeRef[]): Promise<Map<string, RangeRead>> {
    return (await this.port()).readRanges(refs);
  }

  async readGrid(sheet: string): Promise<GridCell[]> {
    return (await this.port()).readGrid(sheet);
  }

  async readGrids(sheets: string[]): Promise<SheetGrid[]> {
    return (await this.port()).readGrids!(sheets);
  }

  async checkWrites(refs: RangeRef[]): Promise<WriteProblem[]> {
    return (await this.port()).checkWrites(refs);
  }

  async writeCells(writes: CellWrite[]): Promise<void> {
    await (await this.port()).writeCells(writes); // a blocked write throws and is not recorded
    this.writes.push({ op: "writeCells", writes });
  }

  async updateNames(
    add: NameSpec[],
    remove: { name: string; sheet: string | null }[]
  ): Promise<void> {
    this.writes.push({ op: "updateNames", add, remove });
    return (await this.port()).updateNames(add, remove);
  }

  async setHighlights(marks: Highlight[]): Promise<void> {
    this.writes.push({ op: "setHighlights", marks });
    await (await this.port()).setHighlights(marks);
    this.highlights = [...marks];
  }

  async clearHighlights(): Promise<number> {
    this.writes.push({ op: "clearHighlights" });
    const n = await (await this.port()).clearHighlights();
    this.highlights = [];
    return n;
  }

  async addSheet(spec: SheetSpec): Promise<string> {
    this.writes.push({ op: "addSheet", spec });
    return (await this.port()).addSheet(spec);
  }

  async writeRecordSheet(
    name: string,
    writes: CellWrite[],
    guard?: Parameters<Workbook["writeRecordSheet"]>[2]
  ): Promise<void> {
    this.writes.push({ op: "writeRecordSheet", name, writes });
    return (await this.port()).writeRecordSheet(name, writes, guard);
  }

  async selection(): Promise<RangeRef | null> {
    return (await this.port()).selection();
  }

  async select(ref: RangeRef): Promise<void> {
    this.selections.push(ref);
    return (await this.port()).select(ref);
  }

  async onChange(listener: () => void): Promise<() => Promise<void>> {
    return (await this.port()).onChange(listener);
  }

  async autoOpen(): Promise<AutoOpenState> {
    return (await this.port()).autoOpen();
  }

  async setAutoOpen(on: boolean): Promise<void> {
    this.writes.push({ op: "setAutoOpen", on });
    return (await this.port()).setAutoOpen(on);
  }

  async documentBytes(): Promise<Uint8Array | null> {
    return (await this.port()).documentBytes();
  }

  // ---------------------------------------------------------------------------

  private async port(): Promise<Workbook> {
    const { port } = this.start();
    await this.userEdits;
    return port;
  }

  private start(): { sim: ExcelSim; port: Workbook } {
    if (this.started) return this.started;
    const sim = createExcelSim({ workbook: this.model.sheets.length ? this.model : undefined });
    if (this.firstSheet) sim.state.select(this.firstSheet, "A1");
    this.beforeStart.forEach((act) => act(sim));
    const port = createOfficeWorkbook({
      run: sim.Excel.run,
      isSetSupported: sim.Office.context.requirements.isSetSupported,
      document: () => sim.Office.context.document,
      platform: () => sim.Office.context.diagnostics.platform,
      settings: () => sim.Office.context.document.settings,
      addin: () => sim.Office.addin as unknown as AddinApi,
    });
    this.started = { sim, port };
    return this.started;
  }

  /** Something the user does in Excel: now when the simulator runs, else when it starts. */
  private asUser(act: (sim: ExcelSim) => void): this {
    if (this.started) act(this.started.sim);
    else this.beforeStart.push(act);
    return this;
  }

  private layingOut(what: string): void {
    if (this.started) throw new Error(`${what}: lay the workbook out before the first port call`);
  }

  private sheetModel(name: string): SheetModel {
    const s = this.model.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

/**
 * One period of the 4d(2) statement on sheet "Day 1", laid out like the form
 * (amount in E, code in F), bound by sheet-level names:
 *   7040 = 100 + 20 - |-5| = 115 (typed), 7060 = 115 (a formula),
 *   7180 = 140 typed although its part 7070 gives 150 (an identity error),
 *   7190 = 7180 - 7060 = 25 (a formula). 7194, the target of 10, is a
 *   workbook-level name on "Settings"; a workbook-level FOCUS_7010 is shadowed.
 */
function layOutDayOne(wb: RecordedWorkbook): RecordedWorkbook {
  const rows: [string, LaidOutCell][] = [
    ["7010", 100],
    ["7020", 20],
    ["7033", -5],
    ["7040", 115],
    ["7060", { formula: "=E9", cached: 115 }],
    ["7070", 150],
    ["7180", 140],
    ["7190", { formula: "=E12-E10", cached: 25 }],
  ];
  const cells: Record<string, LaidOutCell> = {
    A1: "Example FCM",
    A5: "Line",
    E5: "Amount",
    F5: "Code",
  };
  rows.forEach(([code, amount], i) => {
    cells[`E${6 + i}`] = amount;
    cells[`F${6 + i}`] = Number(code);
  });
  wb.addWorksheet("Day 1", cells).addWorksheet("Settings", { A2: "Target", B2: 10 });
  rows.forEach(([code], i) => wb.define(`FOCUS_${code}`, `'Day 1'!$E$${6 + i}`, "Day 1"));
  wb.define("FOCUS_7194", "Settings!$B$2").define("FOCUS_7010", "'Day 1'!$E$6");
  return wb.selectRange("Day 1", "A1");
}

/** The Day 1 workbook over the simulator. */
export const dayOneWorkbook = (): RecordedWorkbook => layOutDayOne(new RecordedWorkbook());

export const ALL_CAPABILITIES = {
  names: true,
  conditionalFormats: true,
  events: true,
  notes: true,
  undoGroups: true,
  autoOpen: true,
  unavailable: [],
};
