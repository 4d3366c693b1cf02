import type { CellValue } from "../src/engine";
import { XlsxWorkbook } from "../src/workbook/xlsx/reader";
import { writeXlsx, type CellModel, type SheetModel, type WorkbookModel } from "./xlsx-writer";
import { BUSY, FormulaError, isError, isErrorCode, VALUE, type Scalar } from "./formula/values";
import { areaA1, cellKey, colToIndex, indexToCol, keyCol, keyRow, parseArea } from "../src/grid";
import { SIM_USER, SimBook, type SimCell, type Visibility } from "./model/book";
import { computeMissingResults } from "./model/calc";

/** Excel's column width in points for a width in characters of the default font (8.43 characters = 64 px = 48 pt). */
export const charactersToPoints = (chars: number): number =>
  Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
export const pointsToCharacters = (points: number): number =>
  Math.round(((points / 0.75 - 5) / 7) * 100) / 100;

const VISIBILITY: Record<string, Visibility> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** A workbook from the .xlsx writer's model: values, formulas and results, formats, notes, merges, widths, protection, names. */
export function fromModel(model: WorkbookModel): SimBook {
  const book = new SimBook();
  for (const s of model.sheets) {
    const sheet = book.addSheet(s.name);
    sheet.visibility = VISIBILITY[s.state ?? "visible"];
    sheet.isProtected = s.protected === true;
    sheet.merges = (s.merges ?? []).map((m) => parseArea(m)!);
    for (const [letters, chars] of Object.entries(s.columnWidths ?? {}))
      sheet.columnWidths.set(colToIndex(letters), charactersToPoints(chars));
    for (const c of s.cells) {
      const at = parseArea(c.ref)!;
      const cell: Partial<SimCell> = {
        value:
          c.error !== undefined && isErrorCode(c.error)
            ? FormulaError.of(c.error)
            : (c.value ?? null),
        formula: c.formula,
        numberFormat: c.numberFormat ?? "General",
        bold: c.bold === true,
        fill: c.fill ? `#${c.fill.slice(-6).toUpperCase()}` : null,
      };
      sheet.updateCell(at.r1, at.c1, cell);
      if (c.note !== undefined)
        sheet.notes.push({
          id: book.newId("note"),
          row: at.r1,
          col: at.c1,
          content: c.note,
          author: SIM_USER,
        });
    }
  }
  for (const n of model.names ?? []) {
    const names = n.localSheet === undefined ? book.names : book.sheetByName(n.localSheet)!.names;
    names.set(n.name.toUpperCase(), {
      name: n.name,
      formula: `=${n.refersTo.replace(/^=/, "")}`,
      comment: "",
      visible: n.hidden !== true,
    });
  }
  book.calculationMode = model.calcMode === "manual" ? "Manual" : "Automatic";
  computeMissingResults(book);
  return book;
}

/**
 * A workbook from .xlsx bytes, through the add-in's own reader: values, formulas and
 * their cached results, number formats, merges, protection, sheet- and workbook-level
 * names, calculation mode. (The reader does not surface fonts, fills, notes or widths.)
 */
export function fromXlsx(bytes: Uint8Array): SimBook {
  const wb = XlsxWorkbook.fromBytes(bytes);
  const worksheets = wb.sheets.filter((s) => s.kind === "worksheet");
  wb.load(new Map(worksheets.map((s) => [s.index, "all" as const])));
  const book = new SimBook();
  for (const s of worksheets) {
    const sheet = book.addSheet(s.name);
    sheet.visibility = VISIBILITY[s.state];
    const data = wb.sheet(s.index)!;
    sheet.isProtected = data.protected;
    sheet.merges = data.merges.map((m) => ({ ...m }));
    for (const [key, content] of data.cells) {
      // The reader keys cells as row * 16385 + col, as the model does.
      sheet.updateCell(keyRow(key), keyCol(key), {
        value: content.value ? scalarOf(content.value) : null,
        formula: content.formula,
        numberFormat: content.numberFormat ?? "General",
      });
    }
  }
  for (const n of wb.names) {
    const owner =
      n.localSheetId === null ? null : book.sheetByName(wb.sheets[n.localSheetId]?.name ?? "");
    if (n.localSheetId !== null && !owner) continue;
    (owner ? owner.names : book.names).set(n.name.toUpperCase(), {
      name: n.name,
      formula: `=${n.refersTo}`,
      comment: "",
      visible: !n.hidden,
    });
  }
  // Chart sheets keep their names, unseen by the API (model/book.ts, chartSheets).
  book.chartSheets = wb.sheets.filter((s) => s.kind === "chartsheet").map((s) => s.name);
  book.calculationMode = wb.calcMode === "manual" ? "Manual" : "Automatic";
  computeMissingResults(book);
  return book;
}

function scalarOf(v: CellValue): Scalar {
  switch (v.type) {
    case "blank":
      return null;
    case "number":
      return v.value;
    case "text":
      return v.text;
    case "boolean":
      return v.value;
    case "error":
      return isErrorCode(v.error) ? FormulaError.of(v.error) : VALUE;
  }
}

/**
 * The writer's model of a workbook: what .xlsx keeps of it. Conditional formats, font
 * colours and unlocked cells are not carried: the writer has no support for them.
 */
export function toModel(book: SimBook): WorkbookModel {
  const sheets: SheetModel[] = book.sheets.map((sheet) => {
    const cells = new Map<number, CellModel>();
    for (const [key, c] of sheet.cells) {
      const cell: CellModel = { ref: `${indexToCol(keyCol(key))}${keyRow(key)}` };
      // A custom function's pending result (#BUSY!) is saved as no result: Excel computes it on open.
      if (isError(c.value)) {
        if (c.value !== BUSY) cell.error = c.value.code;
      } else if (c.value !== null) cell.value = c.value;
      if (c.formula !== undefined) cell.formula = c.formula;
      if (c.numberFormat !== "General") cell.numberFormat = c.numberFormat;
      if (c.bold) cell.bold = true;
      if (c.fill && /^#[0-9A-F]{6}$/i.test(c.fill))
        cell.fill = `FF${c.fill.slice(1).toUpperCase()}`;
      cells.set(key, cell);
    }
    for (const n of sheet.notes) {
      const key = cellKey(n.row, n.col);
      cells.set(key, {
        ...(cells.get(key) ?? { ref: `${indexToCol(n.col)}${n.row}` }),
        note: n.content,
      });
    }
    const widths = Object.fromEntries(
      [...sheet.columnWidths].map(([col, pt]) => [indexToCol(col), pointsToCharacters(pt)])
    );
    return {
      name: sheet.name,
      state:
        sheet.visibility === "Visible"
          ? "visible"
          : sheet.visibility === "Hidden"
            ? "hidden"
            : "veryHidden",
      cells: [...cells.values()],
      merges: sheet.merges.map((m) => areaA1(m)),
      columnWidths: widths,
      protected: sheet.isProtected,
    };
  });
  const names: NonNullable<WorkbookModel["names"]> = [
    ...[...book.names.values()].map((n) => ({
      name: n.name,
      refersTo: n.formula.replace(/^=/, ""),
      hidden: !n.visible,
    })),
    ...book.sheets.flatMap((s) =>
      [...s.names.values()].map((n) => ({
        name: n.name,
        refersTo: n.formula.replace(/^=/, ""),
        localSheet: s.name,
        hidden: !n.visible,
      }))
    ),
  ];
  return { sheets, names, calcMode: book.calculationMode === "Manual" ? "manual" : "auto" };
}

export const toXlsx = (book: SimBook): Uint8Array => writeXlsx(toModel(book));
