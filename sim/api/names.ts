import { Reference } from "../formula/reference";
import { isError } from "../formula/values";
import { qualifiedAddress } from "../../src/grid";
import type { SimName } from "../model/book";
import { evaluateName, parsedFormula } from "../model/calc";
import type { Batch } from "../session";
import { SIM, SimClientObject, SimCollection } from "./core";
import { fail } from "./errors";
import { sheetOf, type RangeLocator } from "./locate";
import { SimRange } from "./range";

/** A name's home: a sheet id for a sheet-level name, null for the workbook. */
type Scope = string | null;

interface NameLocator {
  scope: Scope;
  /** The upper-cased name: names are case-insensitive. */
  key: string;
}

function namesIn(batch: Batch, scope: Scope): Map<string, SimName> {
  return scope === null ? batch.book.names : sheetOf(batch, scope).names;
}

/** Excel's rule for a defined name: a letter, _ or \ first, no spaces, and not a cell reference. */
function assertValidName(name: string): void {
  const looksLikeCell =
    /^[A-Za-z]{1,3}\d{1,7}$/.test(name) || /^R\d*C\d*$/i.test(name) || /^[RC]$/i.test(name);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) || name.length > 255 || looksLikeCell) {
    fail("InvalidArgument", `'${name}' is not a valid name.`);
  }
}

/** Excel.NamedItemCollection: workbook.names (workbook level) or worksheet.names (that sheet's level, ExcelApi 1.4). */
export class SimNamedItemCollection extends SimCollection<SimNamedItem, NameLocator, Scope> {
  protected readonly typeName = "NamedItemCollection";

  /** Add a name; an existing name of the same level is ItemAlreadyExists (delete it first). */
  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    const args = [
      name,
      typeof reference === "string" ? reference : { range: reference[SIM].id },
      comment ?? null,
    ];
    return this.spawn(
      new SimNamedItem(this[SIM].queue),
      "add",
      args,
      (batch) => {
        const scope = this.scopeAt(batch);
        assertValidName(name);
        const names = namesIn(batch, scope);
        const key = name.toUpperCase();
        if (names.has(key)) fail("ItemAlreadyExists", `The name '${name}' already exists.`);
        names.set(key, {
          name,
          formula: referenceFormula(batch, reference),
          comment: comment ?? "",
          visible: true,
        });
        batch.book.dirty = true;
        return { scope, key };
      },
      true
    );
  }

  getItem(name: string): SimNamedItem {
    return this.spawn(new SimNamedItem(this[SIM].queue), "getItem", [name], (batch) => {
      const scope = this.scopeAt(batch);
      const key = name.toUpperCase();
      return namesIn(batch, scope).has(key)
        ? { scope, key }
        : fail("ItemNotFound", `The name '${name}' does not exist.`);
    });
  }

  getItemOrNullObject(name: string): SimNamedItem {
    return this.spawn(new SimNamedItem(this[SIM].queue), "getItemOrNullObject", [name], (batch) => {
      const scope = this.scopeAt(batch);
      const key = name.toUpperCase();
      return namesIn(batch, scope).has(key) ? { scope, key } : null;
    });
  }

  protected itemLocators(batch: Batch): NameLocator[] {
    const scope = this.scopeAt(batch);
    return [...namesIn(batch, scope).keys()].map((key) => ({ scope, key }));
  }

  protected item(): SimNamedItem {
    return new SimNamedItem(this[SIM].queue);
  }

  private scopeAt(batch: Batch): Scope {
    const scope = this[SIM].locate();
    if (scope !== null) batch.require("1.4", "Worksheet.names");
    return scope;
  }
}

function referenceFormula(batch: Batch, reference: SimRange | string): string {
  if (typeof reference !== "string") {
    const { sheetId, area } = reference[SIM].locate();
    return `=${qualifiedAddress(sheetOf(batch, sheetId).name, area, true)}`;
  }
  const formula = reference.startsWith("=") ? reference : `=${reference}`;
  if (!parsedFormula(formula.slice(1)))
    fail("InvalidArgument", `The reference ${reference} is not valid.`);
  return formula;
}

