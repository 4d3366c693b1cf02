import { checkSheetName } from "../xlsx-writer";
import {
  MAX_COL,
  MAX_ROW,
  parseArea,
  quoteSheetName,
  WHOLE_SHEET,
  type Area,
} from "../../src/grid";
import type { SimSheet, Visibility } from "../model/book";
import { usedArea } from "../model/calc";
import type { Batch } from "../session";
import { SIM, SimClientObject, SimCollection, type Queue } from "./core";
import { fail } from "./errors";
import { SimEventHandlers } from "./events";
import { sheetOf, type RangeLocator } from "./locate";
import { SimNamedItemCollection } from "./names";
import { SimNoteCollection } from "./notes";
import { SimRange } from "./range";
import { registerRangeLink } from "./range-links";

/** Excel.Workbook: the entry point of every batch. */
export class SimWorkbook extends SimClientObject<null> {
  protected readonly typeName = "Workbook";
  protected readonly scalarNames = [];
  readonly worksheets: SimWorksheetCollection;
  /** Workbook-level names only; sheet-level names are in worksheet.names. */
  readonly names: SimNamedItemCollection;
  /** Every note of the workbook (ExcelApi 1.18). */
  readonly notes: SimNoteCollection;
  /** Structure protection (ExcelApi 1.7). */
  readonly protection: SimWorkbookProtection;

  constructor(
    queue: Queue,
    readonly application: SimClientObject
  ) {
    super(queue, () => null);
    this.worksheets = new SimWorksheetCollection(queue);
    this.names = new SimNamedItemCollection(queue, () => null);
    this.notes = new SimNoteCollection(queue, () => null);
    this.protection = new SimWorkbookProtection(queue, () => null);
  }

  /**
   * The selection's range; a merged cell selects its whole merged area. On a chart sheet no
   * range is selected: InvalidSelection, "by design" when a chart is selected (office-js#2268;
   * the code and message as office-js#399 shows them).
   */
  getSelectedRange(): SimRange {
    return this.spawn(new SimRange(this[SIM].queue), "getSelectedRange", [], (batch) => {
      const book = batch.book;
      if (book.activeChartSheet !== null) invalidSelection();
      const sel = book.selection ?? {
        sheetId: book.activeSheetId,
        area: { r1: 1, c1: 1, r2: 1, c2: 1 },
      };
      return { sheetId: sel.sheetId, area: sel.area };
    });
  }

  protected readScalar(name: string): unknown {
    return this.unknownProperty(name);
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "worksheets"
      ? this.worksheets
      : name === "names"
        ? this.names
        : name === "notes"
          ? this.notes
          : name === "protection"
            ? this.protection
            : undefined;
  }
}

/** Excel.WorksheetCollection. */
export class SimWorksheetCollection extends SimCollection<SimWorksheet, string, null> {
  protected readonly typeName = "WorksheetCollection";
  /** Any worksheet changed (ExcelApi 1.9). */
  readonly onChanged: SimEventHandlers<unknown>;
  /** Any worksheet calculated (ExcelApi 1.8). */
  readonly onCalculated: SimEventHandlers<unknown>;

  constructor(queue: Queue) {
    super(queue, () => null);
    this.onChanged = new SimEventHandlers(queue, "onChanged", () => null, "1.9");
    this.onCalculated = new SimEventHandlers(queue, "onCalculated", () => null, "1.8");
  }

  /** By name (case-insensitive) or id; ItemNotFound otherwise. */
  getItem(key: string): SimWorksheet {
    return this.spawn(
      new SimWorksheet(this[SIM].queue),
      "getItem",
      [key],
      (batch) =>
        findSheet(batch, key)?.id ??
        fail("ItemNotFound", `The requested resource doesn't exist: worksheet '${key}'.`)
    );
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return this.spawn(
      new SimWorksheet(this[SIM].queue),
      "getItemOrNullObject",
      [key],
      (batch) => findSheet(batch, key)?.id ?? null
    );
  }

  getActiveWorksheet(): SimWorksheet {
    return this.spawn(
      new SimWorksheet(this[SIM].queue),
      "getActiveWorksheet",
      [],
      // office-js#2444: it throws when the active sheet is a chart sheet (the code is not shown
      // there; the simulator answers getSelectedRange's, office-js#2268).
      (batch) =>
        batch.book.activeChartSheet !== null ? invalidSelection() : batch.book.activeSheetId
    );
  }

