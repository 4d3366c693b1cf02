import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { bindingName } from "../../src/engine";
import { qualified } from "../../src/grid";
import { validateWorkbook, type ValidateOptions } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { type CellModel, type WorkbookModel, writeXlsx } from "../../sim";

/** A sheet holding one statement's worth of values in column C, row = position, bound by names. */
export function boundSheet(
  sheet: string,
  values: Record<string, number | string | boolean | null | Omit<CellModel, "ref">>,
  level: "sheet" | "workbook"
): { cells: CellModel[]; names: NonNullable<WorkbookModel["names"]> } {
  const cells: CellModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  Object.entries(values).forEach(([code, v], i) => {
    const ref = `C${i + 2}`;
    cells.push({ ref: `D${i + 2}`, value: Number(code) });
    if (v !== null && typeof v === "object") cells.push({ ref, ...v });
    else if (v !== null) cells.push({ ref, value: v });
    names.push({
      name: bindingName(code),
      refersTo: qualified(sheet, `$C$${i + 2}`, { always: true }),
      ...(level === "sheet" ? { localSheet: sheet } : {}),
    });
  });
  return { cells, names };
}

export async function check(model: WorkbookModel, opts: ValidateOptions = {}) {
  return validateWorkbook(new XlsxReader(writeXlsx(model)), opts);
}

/** A small, consistent 4d(2) statement: 7040 = 100 + 20 - 5 = 115, 7060 = 115, 7180 = 150, 7190 = 35. */
export const SMALL_SEG = {
  "7010": 100,
  "7020": 20,
  "7033": -5,
  "7040": 115,
  "7060": 115,
  "7070": 150,
  "7180": 150,
  "7190": 35,
};

/** Add raw <definedName> elements the writer (rightly) refuses, such as case-variant duplicates. */
export function withRawNames(bytes: Uint8Array, xml: string): Uint8Array {
  const parts = unzipSync(bytes);
  const wb = strFromU8(parts["xl/workbook.xml"]);
  parts["xl/workbook.xml"] = strToU8(
    wb.includes("</definedNames>")
      ? wb.replace("</definedNames>", `${xml}</definedNames>`)
      : wb.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`)
  );
  return zipSync(parts);
}

export async function checkBytes(bytes: Uint8Array, opts: ValidateOptions = {}) {
  return validateWorkbook(new XlsxReader(bytes), opts);
}
