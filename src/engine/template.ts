import { bindingName } from "./binding-name";
import { excelFormula } from "./excel-formula";
import { STATEMENTS } from "./statements";
import type { Code, StatementDef } from "./types";

/**
 * A statement laid out as the form prints it: line, label, then the amount with
 * its code immediately to its right (inner column C/D for parts printed beside
 * their total, outer column E/F for lines and totals). The same layout serves
 * the bundled example, the pane's Insert template and the browser preview, and
 * layout detection (--detect) reads it back.
 */
export const AMOUNT_FORMAT = "#,##0;(#,##0)";

/** Lines the form prints in the inner column: parts shown beside the total they make (`inner` in each statement file). */
export const INNER_COLUMN: ReadonlySet<Code> = new Set(
  STATEMENTS.flatMap((st) => st.lines.filter((l) => l.inner).map((l) => l.code))
);

export interface TemplateCell {
  /** A1 address on the sheet. */
  ref: string;
  value?: number | string;
  /** With leading "=". */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

export interface TemplateName {
  name: string;
  code: Code;
  /** Absolute A1 address on the template's sheet, e.g. "$E$6". */
  address: string;
}

export interface TemplateSheet {
  sheet: string;
  cells: TemplateCell[];
  names: TemplateName[];
  /** Column widths in characters. */
  columnWidths: Record<string, number>;
}

export interface TemplateOptions {
  sheet: string;
  firm?: string;
  asOf?: string;
  /** Keyed values by code (blank when absent). Derived lines with `derived: "values"` take theirs from here too. */
  values?: Record<Code, number | string | null>;
  /** Derived lines as native Excel formulas over the sheet's FOCUS_ names, or as the keyed values. */
  derived: "formulas" | "values";
  /** Only these lines (default: every line of the statement). */
  codes?: readonly Code[];
}

export function statementTemplate(statement: StatementDef, opts: TemplateOptions): TemplateSheet {
  const cells: TemplateCell[] = [
    { ref: "A1", value: opts.firm ?? "Name of firm", bold: true },
    { ref: "A2", value: statement.title, bold: true },
    { ref: "A3", value: opts.asOf ? `as of ${opts.asOf}` : "as of" },
    { ref: "A5", value: "Line", bold: true },
    { ref: "B5", value: "Description", bold: true },
    { ref: "E5", value: "Amount", bold: true },
    { ref: "F5", value: "Code", bold: true },
  ];
  const names: TemplateName[] = [];
  const included = statement.lines.filter((l) => !opts.codes || opts.codes.includes(l.code));
  const present = new Set(included.map((l) => l.code));
  let row = 6;
  let page = included[0]?.page;
  for (const line of included) {
    if (line.page !== page) {
      row++;
      cells.push({ ref: `A${row++}`, value: `Page ${line.page}`, bold: true });
      page = line.page;
    }
    const [amountCol, codeCol] = line.inner ? ["C", "D"] : ["E", "F"];
    cells.push({ ref: `A${row}`, value: line.line });
    cells.push({ ref: `B${row}`, value: line.label, bold: line.kind === "derived" });
    const amount: TemplateCell = { ref: `${amountCol}${row}` };
    if (line.kind !== "text") amount.numberFormat = AMOUNT_FORMAT;
    if (line.kind === "derived" && opts.derived === "formulas") {
      amount.formula = excelFormula(line.code, { isBound: (c) => present.has(c) });
    } else {
      const v = opts.values?.[line.code];
      if (v !== null && v !== undefined) amount.value = v;
    }
    cells.push(amount);
    cells.push({ ref: `${codeCol}${row}`, value: Number(line.code) });
    names.push({ name: bindingName(line.code), code: line.code, address: `$${amountCol}$${row}` });
    row++;
  }
  return {
    sheet: opts.sheet,
    cells,
    names,
    columnWidths: { A: 7, B: 78, C: 16, D: 7, E: 18, F: 7 },
  };
}

/** The cell a template binds to a code, e.g. for tests and the pane's "jump to". */
export function templateCellOf(t: TemplateSheet, code: Code): string | undefined {
  return t.names.find((n) => n.code === code)?.address.replace(/\$/g, "");
}
