import { parseFormula } from "../formula/parser";
import { FormulaSyntaxError } from "../formula/lexer";
import { cellCount, MAX_COL, MAX_ROW, qualifiedAddress, type Area } from "../../src/grid";
import type { SimCell, SimSheet } from "../model/book";
import { evaluateOnce, usedArea } from "../model/calc";
import type { Batch } from "../session";
import { officeFormula, officeText, officeValue, officeValueType, readInput } from "./cell-io";
import { normalizeColor } from "./color";
import { SIM, SimClientObject, SimCollection, type Queue } from "./core";
import { fail } from "./errors";
import {
  assertContentWritable,
  assertFormatWritable,
  mergesTouching,
  sheetOf,
  uniform,
  type RangeLocator,
} from "./locate";
import { rangeLink } from "./range-links";

/** Reading more cells than this at once could never fit Excel on the web's 5 MB response. */
const MAX_READ_CELLS = 2_000_000;
/** Default column width: 8.43 characters, 64 pixels. */
const DEFAULT_COLUMN_WIDTH = 48;

type Grid<T> = T[][];

/** Excel.Range: a rectangle on one sheet. */
export class SimRange extends SimClientObject<RangeLocator> {
  protected readonly typeName = "Range";
  protected readonly scalarNames = [
    "address",
    "cellCount",
    "columnCount",
    "columnIndex",
    "formulas",
    "numberFormat",
    "rowCount",
    "rowIndex",
    "text",
    "valueTypes",
    "values",
  ];
  readonly format: SimRangeFormat;
  /** A SimConditionalFormatCollection and a SimWorksheet, made through range-links.ts (no import cycle). */
  readonly conditionalFormats: SimClientObject;
  readonly worksheet: SimClientObject;

  constructor(queue: Queue, derive?: () => RangeLocator) {
    super(queue, derive);
    const at = () => this[SIM].locate();
    this.format = new SimRangeFormat(queue, at);
    this.conditionalFormats = rangeLink("conditionalFormats")(queue, at);
    this.worksheet = rangeLink("worksheet")(queue, () => at().sheetId);
  }

  /** With the sheet, without $: "Sheet1!B3:C4", "'Day 1'!E6". */
  get address(): string {
    return this.get("address");
  }

  get cellCount(): number {
    return this.get("cellCount");
  }

  get columnCount(): number {
    return this.get("columnCount");
  }

  get columnIndex(): number {
    return this.get("columnIndex");
  }

  get rowCount(): number {
    return this.get("rowCount");
  }

  get rowIndex(): number {
    return this.get("rowIndex");
  }

  get values(): Grid<unknown> {
    return this.get("values");
  }

  /** A 2-D array of the range's size, or one value for every cell. Text is read as typed input ("=…" is a formula, "'…" is text). */
  set values(v: Grid<unknown>) {
    this.set("values", v, (batch) => this.writeContents(batch, v));
  }

  get formulas(): Grid<unknown> {
    return this.get("formulas");
  }

  set formulas(v: Grid<unknown>) {
    this.set("formulas", v, (batch) => this.writeContents(batch, v));
  }

  get numberFormat(): Grid<unknown> {
    return this.get("numberFormat");
  }

  set numberFormat(v: Grid<unknown>) {
    this.set("numberFormat", v, (batch) => {
      const { sheet, area } = this.target(batch);
      assertFormatWritable(sheet);
      eachInput(area, v, (row, col, format) => {
        if (format !== null && format !== undefined)
          sheet.updateCell(row, col, { numberFormat: String(format) });
      });
    });
  }

  /** Values as shown; number formats are not rendered (numbers show as General). */
  get text(): Grid<string> {
    return this.get("text");
  }

  get valueTypes(): Grid<string> {
    return this.get("valueTypes");
  }

