/// <reference types="office-js" />
import type { NameInfo, SheetInfo, WorkbookStructure } from "../port";
import { errorCode, type ExcelHost } from "./excel-host";
import { gridOf } from "./read-grid";
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