  /** A new sheet at the end; the name must be valid and not taken (names are case-insensitive). */
  add(name?: string): SimWorksheet {
    return this.spawn(
      new SimWorksheet(this[SIM].queue),
      "add",
      [name],
      (batch) => {
        const book = batch.book;
        let chosen = name;
        for (let n = book.sheets.length + 1; chosen === undefined; n++)
          if (!book.nameTaken(`Sheet${n}`)) chosen = `Sheet${n}`;
        assertValidSheetName(chosen);
        if (book.structureProtected) fail("AccessDenied", "The workbook's structure is protected.");
        if (book.nameTaken(chosen))
          fail("ItemAlreadyExists", `A worksheet named '${chosen}' already exists.`);
        return book.addSheet(chosen).id;
      },
      true
    );
  }

  protected itemLocators(batch: Batch): string[] {
    return batch.book.sheets.map((s) => s.id);
  }

  protected item(): SimWorksheet {
    return new SimWorksheet(this[SIM].queue);
  }
}

const invalidSelection = (): never =>
  fail("InvalidSelection", "The current selection is invalid for this operation.");

function findSheet(batch: Batch, key: string): SimSheet | undefined {
  return batch.book.sheetById(key) ?? batch.book.sheetByName(key);
}

function assertValidSheetName(name: string): void {
  try {
    checkSheetName(name);
  } catch (e) {
    fail("InvalidArgument", (e as Error).message);
  }
}

/** Excel.Worksheet, located by its id (a renamed sheet stays the same proxy). */
export class SimWorksheet extends SimClientObject<string> {
  protected readonly typeName = "Worksheet";
  protected readonly scalarNames = ["id", "name", "position", "visibility"];
  readonly protection: SimWorksheetProtection;
  /** Sheet-level names (ExcelApi 1.4). */
  readonly names: SimNamedItemCollection;
  /** The sheet's notes (ExcelApi 1.18). */
  readonly notes: SimNoteCollection;
  readonly onChanged: SimEventHandlers<unknown>;
  readonly onCalculated: SimEventHandlers<unknown>;

  constructor(queue: Queue, derive?: () => string) {
    super(queue, derive);
    const id = () => this[SIM].locate();
    this.protection = new SimWorksheetProtection(queue, id);
    this.names = new SimNamedItemCollection(queue, id);
    this.notes = new SimNoteCollection(queue, id);
    this.onChanged = new SimEventHandlers(queue, "onChanged", id, "1.7");
    this.onCalculated = new SimEventHandlers(queue, "onCalculated", id, "1.8");
  }

  get id(): string {
    return this.get("id");
  }

  get name(): string {
    return this.get("name");
  }

  set name(name: string) {
    this.set("name", name, (batch) => {
      const sheet = this.sheet(batch);
      assertValidSheetName(name);
      const other = batch.book.sheetByName(name);
      if ((other && other !== sheet) || (!other && batch.book.nameTaken(name)))
        fail("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      sheet.name = name;
    });
  }

  get position(): number {
    return this.get("position");
  }

  get visibility(): string {
    return this.get("visibility");
  }

  set visibility(v: string) {
    this.set("visibility", v, (batch) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        fail("InvalidArgument", `visibility "${v}" is not valid.`);
      this.sheet(batch).visibility = v as Visibility;
    });
  }

  /** The range at an A1 address ("B3", "B3:C4", "A:C", "3:5"), or the whole sheet without one. */
  getRange(address?: string): SimRange {
    return this.range("getRange", [address], () => {
      if (address === undefined || address === "") return WHOLE_SHEET;
      return (
        parseArea(address) ?? fail("InvalidArgument", `The address '${address}' is not valid.`)
      );
    });
  }

