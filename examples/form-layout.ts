import { STATEMENTS, statementTemplate, type StatementDef } from "../src/engine";
import type { SheetModel, WorkbookModel } from "../sim";

export interface FormOptions {
  firm: string;
  asOf: string;
  /** The value keyed for each code; null or missing = blank. */
  values: Record<string, number | string | null>;
  /** Statements to lay out, and the sheet name of each. */
  sheets: { statement: StatementDef; sheet: string; codes?: string[] }[];
}

/**
 * A filed statement as a workbook: each statement on its own sheet laid out like
 * the form (src/engine/template.ts), totals typed as filed, every amount bound by
 * a workbook-level name FOCUS_<code> (one period, so one scope).
 */
export function formWorkbook(opts: FormOptions): WorkbookModel {
  const sheets: SheetModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  for (const { statement, sheet, codes } of opts.sheets) {
    const t = statementTemplate(statement, {
      sheet,
      firm: opts.firm,
      asOf: opts.asOf,
      values: opts.values,
      derived: "values",
      codes,
    });
    sheets.push({
      name: sheet,
      cells: t.cells.map((c) => ({ ...c, formula: c.formula?.replace(/^=/, "") })),
      columnWidths: t.columnWidths,
    });
    for (const n of t.names)
      names.push({ name: n.name, refersTo: `'${sheet.replace(/'/g, "''")}'!${n.address}` });
  }
  return { sheets, names };
}

export const SEED_SHEETS = [
  { statement: STATEMENTS[0], sheet: "Seg 4d(2)" },
  { statement: STATEMENTS[1], sheet: "Dealer options 32.6" },
  { statement: STATEMENTS[2], sheet: "Secured 30.7" },
  { statement: STATEMENTS[3], sheet: "Cleared swaps 4d(f)" },
  { statement: STATEMENTS[4], sheet: "Capital", codes: ["7455", "7490", "7495"] },
];
