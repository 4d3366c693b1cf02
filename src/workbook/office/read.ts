/// <reference types="office-js" />
import type { GridCell, NameInfo, SheetInfo, WorkbookStructure } from "../port";
import { officeCellContent } from "./cell-content";
import { errorCode, type ExcelHost } from "./excel-host";
import { REVIEW_SHEET } from "../review-sheet";

const VISIBILITY: Record<string, SheetInfo["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/**
 * The workbook's sheets, names (both levels) and calculation mode in two syncs: the
 * sheets and workbook-level names first, then every sheet's own names at once.
 */
export function readStructure(host: ExcelHost): Promise<WorkbookStructure> {
  if (!host.supports("1.7"))
    return Promise.reject(
      new Error("Reading defined names needs Excel with ExcelApi 1.7 or later.")
    );
  return host.read(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name, items/visibility");
    const workbookNames = context.workbook.names.load("items/name, items/formula");
    context.application.load("calculationMode");
    await context.sync();
    const loadSheetNames = () => sheets.items.map((s) => s.names.load("items/name, items/formula"));
    let sheetNames = loadSheetNames();
    // The add-in's review record rides on the same sync: it is small and every Validate needs it.
    const recordSheet = sheets.items.find(
      (s) => s.name.toLowerCase() === REVIEW_SHEET.toLowerCase()
    );
    let record = recordSheet
      ?.getUsedRangeOrNullObject(true)
      .load("values, valueTypes, rowIndex, columnIndex");
    let reviewProblem: string | undefined;
    try {
      await context.sync();
    } catch (e) {
      if (!record) throw e;
      // A record sheet too large for one response (filled by something else) must not stop
      // Validate: read the names again without it, and say the record could not be read.
      record = undefined;
      reviewProblem = `the ${REVIEW_SHEET} sheet is too large to read in one request (${errorCode(e) ?? "refused"}): it was filled by something else and is not read`;
      sheetNames = loadSheetNames();
      await context.sync();
    }
    const names: NameInfo[] = workbookNames.items.map((n) => ({
      name: n.name,
      sheet: null,
      formula: stripEquals(n.formula),
    }));
    sheets.items.forEach((s, i) =>
      names.push(
        ...sheetNames[i].items.map((n) => ({
          name: n.name,
          sheet: s.name,
          formula: stripEquals(n.formula),
        }))
      )
    );
    return {
      sheets: sheets.items.map((s) => ({
        name: s.name,
        visibility: VISIBILITY[s.visibility] ?? "visible",
        isWorksheet: true,
      })),
      names,
      calculation: context.application.calculationMode === "Manual" ? "manual" : "automatic",
      review: record && !record.isNullObject ? gridOf(record) : null,
      ...(reviewProblem ? { reviewProblem } : {}),
    };
  });
}

const stripEquals = (formula: unknown): string => String(formula).replace(/^=/, "");

/** Every non-empty cell of a sheet's used range, in one sync (values and types: layout detection needs no more). */
export function readGrid(host: ExcelHost, sheetName: string): Promise<GridCell[]> {
  return host.read(async (context) => {
    const used = context.workbook.worksheets
      .getItem(sheetName)
      .getUsedRangeOrNullObject(true)
      .load("values, valueTypes, rowIndex, columnIndex");
    await context.sync();
    return used.isNullObject ? [] : gridOf(used);
  });
}

/** A loaded used range's non-empty cells, 1-based. */
function gridOf(used: Excel.Range): GridCell[] {
  const cells: GridCell[] = [];
  used.values.forEach((row, i) =>
    row.forEach((value, j) => {
      const type = used.valueTypes[i][j];
      if (type === "Empty") return;
      cells.push({
        row: used.rowIndex + i + 1,
        col: used.columnIndex + j + 1,
        content: officeCellContent(value, undefined, type, undefined),
      });
    })
  );
  return cells;
}
