/** The marks asked for, checked and grouped by sheet and cell (several on one cell: the highest severity, every note). */
import { indexToCol } from "../../../engine/a1";
import { cellPos } from "../ooxml";
import type { XlsxWorkbook } from "../reader";

export type Severity = "error" | "warning" | "info";

export interface Mark {
  sheet: string;
  /** "B31", no $. */
  address: string;
  severity: Severity;
  note: string;
}

/** The fill of each severity (ARGB). */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
export const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export interface CellMark {
  row: number;
  col: number;
  ref: string;
  severity: Severity;
  notes: string[];
}

export function groupMarks(wb: XlsxWorkbook, marks: Mark[]): Map<number, Map<number, CellMark>> {
  const bySheet = new Map<number, Map<number, CellMark>>();
  for (const m of marks) {
    const sheet = wb.sheets.find((s) => s.name === m.sheet) ?? wb.sheets.find((s) => s.name.toLowerCase() === String(m.sheet).toLowerCase());
    if (!sheet) throw new Error(`annotate: no sheet named "${m.sheet}" (the workbook has ${wb.sheets.map((s) => `"${s.name}"`).join(", ")})`);
    if (sheet.kind !== "worksheet") throw new Error(`annotate: sheet "${m.sheet}" is a ${sheet.kind}, not a worksheet: its cells cannot be marked`);
    const pos = cellPos(m.address, `annotate: sheet "${m.sheet}"`);
    if (!(m.severity in RANK)) throw new Error(`annotate: ${m.sheet}!${m.address}: unknown severity ${JSON.stringify(m.severity)}`);
    let cells = bySheet.get(sheet.index);
    if (!cells) bySheet.set(sheet.index, (cells = new Map()));
    const key = pos.row * 16385 + pos.col;
    const prev = cells.get(key);
    const note = String(m.note ?? "");
    if (prev) {
      if (RANK[m.severity] > RANK[prev.severity]) prev.severity = m.severity;
      prev.notes.push(note);
    } else cells.set(key, { row: pos.row, col: pos.col, ref: `${indexToCol(pos.col)}${pos.row}`, severity: m.severity, notes: [note] });
  }
  return bySheet;
}
