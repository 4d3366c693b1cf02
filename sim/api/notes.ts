import { parseArea, splitQualified } from "../../src/grid";
import { SIM_USER, type SimNoteModel, type SimSheet } from "../model/book";
import type { Batch } from "../session";
import { SIM, SimClientObject, SimCollection } from "./core";
import { fail } from "./errors";
import { assertFormatWritable, sheetOf, type RangeLocator } from "./locate";
import { SimRange } from "./range";

const REQUIRES = "1.18";

interface NoteLocator {
  sheetId: string;
  id: string;
}

function located(
  batch: Batch,
  at: NoteLocator
): { sheet: SimSheet; note: SimNoteModel; index: number } {
  batch.require(REQUIRES, "Notes");
  const sheet = sheetOf(batch, at.sheetId);
  const index = sheet.notes.findIndex((n) => n.id === at.id);
  if (index < 0) fail("ItemNotFound", "The note no longer exists.");
  return { sheet, note: sheet.notes[index], index };
}

/** Excel.NoteCollection (ExcelApi 1.18): workbook.notes (every sheet's) or worksheet.notes. */
export class SimNoteCollection extends SimCollection<SimNote, NoteLocator, string | null> {
  protected readonly typeName = "NoteCollection";

  /** A note on one cell, given as a Range or an address ("'Day 1'!B3"; "B3" on a worksheet's collection). */
  add(cellAddress: SimRange | string, content: string): SimNote {
    const where = typeof cellAddress === "string" ? cellAddress : { range: cellAddress[SIM].id };
    return this.spawn(
      new SimNote(this[SIM].queue),
      "add",
      [where, content],
      (batch) => {
        batch.require(REQUIRES, "NoteCollection.add");
        const { sheetId, area } = this.cellAt(batch, cellAddress);
        if (area.r1 !== area.r2 || area.c1 !== area.c2)
          fail("InvalidArgument", "A note belongs to a single cell.");
        const sheet = sheetOf(batch, sheetId);
        assertFormatWritable(sheet);
        if (sheet.notes.some((n) => n.row === area.r1 && n.col === area.c1))
          fail("InvalidOperation", "The cell already has a note.");
        const id = batch.book.newId("note");
        sheet.notes.push({
          id,
          row: area.r1,
          col: area.c1,
          content: String(content),
          author: SIM_USER,
        });
        return { sheetId, id };
      },
      true
    );
  }

  getItemAt(index: number): SimNote {
    return this.spawn(new SimNote(this[SIM].queue), "getItemAt", [index], (batch) => {
      return (
        this.itemLocators(batch)[index] ??
        fail("ItemNotFound", `There is no note at index ${index}.`)
      );
    });
  }

  protected itemLocators(batch: Batch): NoteLocator[] {
    batch.require(REQUIRES, "Notes");
    const scope = this[SIM].locate();
    const sheets = scope === null ? batch.book.sheets : [sheetOf(batch, scope)];
    return sheets.flatMap((s) => s.notes.map((n) => ({ sheetId: s.id, id: n.id })));
  }

  protected item(): SimNote {
    return new SimNote(this[SIM].queue);
  }

  private cellAt(batch: Batch, cell: SimRange | string): RangeLocator {
    if (typeof cell !== "string") return cell[SIM].locate();
    const scope = this[SIM].locate();
    const { sheet, address } = splitQualified(cell);
    const target =
      sheet !== null
        ? batch.book.sheetByName(sheet)
        : scope !== null
          ? sheetOf(batch, scope)
          : undefined;
    const area = parseArea(address);
    if (!target || !area)
      return fail("InvalidArgument", `The cell address '${cell}' is not valid here.`);
    return { sheetId: target.id, area };
  }
}

/** Excel.Note. */
export class SimNote extends SimClientObject<NoteLocator> {
  protected readonly typeName = "Note";
  protected readonly scalarNames = ["authorName", "content"];

  get content(): string {
    return this.get("content");
  }

  set content(content: string) {
    this.set("content", content, (batch) => {
      const { sheet, note, index } = located(batch, this[SIM].locate());
      assertFormatWritable(sheet);
      sheet.notes[index] = { ...note, content: String(content) };
    });
  }

  get authorName(): string {
    return this.get("authorName");
  }

  delete(): void {
    this.call("delete", [], true, (batch) => {
      const { sheet, index } = located(batch, this[SIM].locate());
      assertFormatWritable(sheet);
      sheet.notes.splice(index, 1);
    });
  }

  /** The cell the note is on. */
  getLocation(): SimRange {
    return this.spawn(new SimRange(this[SIM].queue), "getLocation", [], (batch) => {
      const { sheet, note } = located(batch, this[SIM].locate());
      return {
        sheetId: sheet.id,
        area: { r1: note.row, c1: note.col, r2: note.row, c2: note.col },
      };
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    const { note } = located(batch, this[SIM].locate());
    if (name === "content") return note.content;
    if (name === "authorName") return note.author;
    return this.unknownProperty(name);
  }
}
