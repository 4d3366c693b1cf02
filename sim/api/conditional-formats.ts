import { intersects } from "../../src/grid";
import type { SimFormatRule, SimSheet } from "../model/book";
import { parsedFormula } from "../model/calc";
import type { Batch } from "../session";
import { SIM, SimClientObject, SimCollection, type Queue } from "./core";
import { fail } from "./errors";
import { assertFormatWritable, sheetOf, type RangeLocator } from "./locate";
import { normalizeColor } from "./color";
import { SimRange } from "./range";
import { registerRangeLink } from "./range-links";

interface FormatLocator {
  sheetId: string;
  id: string;
}

const REQUIRES = "1.6";

function located(
  batch: Batch,
  at: FormatLocator
): { sheet: SimSheet; cf: SimFormatRule; index: number } {
  batch.require(REQUIRES, "Conditional formats");
  const sheet = sheetOf(batch, at.sheetId);
  const index = sheet.conditionalFormats.findIndex((c) => c.id === at.id);
  if (index < 0) fail("ItemNotFound", "The conditional format no longer exists.");
  return { sheet, cf: sheet.conditionalFormats[index], index };
}

function update(batch: Batch, at: FormatLocator, patch: Partial<SimFormatRule>): void {
  const { sheet, cf, index } = located(batch, at);
  assertFormatWritable(sheet);
  sheet.conditionalFormats[index] = { ...cf, ...patch };
}

/** Excel.ConditionalFormatCollection of a range: the formats that touch it (ExcelApi 1.6). Only custom rules are simulated. */
export class SimConditionalFormatCollection extends SimCollection<
  SimConditionalFormat,
  FormatLocator,
  RangeLocator
> {
  protected readonly typeName = "ConditionalFormatCollection";

  /** A new format over the whole range, at the top priority. */
  add(type: string): SimConditionalFormat {
    return this.spawn(
      new SimConditionalFormat(this[SIM].queue),
      "add",
      [type],
      (batch) => {
        batch.require(REQUIRES, "ConditionalFormatCollection.add");
        if (type !== "Custom")
          fail(
            "InvalidArgument",
            `Conditional format type "${type}" is not simulated (only Custom).`
          );
        const { sheetId, area } = this[SIM].locate();
        const sheet = sheetOf(batch, sheetId);
        assertFormatWritable(sheet);
        const id = batch.book.newId("{cf-") + "}";
        sheet.conditionalFormats.unshift({
          id,
          type: "Custom",
          area,
          formula: "",
          fill: null,
          fontColor: null,
        });
        return { sheetId, id };
      },
      true
    );
  }

  getItem(id: string): SimConditionalFormat {
    return this.spawn(new SimConditionalFormat(this[SIM].queue), "getItem", [id], (batch) => {
      const found = this.itemLocators(batch).find((l) => l.id === id);
      return found ?? fail("ItemNotFound", `No conditional format has the id ${id}.`);
    });
  }

  getItemAt(index: number): SimConditionalFormat {
    return this.spawn(new SimConditionalFormat(this[SIM].queue), "getItemAt", [index], (batch) => {
      return (
        this.itemLocators(batch)[index] ??
        fail("ItemNotFound", `There is no conditional format at index ${index}.`)
      );
    });
  }

  /** The number of formats, readable as `.value` after sync. */
  getCount(): { value: number } {
    const result = new ClientResult<number>();
    this.call("getCount", [], false, (batch) => result.set(this.itemLocators(batch).length));
    return result;
  }

  protected itemLocators(batch: Batch): FormatLocator[] {
    batch.require(REQUIRES, "Conditional formats");
    const { sheetId, area } = this[SIM].locate();
    return sheetOf(batch, sheetId)
      .conditionalFormats.filter((cf) => intersects(cf.area, area))
      .map((cf) => ({ sheetId, id: cf.id }));
  }

  protected item(): SimConditionalFormat {
    return new SimConditionalFormat(this[SIM].queue);
  }
}

/** OfficeExtension.ClientResult: a value that arrives with the sync. */
class ClientResult<T> {
  private known = false;
  private result: T | undefined;

  get value(): T {
    if (!this.known) fail("PropertyNotLoaded", "The value is not available before context.sync().");
    return this.result as T;
  }

  set(value: T): void {
    this.known = true;
    this.result = value;
  }
}

/** Excel.ConditionalFormat. */
export class SimConditionalFormat extends SimClientObject<FormatLocator> {
  protected readonly typeName = "ConditionalFormat";
  protected readonly scalarNames = ["id", "priority", "type"];
  readonly custom: SimCustomConditionalFormat;

