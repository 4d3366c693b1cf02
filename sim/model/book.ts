import type { Scalar } from "../formula/values";
import { cellKey, type Area } from "../../src/grid";

/**
 * The workbook the simulator holds. Cells, names, conditional formats and notes are
 * immutable records replaced on change, so a batch can work on a cheap copy (clone())
 * and the copy either becomes the workbook or is dropped: all or nothing.
 */
export interface SimCell {
  /** The constant, or a formula's last result; null when empty. */
  readonly value: Scalar;
  /** Without "=". */
  readonly formula?: string;
  readonly numberFormat: string;
  readonly locked: boolean;
  readonly bold: boolean;
  /** "#RRGGBB", or null for no fill. */
  readonly fill: string | null;
  readonly fontColor: string | null;
}

/** Who the simulator says wrote a note. */
export const SIM_USER = "Simulated User";

const EMPTY_CELL: SimCell = {
  value: null,
  numberFormat: "General",
  locked: true,
  bold: false,
  fill: null,
  fontColor: null,
};

const isDefault = (c: SimCell): boolean =>
  c.value === null &&
  c.formula === undefined &&
  (Object.keys(EMPTY_CELL) as (keyof SimCell)[]).every((k) => c[k] === EMPTY_CELL[k]);

export interface SimName {
  readonly name: string;
  /** With "=", as NamedItem.formula shows it: "='Day 1'!$C$5", "=1000", "=#REF!". */
  readonly formula: string;
  readonly comment: string;
  readonly visible: boolean;
}

export interface SimFormatRule {
  readonly id: string;
  /** Only custom (formula) rules are modelled. */
  readonly type: "Custom";
  readonly area: Area;
  /** With "=", relative to the area's top-left cell. */
  readonly formula: string;
  readonly fill: string | null;
  readonly fontColor: string | null;
}

export interface SimNoteModel {
  readonly id: string;
  readonly row: number;
  readonly col: number;
  readonly content: string;
  readonly author: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export class SimSheet {
  cells = new Map<number, SimCell>();
  merges: Area[] = [];
  names = new Map<string, SimName>();
  /** Highest priority first, as Excel lists them. */
  conditionalFormats: SimFormatRule[] = [];
  notes: SimNoteModel[] = [];
  /** Column widths in points, by 1-based column. */
  columnWidths = new Map<number, number>();
  visibility: Visibility = "Visible";
  isProtected = false;

  constructor(
    readonly id: string,
    public name: string
  ) {}

  cell(row: number, col: number): SimCell {
    return this.cells.get(cellKey(row, col)) ?? EMPTY_CELL;
  }

  /** Replace a cell with a changed copy; `formula: undefined` removes the formula. An empty default cell is dropped. */
  updateCell(row: number, col: number, patch: Partial<SimCell>): void {
    const next: { -readonly [K in keyof SimCell]: SimCell[K] } = {
      ...this.cell(row, col),
      ...patch,
    };
    if (next.formula === undefined) delete next.formula;
    const key = cellKey(row, col);
    if (isDefault(next)) this.cells.delete(key);
    else this.cells.set(key, next);
  }

  /** A copy; with an id and name, a new sheet that starts as this one (Move or Copy › Create a copy). */
  clone(id = this.id, name = this.name): SimSheet {
    const s = new SimSheet(id, name);
    s.cells = new Map(this.cells);
    s.merges = [...this.merges];
    s.names = new Map(this.names);
    s.conditionalFormats = [...this.conditionalFormats];
    s.notes = [...this.notes];
    s.columnWidths = new Map(this.columnWidths);
    s.visibility = this.visibility;
    s.isProtected = this.isProtected;
    return s;
  }
}

export type CalculationMode = "Automatic" | "Manual";

export class SimBook {
  sheets: SimSheet[] = [];
  /** Workbook-level names, keyed by upper-cased name (names are case-insensitive). */
  names = new Map<string, SimName>();
  calculationMode: CalculationMode = "Automatic";
  /** Review › Protect Workbook: no sheet can be added, deleted, renamed or unhidden. */
  structureProtected = false;
  activeSheetId = "";
  selection: { sheetId: string; area: Area } | null = null;
  /**
   * Chart sheets, by name. The Excel JavaScript API does not see them: "Work with worksheets"
   * (office-js-docs-pr, docs/excel/excel-add-ins-worksheets.md) applies "only to regular
   * worksheets; it does not apply to chart sheets", and workbook.worksheets lists worksheets only.
   * They still take a name in the workbook's one list of sheet names.
   */
  chartSheets: string[] = [];
  /** The chart sheet the user is on, when it is one: no cell is selected then (see getSelectedRange). */
  activeChartSheet: string | null = null;
  /**
   * The add-in runtime's event switch (context.runtime.enableEvents). It belongs to the
   * runtime, not the file, but lives here so a failed batch rolls it back like the rest.
   */
  enableEvents = true;
  /** Formula results are stale: recalculate before the next read (automatic mode). */
  dirty = false;
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheetById(id: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SimSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** A sheet of either kind (worksheet or chart sheet) has this name, compared as Excel does (case-insensitive). */
  nameTaken(name: string): boolean {
    const lower = name.toLowerCase();
    return !!this.sheetByName(name) || this.chartSheets.some((c) => c.toLowerCase() === lower);
  }

  addSheet(name: string): SimSheet {
    const sheet = new SimSheet(this.newId("sheet"), name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  clone(): SimBook {
    const b = new SimBook();
    b.sheets = this.sheets.map((s) => s.clone());
    b.names = new Map(this.names);
    b.calculationMode = this.calculationMode;
    b.structureProtected = this.structureProtected;
    b.activeSheetId = this.activeSheetId;
    b.selection = this.selection;
    b.chartSheets = [...this.chartSheets];
    b.activeChartSheet = this.activeChartSheet;
    b.enableEvents = this.enableEvents;
    b.dirty = this.dirty;
    b.nextId = this.nextId;
    return b;
  }
}