  /** Zero-based start row and column, and a size of at least one cell. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): SimRange {
    return this.range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const area = {
        r1: startRow + 1,
        c1: startColumn + 1,
        r2: startRow + rowCount,
        c2: startColumn + columnCount,
      };
      const valid = [startRow, startColumn, rowCount - 1, columnCount - 1].every(
        (n) => Number.isInteger(n) && n >= 0
      );
      return valid && area.r2 <= MAX_ROW && area.c2 <= MAX_COL
        ? area
        : fail("InvalidArgument", "The range is outside the worksheet.");
    });
  }

  /**
   * The smallest range holding every used cell; A1 on an empty sheet. Loading its cells is
   * refused past Excel on the web's 5 MB response like any other read (session.ts; "Resource
   * limits and performance optimization for Office Add-ins": "Excel on the web has a payload
   * size limit for requests and responses of 5MB"): a large used range must be read in blocks.
   */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.range(
      "getUsedRange",
      [valuesOnly],
      (batch) => usedArea(this.sheet(batch), valuesOnly === true) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }
    );
  }

  /** As getUsedRange, but a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.spawn(
      new SimRange(this[SIM].queue),
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (batch) => {
        const area = usedArea(this.sheet(batch), valuesOnly === true);
        return area ? { sheetId: this[SIM].locate(), area } : null;
      }
    );
  }

  activate(): void {
    this.call("activate", [], true, (batch) => {
      const sheet = this.sheet(batch);
      if (sheet.visibility !== "Visible")
        fail("InvalidOperation", "A hidden sheet cannot be activated.");
      batch.book.activeSheetId = sheet.id;
      batch.book.activeChartSheet = null;
    });
  }

  /** Deletes the sheet; workbook-level names into it become #REF! as in Excel. The last visible sheet cannot go. */
  delete(): void {
    this.call("delete", [], true, (batch) => {
      const book = batch.book;
      const sheet = this.sheet(batch);
      if (!book.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      book.sheets = book.sheets.filter((s) => s !== sheet);
      const intoSheet = new RegExp(escapeRegExp(`${quoteSheetName(sheet.name)}!`), "gi");
      for (const names of [book.names, ...book.sheets.map((s) => s.names)]) {
        for (const [key, n] of names) {
          const formula = n.formula.replace(intoSheet, "#REF!");
          if (formula !== n.formula) names.set(key, { ...n, formula });
        }
      }
      if (book.activeSheetId === sheet.id)
        book.activeSheetId = book.sheets.find((s) => s.visibility === "Visible")!.id;
      if (book.selection?.sheetId === sheet.id) book.selection = null;
      book.dirty = true;
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const sheet = this.sheet(batch);
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return batch.book.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        return this.unknownProperty(name);
    }
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "protection"
      ? this.protection
      : name === "names"
        ? this.names
        : name === "notes"
          ? this.notes
          : undefined;
  }

  private sheet(batch: Batch): SimSheet {
    return sheetOf(batch, this[SIM].locate());
  }

  private range(method: string, args: unknown[], area: (batch: Batch) => Area): SimRange {
    return this.spawn(new SimRange(this[SIM].queue), method, args, (batch): RangeLocator => {
      this.sheet(batch);
      return { sheetId: this[SIM].locate(), area: area(batch) };
    });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Excel.WorkbookProtection: structure protection, read-only here (the user sets it: SimState.protectStructure). */
export class SimWorkbookProtection extends SimClientObject<null> {
  protected readonly typeName = "WorkbookProtection";
  protected readonly scalarNames = ["protected"];

  get protected(): boolean {
    return this.get("protected");
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "protected") return batch.book.structureProtected;
    return this.unknownProperty(name);
  }
}

/** Excel.WorksheetProtection: sheet protection without passwords or options. */
export class SimWorksheetProtection extends SimClientObject<string> {
  protected readonly typeName = "WorksheetProtection";
  protected readonly scalarNames = ["protected"];

  get protected(): boolean {
    return this.get("protected");
  }

  protect(options?: unknown, password?: string): void {
    this.call(
      "protect",
      [options ?? null, password === undefined ? null : "***"],
      true,
      (batch) => {
        const sheet = sheetOf(batch, this[SIM].locate());
        if (sheet.isProtected) fail("InvalidOperation", "The worksheet is already protected.");
        sheet.isProtected = true;
      }
    );
  }

  unprotect(password?: string): void {
    this.call("unprotect", [password === undefined ? null : "***"], true, (batch) => {
      sheetOf(batch, this[SIM].locate()).isProtected = false;
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "protected") return sheetOf(batch, this[SIM].locate()).isProtected;
    return this.unknownProperty(name);
  }
}

registerRangeLink("worksheet", (queue, sheetId) => new SimWorksheet(queue, sheetId));
