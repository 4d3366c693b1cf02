import { isKnownCode, type CellContent } from "../engine";
import { LABEL_SCAN_ROWS, type GridCell } from "./port";

/** A line code read from a cell: 7010, "7010" or "[7010]", and only a known one. */
export function codeInCell(content: CellContent): string | null {
  const v = content.value;
  if (!v) return null;
  let s: string | null = null;
  if (v.type === "number" && Number.isInteger(v.value)) s = String(v.value);
  else if (v.type === "text") {
    const m = /^\s*\[?\s*(\d{4})\s*\]?\s*$/.exec(v.text);
    s = m ? m[1] : null;
  }
  return s && isKnownCode(s) ? s : null;
}

/**
 * The cells detection judges, whichever adapter read them: every cell of the first
 * LABEL_SCAN_ROWS rows and, below, each code cell with the cell just left of it, which is what
 * the .xlsx reader keeps while parsing (xlsx-reader.ts). The Office adapter reads every row
 * (read-grid.ts); without this, the words and amounts it alone sees far down would make the
 * pane's Scan propose what focus-check --detect does not.
 */
export function detectionCells(grid: GridCell[]): GridCell[] {
  if (!grid.some((c) => c.row > LABEL_SCAN_ROWS)) return grid;
  const codeCells = new Set<string>();
  for (const c of grid)
    if (c.row > LABEL_SCAN_ROWS && codeInCell(c.content) !== null)
      codeCells.add(`${c.row}:${c.col}`);
  return grid.filter(
    (c) =>
      c.row <= LABEL_SCAN_ROWS ||
      codeCells.has(`${c.row}:${c.col}`) ||
      codeCells.has(`${c.row}:${c.col + 1}`)
  );
}

export interface Detected {
  /** code → the amount cells found for it (more than one is a duplicate). */
  codes: Map<string, { row: number; col: number }[]>;
}

/**
 * The printed form's layout: a code cell holds exactly a known code, and its
 * amount is the cell immediately to its left (blank when that cell is empty).
 * Read right to left, so a cell that is both a code and the amount of the code
 * cell to its right is taken as the amount.
 */
export function detectLayout(grid: GridCell[]): Detected {
  const rows = new Map<number, GridCell[]>();
  for (const c of grid) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  const codes = new Map<string, { row: number; col: number }[]>();
  for (const [row, cells] of rows) {
    cells.sort((a, b) => b.col - a.col);
    const consumed = new Set<number>();
    for (const cell of cells) {
      if (consumed.has(cell.col) || cell.col < 2) continue;
      const code = codeInCell(cell.content);
      if (!code) continue;
      consumed.add(cell.col - 1);
      codes.set(code, [...(codes.get(code) ?? []), { row, col: cell.col - 1 }]);
    }
  }
  return { codes };
}
