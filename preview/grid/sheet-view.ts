import { usedArea, type SimSheet, type SimState } from "../../sim";
import { cellKey, keyCol, parseArea } from "../../src/grid";
import { formatCell } from "./number-format";

export interface CellView {
  text: string;
  align: "left" | "right" | "center";
  bold: boolean;
  /** "#RRGGBB": a conditional format's fill wins over the cell's own, as in Excel. */
  fill: string | null;
  color: string | null;
  note: string | null;
  /** Text running on over the empty cells to its right, as in Excel: the pixels it may take. */
  spill: number | null;
}

export interface SheetView {
  name: string;
  rowCount: number;
  colCount: number;
  /** By cellKey(row, col); empty cells are absent. */
  cells: Map<number, CellView>;
  /** Column widths in pixels: the workbook's, else wide enough for what the column shows. */
  widths: number[];
}

/** Room to type beyond the used range, as a sheet always has. */
const SPARE_ROWS = 10;
const SPARE_COLS = 2;
const MIN_ROWS = 30;
const MIN_COLS = 8;
/** Excel's default column (8.43 characters) and a cap for columns sized to their content. */
const DEFAULT_WIDTH = 64;
const MAX_FITTED_WIDTH = 360;
const CHARACTER_WIDTH = 7;

/** What the grid draws for a sheet: the used range (and the selected cell) with room around it. */
export function sheetView(
  state: SimState,
  sheet: SimSheet,
  active: { row: number; col: number } | null
): SheetView {
  const used = usedArea(sheet);
  const painted = new Map(
    state.highlighted(sheet.name).map((p) => {
      const a = parseArea(p.address)!;
      return [cellKey(a.r1, a.c1), p] as const;
    })
  );
  const notes = new Map(sheet.notes.map((n) => [cellKey(n.row, n.col), n.content]));
  const cells = new Map<number, CellView>();
  const keys = new Set([...sheet.cells.keys(), ...painted.keys(), ...notes.keys()]);
  for (const key of keys) {
    const cell = sheet.cells.get(key);
    const paint = painted.get(key);
    const value = cell?.value ?? null;
    cells.set(key, {
      text: cell ? formatCell(value, cell.numberFormat) : "",
      align: typeof value === "number" ? "right" : typeof value === "string" ? "left" : "center",
      bold: cell?.bold ?? false,
      fill: paint?.fill ?? cell?.fill ?? null,
      color: paint?.fontColor ?? cell?.fontColor ?? null,
      note: notes.get(key) ?? null,
      spill: null,
    });
  }
  const colCount = Math.max(
    MIN_COLS,
    (used?.c2 ?? 0) + SPARE_COLS,
    (active?.col ?? 0) + SPARE_COLS
  );
  const widths = columnWidths(sheet, cells, colCount);
  for (const [key, view] of cells) {
    if (!overflows(cells, key, view)) continue;
    const rowStart = key - keyCol(key);
    let spill = widths[keyCol(key) - 1];
    for (let col = keyCol(key) + 1; col <= colCount && !cells.get(rowStart + col)?.text; col++)
      spill += widths[col - 1];
    view.spill = spill;
  }
  return {
    name: sheet.name,
    rowCount: Math.max(MIN_ROWS, (used?.r2 ?? 0) + SPARE_ROWS, (active?.row ?? 0) + SPARE_ROWS),
    colCount,
    cells,
    widths,
  };
}

/** Left-aligned text with an empty cell to its right runs on over it. */
const overflows = (cells: Map<number, CellView>, key: number, view: CellView): boolean =>
  view.align === "left" && view.text !== "" && !cells.get(key + 1)?.text;

/** Index 0 is column A. Text that overflows into its neighbour does not widen its column. */
function columnWidths(sheet: SimSheet, cells: Map<number, CellView>, colCount: number): number[] {
  const fitted = new Array<number>(colCount).fill(DEFAULT_WIDTH);
  for (const [key, view] of cells) {
    const col = keyCol(key);
    if (col > colCount || overflows(cells, key, view)) continue;
    const width = Math.min(MAX_FITTED_WIDTH, view.text.length * CHARACTER_WIDTH + 12);
    fitted[col - 1] = Math.max(fitted[col - 1], width);
  }
  // The workbook's widths are in points: 96 / 72 CSS pixels each.
  for (const [col, pt] of sheet.columnWidths)
    if (col <= colCount) fitted[col - 1] = Math.round((pt * 4) / 3);
  return fitted;
}