/** Excel.NamedItem. */
export class SimNamedItem extends SimClientObject<NameLocator> {
  protected readonly typeName = "NamedItem";
  protected readonly scalarNames = [
    "comment",
    "formula",
    "name",
    "scope",
    "type",
    "value",
    "visible",
  ];

  get name(): string {
    return this.get("name");
  }

  /** "Range", "String", "Integer", "Double", "Boolean" or "Error", from what the formula evaluates to. */
  get type(): string {
    return this.get("type");
  }

  /** With "=" (ExcelApi 1.7). */
  get formula(): string {
    return this.get("formula");
  }

  set formula(formula: string) {
    this.set("formula", formula, (batch) => {
      batch.require("1.7", "NamedItem.formula");
      this.update(batch, { formula: referenceFormula(batch, formula) });
      batch.book.dirty = true;
    });
  }

  /** For a range, its address; otherwise the value. */
  get value(): unknown {
    return this.get("value");
  }

  get visible(): boolean {
    return this.get("visible");
  }

  set visible(visible: boolean) {
    this.set("visible", visible, (batch) => this.update(batch, { visible }));
  }

  get comment(): string {
    return this.get("comment");
  }

  set comment(comment: string) {
    this.set("comment", comment, (batch) => this.update(batch, { comment }));
  }

  get scope(): string {
    return this.get("scope");
  }

  delete(): void {
    this.call("delete", [], true, (batch) => {
      const { scope, key } = this[SIM].locate();
      namesIn(batch, scope).delete(key);
      batch.book.dirty = true;
    });
  }

  getRange(): SimRange {
    return this.spawn(
      new SimRange(this[SIM].queue),
      "getRange",
      [],
      (batch) =>
        this.rangeAt(batch) ?? fail("InvalidArgument", "The name does not refer to a range.")
    );
  }

  getRangeOrNullObject(): SimRange {
    return this.spawn(new SimRange(this[SIM].queue), "getRangeOrNullObject", [], (batch) =>
      this.rangeAt(batch)
    );
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const def = this.definition(batch);
    switch (name) {
      case "name":
        return def.name;
      case "formula":
        batch.require("1.7", "NamedItem.formula");
        return def.formula;
      case "visible":
        return def.visible;
      case "comment":
        return def.comment;
      case "scope":
        return this[SIM].locate().scope === null ? "Workbook" : "Worksheet";
      case "type":
      case "value":
        return this.evaluated(batch)[name];
      default:
        return this.unknownProperty(name);
    }
  }

  private definition(batch: Batch): SimName {
    const { scope, key } = this[SIM].locate();
    return namesIn(batch, scope).get(key) ?? fail("ItemNotFound", "The name no longer exists.");
  }

  private update(batch: Batch, patch: Partial<SimName>): void {
    const { scope, key } = this[SIM].locate();
    namesIn(batch, scope).set(key, { ...this.definition(batch), ...patch });
  }

  private evaluated(batch: Batch): { type: string; value: unknown } {
    const v = evaluateName(batch.book, this.definition(batch).formula, this.homeSheet(batch));
    if (v instanceof Reference)
      return { type: "Range", value: this.definition(batch).formula.slice(1) };
    if (isError(v)) return { type: "Error", value: v.code };
    if (typeof v === "number")
      return { type: Number.isInteger(v) ? "Integer" : "Double", value: v };
    if (typeof v === "boolean") return { type: "Boolean", value: v };
    return { type: "String", value: v ?? "" };
  }

  /** The sheet unqualified references in the formula belong to. */
  private homeSheet(batch: Batch): string {
    const { scope } = this[SIM].locate();
    if (scope !== null) return sheetOf(batch, scope).name;
    return (batch.book.sheetById(batch.book.activeSheetId) ?? batch.book.sheets[0]).name;
  }

  private rangeAt(batch: Batch): RangeLocator | null {
    const v = evaluateName(batch.book, this.definition(batch).formula, this.homeSheet(batch));
    if (!(v instanceof Reference)) return null;
    const sheet = batch.book.sheetByName(v.sheet);
    return sheet ? { sheetId: sheet.id, area: { r1: v.r1, c1: v.c1, r2: v.r2, c2: v.c2 } } : null;
  }
}
