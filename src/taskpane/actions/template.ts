import { statementTemplate, statementOf, type StatementId } from "../../engine";
import type { SheetSpec, Workbook } from "../../workbook/port";
import { sameName } from "./cell-ref";

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/** "4d(2) segregation template", then "… template (2)" and so on while taken; within Excel's 31 characters. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[[\]:*?/\\]/g, " ").trim();
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}

/**
 * Insert a sheet laid out like the form: derived lines as native Excel formulas
 * over the sheet's own FOCUS_ names, so it computes without the add-in and a
 * copy of it is a new period.
 */
export async function insertTemplate(wb: Workbook, id: StatementId): Promise<string> {
  const statement = statementOf(id);
  const { sheets } = await wb.structure();
  const name = uniqueSheetName(
    `${statement.short} template`,
    sheets.map((s) => s.name)
  );
  const t = statementTemplate(statement, { sheet: name, derived: "formulas" });
  const spec: SheetSpec = {
    name,
    cells: t.cells.map((c) => ({
      sheet: name,
      address: c.ref,
      ...(c.formula !== undefined ? { formula: c.formula } : {}),
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
      ...(c.bold !== undefined ? { bold: c.bold } : {}),
    })),
    names: t.names.map((n) => ({ name: n.name, address: n.address })),
    columnWidths: t.columnWidths,
  };
  return wb.addSheet(spec);
}