  constructor(queue: Queue) {
    super(queue);
    this.custom = new SimCustomConditionalFormat(queue, () => this[SIM].locate());
  }

  get id(): string {
    return this.get("id");
  }

  get type(): string {
    return this.get("type");
  }

  get priority(): number {
    return this.get("priority");
  }

  delete(): void {
    this.call("delete", [], true, (batch) => {
      const { sheet, index } = located(batch, this[SIM].locate());
      assertFormatWritable(sheet);
      sheet.conditionalFormats.splice(index, 1);
    });
  }

  /** The range the format applies to. */
  getRange(): SimRange {
    return this.spawn(new SimRange(this[SIM].queue), "getRange", [], (batch) => {
      const { sheet, cf } = located(batch, this[SIM].locate());
      return { sheetId: sheet.id, area: cf.area };
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const { cf, index } = located(batch, this[SIM].locate());
    if (name === "id") return cf.id;
    if (name === "type") return cf.type;
    if (name === "priority") return index;
    return this.unknownProperty(name);
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "custom" ? this.custom : undefined;
  }
}

/** Excel.CustomConditionalFormat: a rule and the format it applies. */
export class SimCustomConditionalFormat extends SimClientObject<FormatLocator> {
  protected readonly typeName = "CustomConditionalFormat";
  protected readonly scalarNames = [];
  readonly rule: SimConditionalFormatRule;
  readonly format: SimConditionalRangeFormat;

  constructor(queue: Queue, derive: () => FormatLocator) {
    super(queue, derive);
    this.rule = new SimConditionalFormatRule(queue, derive);
    this.format = new SimConditionalRangeFormat(queue, derive);
  }

  protected readScalar(name: string): unknown {
    return fail("InvalidArgument", `CustomConditionalFormat has no property '${name}'.`);
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "rule" ? this.rule : name === "format" ? this.format : undefined;
  }
}

/** Excel.ConditionalFormatRule: the formula, with "=", relative to the top-left cell of the format's range. */
export class SimConditionalFormatRule extends SimClientObject<FormatLocator> {
  protected readonly typeName = "ConditionalFormatRule";
  protected readonly scalarNames = ["formula"];

  get formula(): string {
    return this.get("formula");
  }

  set formula(formula: string) {
    this.set("formula", formula, (batch) => {
      if (!formula.startsWith("=") || !parsedFormula(formula.slice(1)))
        fail("InvalidArgument", `The rule formula ${formula} is not valid.`);
      update(batch, this[SIM].locate(), { formula });
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "formula") return located(batch, this[SIM].locate()).cf.formula;
    return this.unknownProperty(name);
  }
}

/** Excel.ConditionalRangeFormat: fill and font of the cells the rule matches. */
export class SimConditionalRangeFormat extends SimClientObject<FormatLocator> {
  protected readonly typeName = "ConditionalRangeFormat";
  protected readonly scalarNames = [];
  readonly fill: SimConditionalRangeFill;
  readonly font: SimConditionalRangeFont;

  constructor(queue: Queue, derive: () => FormatLocator) {
    super(queue, derive);
    this.fill = new SimConditionalRangeFill(queue, derive);
    this.font = new SimConditionalRangeFont(queue, derive);
  }

  protected readScalar(name: string): unknown {
    return this.unknownProperty(name);
  }

  protected override navigation(name: string): SimClientObject | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
}

/** Excel.ConditionalRangeFill. */
export class SimConditionalRangeFill extends SimClientObject<FormatLocator> {
  protected readonly typeName = "ConditionalRangeFill";
  protected readonly scalarNames = ["color"];

  get color(): string {
    return this.get("color");
  }

  set color(color: string) {
    this.set("color", color, (batch) =>
      update(batch, this[SIM].locate(), { fill: normalizeColor(color) })
    );
  }

  clear(): void {
    this.call("clear", [], true, (batch) => update(batch, this[SIM].locate(), { fill: null }));
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "color") return located(batch, this[SIM].locate()).cf.fill;
    return this.unknownProperty(name);
  }
}

/** Excel.ConditionalRangeFont: the font colour. */
export class SimConditionalRangeFont extends SimClientObject<FormatLocator> {
  protected readonly typeName = "ConditionalRangeFont";
  protected readonly scalarNames = ["color"];

  get color(): string {
    return this.get("color");
  }

  set color(color: string) {
    this.set("color", color, (batch) =>
      update(batch, this[SIM].locate(), { fontColor: normalizeColor(color) })
    );
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "color") return located(batch, this[SIM].locate()).cf.fontColor;
    return this.unknownProperty(name);
  }
}

registerRangeLink(
  "conditionalFormats",
  (queue, at) => new SimConditionalFormatCollection(queue, at)
);