  /** A cell by zero-based offsets from the top-left (it may lie outside this range). */
  getCell(row: number, column: number): SimRange {
    return this.spawn(new SimRange(this[SIM].queue), "getCell", [row, column], () => {
      const { sheetId, area } = this[SIM].locate();
      const r = area.r1 + row;
      const c = area.c1 + column;
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(column) ||
        r < 1 ||
        c < 1 ||
        r > MAX_ROW ||
        c > MAX_COL
      )
        fail("InvalidArgument", "The cell is outside the worksheet.");
      return { sheetId, area: { r1: r, c1: c, r2: r, c2: c } };
    });
  }

  /**
   * The used part of this range (ExcelApi 1.4): "Returns the used range of the given range
   * object. If there are no used cells within the range, then this method returns an object
   * with its isNullObject property set to true" (office-js's Excel.Range reference).
   */
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.spawn(
      new SimRange(this[SIM].queue),
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (batch) => {
        const { sheet, area } = this.target(batch);
        const used = usedArea(sheet, valuesOnly === true, area);
        return used ? { sheetId: sheet.id, area: used } : null;
      }
    );
  }

  /** The merged areas this range touches, whole (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return this.spawn(
      new SimRangeAreas(this[SIM].queue),
      "getMergedAreasOrNullObject",
      [],
      (batch) => {
        batch.require("1.13", "Range.getMergedAreasOrNullObject");
        const { sheet, area } = this.target(batch);
        const areas = mergesTouching(sheet, area);
        if (areas.length > 512)
          fail("GeneralException", "The range has more than 512 merged areas.");
        return areas.length ? { sheetId: sheet.id, areas } : null;
      }
    );
  }

  select(): void {
    this.call("select", [], true, (batch) => {
      const { sheet, area } = this.target(batch);
      if (sheet.visibility !== "Visible")
        fail("InvalidOperation", "A range on a hidden sheet cannot be selected.");
      batch.book.activeSheetId = sheet.id;
      batch.book.activeChartSheet = null;
      batch.book.selection = { sheetId: sheet.id, area };
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const { sheet, area } = this.target(batch);
    const grid = <T>(read: (c: SimCell) => T): Grid<T> => {
      if (cellCount(area) > MAX_READ_CELLS)
        fail(
          "ResponsePayloadSizeLimitExceeded",
          `Reading ${name} of ${cellCount(area)} cells exceeds the response limit.`
        );
      const out: Grid<T> = [];
      for (let r = area.r1; r <= area.r2; r++) {
        const row: T[] = [];
        for (let c = area.c1; c <= area.c2; c++) row.push(read(sheet.cell(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return qualifiedAddress(sheet.name, area);
      case "cellCount":
        return cellCount(area);
      case "rowCount":
        return area.r2 - area.r1 + 1;
      case "columnCount":
        return area.c2 - area.c1 + 1;
      case "rowIndex":
        return area.r1 - 1;
      case "columnIndex":
        return area.c1 - 1;
      case "values":
        return grid((c) => officeValue(c.value));
      case "formulas":
        return grid(officeFormula);
      case "numberFormat":
        return grid((c) => c.numberFormat);
      case "valueTypes":
        return grid((c) => officeValueType(c.value));
      case "text":
        return grid((c) => officeText(c.value));
      default:
        return this.unknownProperty(name);
    }
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "format"
      ? this.format
      : name === "worksheet"
        ? this.worksheet
        : name === "conditionalFormats"
          ? this.conditionalFormats
          : undefined;
  }

  private target(batch: Batch): { sheet: SimSheet; area: Area } {
    const { sheetId, area } = this[SIM].locate();
    return { sheet: sheetOf(batch, sheetId), area };
  }

  private writeContents(batch: Batch, input: unknown): void {
    const { sheet, area } = this.target(batch);
    assertContentWritable(sheet, area);
    const manual = batch.book.calculationMode === "Manual";
    eachInput(area, input, (row, col, entry) => {
      const parsed = readInput(entry);
      if (parsed === "unchanged") return;
      if (parsed.formula === undefined) {
        sheet.updateCell(row, col, { value: parsed.value, formula: undefined });
        return;
      }
      try {
        parseFormula(parsed.formula);
      } catch (e) {
        if (e instanceof FormulaSyntaxError)
          fail("InvalidArgument", `The formula =${parsed.formula} is not valid.`);
        throw e;
      }
      const value = manual
        ? evaluateOnce(batch.book, parsed.formula, {
            sheet: sheet.name,
            rowOffset: 0,
            colOffset: 0,
          })
        : null;
      sheet.updateCell(row, col, { value, formula: parsed.formula });
    });
    batch.edited(sheet, area);
  }
}

/** Apply a 2-D input of the area's size (or one value for every cell) cell by cell. */
function eachInput(
  area: Area,
  input: unknown,
  apply: (row: number, col: number, entry: unknown) => void
): void {
  const rows = area.r2 - area.r1 + 1;
  const cols = area.c2 - area.c1 + 1;
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
      fail(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`
      );
    }
    input.forEach((r: unknown[], i) =>
      r.forEach((entry, j) => apply(area.r1 + i, area.c1 + j, entry))
    );
    return;
  }
  if (rows * cols > 1_000_000)
    fail("InvalidArgument", "The simulator does not fill more than a million cells at once.");
  for (let r = area.r1; r <= area.r2; r++)
    for (let c = area.c1; c <= area.c2; c++) apply(r, c, input);
}

/** A format object's target: the cells of the range it belongs to. */
abstract class RangePart extends SimClientObject<RangeLocator> {
  protected target(batch: Batch): { sheet: SimSheet; area: Area } {
    const { sheetId, area } = this[SIM].locate();
    return { sheet: sheetOf(batch, sheetId), area };
  }

  /** Set a cell property over the range (formats are refused on a protected sheet). */
  protected setCells(
    name: string,
    value: unknown,
    patch: Partial<SimCell>,
    allowWhenProtected = false
  ): void {
    this.set(name, value, (batch) => {
      const { sheet, area } = this.target(batch);
      if (!allowWhenProtected) assertFormatWritable(sheet);
      eachInput(area, null, (row, col) => sheet.updateCell(row, col, patch));
    });
  }
}

/** Excel.RangeFormat. */
export class SimRangeFormat extends RangePart {
  protected readonly typeName = "RangeFormat";
  protected readonly scalarNames = ["columnWidth"];
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly protection: SimFormatProtection;

  constructor(queue: Queue, derive: () => RangeLocator) {
    super(queue, derive);
    this.fill = new SimRangeFill(queue, derive);
    this.font = new SimRangeFont(queue, derive);
    this.protection = new SimFormatProtection(queue, derive);
  }

  /** In points; null when the columns differ. */
  get columnWidth(): number {
    return this.get("columnWidth");
  }

  set columnWidth(points: number) {
    this.set("columnWidth", points, (batch) => {
      const { sheet, area } = this.target(batch);
      assertFormatWritable(sheet);
      if (!(points >= 0))
        fail("InvalidArgument", "columnWidth must be a number of points, 0 or more.");
      for (let c = area.c1; c <= area.c2; c++) sheet.columnWidths.set(c, points);
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name !== "columnWidth") return this.unknownProperty(name);
    const { sheet, area } = this.target(batch);
    const widths = new Set<number>();
    for (let c = area.c1; c <= area.c2 && widths.size < 2; c++)
      widths.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return widths.size === 1 ? [...widths][0] : null;
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "fill"
      ? this.fill
      : name === "font"
        ? this.font
        : name === "protection"
          ? this.protection
          : undefined;
  }
}

/** Excel.RangeFill: "#FFFFFF" when there is no fill, null when the cells differ. */
export class SimRangeFill extends RangePart {
  protected readonly typeName = "RangeFill";
  protected readonly scalarNames = ["color"];

  get color(): string {
    return this.get("color");
  }

  set color(color: string) {
    this.setCells("color", color, { fill: normalizeColor(color) });
  }

  clear(): void {
    this.call("clear", [], true, (batch) => {
      const { sheet, area } = this.target(batch);
      assertFormatWritable(sheet);
      eachInput(area, null, (row, col) => sheet.updateCell(row, col, { fill: null }));
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name !== "color") return this.unknownProperty(name);
    const { sheet, area } = this.target(batch);
    return uniform(sheet, area, (c) => c.fill ?? "#FFFFFF", "#FFFFFF");
  }
}

/** Excel.RangeFont: bold and color. */
export class SimRangeFont extends RangePart {
  protected readonly typeName = "RangeFont";
  protected readonly scalarNames = ["bold", "color"];

  get bold(): boolean {
    return this.get("bold");
  }

  set bold(bold: boolean) {
    this.setCells("bold", bold, { bold });
  }

  get color(): string {
    return this.get("color");
  }

  set color(color: string) {
    this.setCells("color", color, { fontColor: normalizeColor(color) });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const { sheet, area } = this.target(batch);
    if (name === "bold") return uniform(sheet, area, (c) => c.bold, false);
    if (name === "color") return uniform(sheet, area, (c) => c.fontColor ?? "#000000", "#000000");
    return this.unknownProperty(name);
  }
}

/** Excel.FormatProtection: whether cells are locked (they are by default); changeable only on an unprotected sheet. */
export class SimFormatProtection extends RangePart {
  protected readonly typeName = "FormatProtection";
  protected readonly scalarNames = ["locked"];

  get locked(): boolean {
    return this.get("locked");
  }

  set locked(locked: boolean) {
    this.setCells("locked", locked, { locked });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name !== "locked") return this.unknownProperty(name);
    const { sheet, area } = this.target(batch);
    return uniform(sheet, area, (c) => c.locked, true);
  }
}

interface AreasLocator {
  sheetId: string;
  areas: Area[];
}

/** Excel.RangeAreas: several rectangles on one sheet. */
export class SimRangeAreas extends SimClientObject<AreasLocator> {
  protected readonly typeName = "RangeAreas";
  protected readonly scalarNames = ["address", "areaCount"];
  readonly areas: SimRangeCollection;

  constructor(queue: Queue) {
    super(queue);
    this.areas = new SimRangeCollection(queue, () => this[SIM].locate());
  }

  /** Comma-separated, each with its sheet. */
  get address(): string {
    return this.get("address");
  }

  get areaCount(): number {
    return this.get("areaCount");
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const { sheetId, areas } = this[SIM].locate();
    const sheet = sheetOf(batch, sheetId);
    if (name === "address") return areas.map((a) => qualifiedAddress(sheet.name, a)).join(",");
    if (name === "areaCount") return areas.length;
    return this.unknownProperty(name);
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "areas" ? this.areas : undefined;
  }
}

/** Excel.RangeCollection: the areas of a RangeAreas. */
export class SimRangeCollection extends SimCollection<SimRange, RangeLocator, AreasLocator> {
  protected readonly typeName = "RangeCollection";

  protected itemLocators(): RangeLocator[] {
    const { sheetId, areas } = this[SIM].locate();
    return areas.map((area) => ({ sheetId, area }));
  }

  protected item(): SimRange {
    return new SimRange(this[SIM].queue);
  }
}
