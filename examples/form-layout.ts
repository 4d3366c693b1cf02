import { STATEMENTS } from "../src/engine/statements";
import type { StatementDef } from "../src/engine/types";
import type { CellModel, SheetModel, WorkbookModel } from "../src/workbook/xlsx/writer";

export const AMOUNT_FORMAT = "#,##0;(#,##0)";

export interface FormOptions {
  firm: string;
  asOf: string;
  /** The value keyed for each code; null or missing = blank. */
  values: Record<string, number | string | null>;
  /** Codes printed in the inner column (C/D) rather than the outer one (E/F). */
  inner: Set<string>;
  /** Statements to lay out, and the sheet name of each. */
  sheets: { statement: StatementDef; sheet: string; codes?: string[] }[];
}

/**
 * Statements laid out as the form prints them: line, label, then the amount with
 * its code immediately to its right (inner column C/D for parts, outer E/F for
 * lines and totals), so both names and layout detection find every line.
 */
export function formWorkbook(opts: FormOptions): WorkbookModel {
  const sheets: SheetModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  for (const { statement, sheet, codes } of opts.sheets) {
    const cells: CellModel[] = [
      { ref: "A1", value: opts.firm, bold: true },
      { ref: "A2", value: statement.title, bold: true },
      { ref: "A3", value: `as of ${opts.asOf}` },
      { ref: "A5", value: "Line", bold: true },
      { ref: "B5", value: "Description", bold: true },
      { ref: "E5", value: "Amount", bold: true },
      { ref: "F5", value: "Code", bold: true },
    ];
    let row = 6;
    let page = statement.lines[0]?.page;
    for (const line of statement.lines) {
      if (codes && !codes.includes(line.code)) continue;
      if (line.page !== page) {
        row++;
        cells.push({ ref: `A${row++}`, value: `Page ${line.page}`, bold: true });
        page = line.page;
      }
      const [amountCol, codeCol] = opts.inner.has(line.code) ? ["C", "D"] : ["E", "F"];
      const v = opts.values[line.code];
      cells.push({ ref: `A${row}`, value: line.line });
      cells.push({ ref: `B${row}`, value: line.label, bold: line.kind === "derived" });
      const amount: CellModel = { ref: `${amountCol}${row}`, numberFormat: line.kind === "text" ? undefined : AMOUNT_FORMAT };
      if (v !== null && v !== undefined) amount.value = v;
      cells.push(amount);
      cells.push({ ref: `${codeCol}${row}`, value: Number(line.code) });
      names.push({ name: `FOCUS_${line.code}`, refersTo: `'${sheet.replace(/'/g, "''")}'!$${amountCol}$${row}` });
      row++;
    }
    sheets.push({ name: sheet, cells, columnWidths: { A: 7, B: 78, C: 16, D: 7, E: 18, F: 7 } });
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
