/** The marks asked for, checked and grouped by sheet and cell (several on one cell: every note, the fill of the highest priority). */
import { cellKey, indexToCol } from "../../../grid";
import { cellPos, normalizeArgb } from "../ooxml";
import type { XlsxWorkbook } from "../reader";

/** A cell to fill and give a note. What the fill means is the caller's business. */
export interface Mark {
  sheet: string;
  /** "B31", no $. */
  address: string;
  /** The fill colour, ARGB ("FFFFC7CE") or RGB ("FFC7CE"). */
  fill: string;
  note: string;
  /** Where several marks name one cell, the fill of the first with the highest priority wins (default 0). */
  priority?: number;
}

export interface CellMark {
  row: number;
  col: number;
  ref: string;
  /** ARGB. */
  fill: string;
  priority: number;
  notes: string[];
}

export function groupMarks(wb: XlsxWorkbook, marks: Mark[]): Map<number, Map<number, CellMark>> {
  const bySheet = new Map<number, Map<number, CellMark>>();
  for (const m of marks) {
    const sheet =
      wb.sheets.find((s) => s.name === m.sheet) ??
      wb.sheets.find((s) => s.name.toLowerCase() === String(m.sheet).toLowerCase());
    if (!sheet)
      throw new Error(
        `annotate: no sheet named "${m.sheet}" (the workbook has ${wb.sheets.map((s) => `"${s.name}"`).join(", ")})`
      );
    if (sheet.kind !== "worksheet")
      throw new Error(
        `annotate: sheet "${m.sheet}" is ${sheet.kind === "chartsheet" ? "a chart sheet" : "not a worksheet"}: it has no cells to mark`
      );
    const pos = cellPos(m.address, `annotate: sheet "${m.sheet}"`);
    const fill = typeof m.fill === "string" ? normalizeArgb(m.fill) : null;
    if (!fill)
      throw new Error(
        `annotate: ${m.sheet}!${m.address}: ${JSON.stringify(m.fill)} is not a colour`
      );
    const priority = m.priority ?? 0;
    let cells = bySheet.get(sheet.index);
    if (!cells) bySheet.set(sheet.index, (cells = new Map()));
    const key = cellKey(pos.row, pos.col);
    const prev = cells.get(key);
    const note = String(m.note ?? "");
    if (prev) {
      if (priority > prev.priority) {
        prev.fill = fill;
        prev.priority = priority;
      }
      prev.notes.push(note);
    } else
      cells.set(key, {
        row: pos.row,
        col: pos.col,
        ref: `${indexToCol(pos.col)}${pos.row}`,
        fill,
        priority,
        notes: [note],
      });
  }
  return bySheet;
}
