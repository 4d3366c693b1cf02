/// <reference types="office-js" />
import { areaA1, type Area } from "../../grid";
import type { GridCell, SheetGrid } from "../port";
import { officeCellContent } from "./cell-content";
import { CELL_EDITING, errorCode, type ExcelHost } from "./excel-host";
import {
  halve,
  REQUEST_BUDGET_BYTES,
  RESPONSE_TOO_LARGE,
  withinBudget,
  type Planned,
} from "./payload";

/**
 * What a used-range cell costs in the response: its value and its type as JSON (an empty cell
 * 11 bytes, a number about 20, a short label about 30); a long text costs more, and a block
 * Excel refuses is read again in halves.
 */
const GRID_BYTES_PER_CELL = 32;
const BYTES_PER_BLOCK = 400;
const BUDGET_CELLS = Math.floor(REQUEST_BUDGET_BYTES / GRID_BYTES_PER_CELL);
/**
 * The first sheet's cells within A1:BL1953 (64 columns, a request's budget of cells) ride on
 * the sync that measures the used ranges, so a statement-sized sheet still reads in one sync.
 */
const WINDOW: Area = { r1: 1, c1: 1, r2: Math.floor(BUDGET_CELLS / 64), c2: 64 };
/** Sheets measured per sync: a few hundred bytes of request each. */
const SHEETS_PER_SYNC = 1000;

/**
 * Every non-empty cell of each sheet's used range (values and types: layout detection needs no
 * more), in as few syncs as Excel on the web's 5 MB response allows (payload.ts): one sync
 * measures every used range (with the first sheet's cells, when they fit the window), then the
 * used ranges are read in row blocks estimated under the budget, several sheets' blocks to a
 * sync; a block Excel still refuses is read again in halves ("Read in row or column blocks …
 * If you encounter a limit error, retry with a smaller block size": Microsoft's "Read or write
 * to a large range", docs/excel/excel-add-ins-ranges-large.md).
 *
 * All rows are read, not only the first LABEL_SCAN_ROWS with code cells below them as the .xlsx
 * reader keeps: finding the code cells further down means reading every value there anyway.
 * Detection itself judges only what both keep (detectionCells in detect.ts).
 *
 * A sheet that cannot be read (deleted meanwhile, or refused even one cell at a time) answers
 * its error; the others are still read.
 */
export async function readGrids(host: ExcelHost, sheets: string[]): Promise<SheetGrid[]> {
  if (sheets.length === 0) return [];
  return host.read(async (context) => {
    const reads = new Map(sheets.map((sheet) => [sheet, new SheetRead()]));
    for (let i = 0; i < sheets.length; i += SHEETS_PER_SYNC) {
      const part = sheets.slice(i, i + SHEETS_PER_SYNC);
      await measure(context, part, i === 0 ? part[0] : null, reads);
    }
    const blocks = [...reads].flatMap(([sheet, read]) =>
      read.remaining.flatMap((rect) => rowBlocks(rect).map((block) => ({ sheet, rect: block })))
    );
    for (const chunk of withinBudget(blocks, GRID_BYTES_PER_CELL, BYTES_PER_BLOCK))
      await readBlocks(context, chunk, reads);
    return sheets.map((sheet) => reads.get(sheet)!.answer(sheet));
  });
}

/** One sheet's grid: readGrids of one sheet, its error thrown. */
export async function readGrid(host: ExcelHost, sheet: string): Promise<GridCell[]> {
  const [grid] = await readGrids(host, [sheet]);
  if ("error" in grid) throw grid.error;
  return grid.cells;
}

/** What has been read of one sheet, and what is left to read. */
class SheetRead {
  /** Pieces read: where each starts, and its non-empty cells in row order. */
  private readonly pieces: { rect: Area; cells: GridCell[] }[] = [];
  /** Rectangles of the used range not read yet. */
  remaining: Area[] = [];
  error: unknown = null;

  add(rect: Area, cells: GridCell[]): void {
    this.pieces.push({ rect, cells });
  }

  /** The cells in row order, as one read of the whole used range gives them. */
  answer(sheet: string): SheetGrid {
    if (this.error) return { sheet, error: this.error };
    const pieces = [...this.pieces].sort((a, b) => a.rect.r1 - b.rect.r1 || a.rect.c1 - b.rect.c1);
    const cells = pieces.flatMap((p) => p.cells);
    const stacked = pieces.every((p, i) => i === 0 || p.rect.r1 > pieces[i - 1].rect.r2);
    return { sheet, cells: stacked ? cells : cells.sort((a, b) => a.row - b.row || a.col - b.col) };
  }
}

/**
 * One sync: each sheet's used range (position and size), and the window's cells of `windowOf`.
 * Should Excel refuse, the window is dropped (too much text in it) and the sheets are measured
 * again, in halves when more than one, so a sheet gone since the list was made is named alone.
 */
async function measure(
  context: Excel.RequestContext,
  sheets: string[],
  windowOf: string | null,
  reads: Map<string, SheetRead>
): Promise<void> {
  const used = sheets.map((sheet) =>
    context.workbook.worksheets
      .getItem(sheet)
      .getUsedRangeOrNullObject(true)
      .load("rowIndex, columnIndex, rowCount, columnCount")
  );
  const window = windowOf
    ? context.workbook.worksheets
        .getItem(windowOf)
        .getRange(areaA1(WINDOW))
        .getUsedRangeOrNullObject(true)
        .load("values, valueTypes, rowIndex, columnIndex")
    : null;
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) === CELL_EDITING) throw e; // every sheet alike: the host's read says what to do
    if (windowOf) return measure(context, sheets, null, reads);
    if (sheets.length === 1) {
      reads.get(sheets[0])!.error = e;
      return;
    }
    const mid = Math.ceil(sheets.length / 2);
    await measure(context, sheets.slice(0, mid), null, reads);
    await measure(context, sheets.slice(mid), null, reads);
    return;
  }
  sheets.forEach((sheet, i) => {
    const range = used[i];
    if (range.isNullObject) return;
    const area = {
      r1: range.rowIndex + 1,
      c1: range.columnIndex + 1,
      r2: range.rowIndex + range.rowCount,
      c2: range.columnIndex + range.columnCount,
    };
    const read = reads.get(sheet)!;
    if (window && sheet === windowOf) {
      if (!window.isNullObject) read.add(WINDOW, gridOf(window));
      read.remaining = outside(area, WINDOW);
    } else read.remaining = [area];
  });
}

/**
 * One sync of blocks. Should Excel refuse it, it is read again in halves (blocks, then a
 * block's rows, then its columns); a block that cannot be read even as one cell, or that fails
 * otherwise, leaves its sheet unread with the error.
 */
async function readBlocks(
  context: Excel.RequestContext,
  chunk: Planned[],
  reads: Map<string, SheetRead>
): Promise<void> {
  const live = chunk.filter((b) => !reads.get(b.sheet)!.error);
  if (live.length === 0) return;
  const ranges = live.map(({ sheet, rect }) =>
    context.workbook.worksheets
      .getItem(sheet)
      .getRange(areaA1(rect))
      .load("values, valueTypes, rowIndex, columnIndex")
  );
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) === CELL_EDITING) throw e;
    const tooLarge = errorCode(e) === RESPONSE_TOO_LARGE;
    const halves = tooLarge || live.length > 1 ? halve(live) : null;
    if (!halves) {
      reads.get(live[0].sheet)!.error = tooLarge ? refusedWhole(e) : e;
      return;
    }
    await readBlocks(context, halves[0], reads);
    await readBlocks(context, halves[1], reads);
    return;
  }
  live.forEach(({ sheet, rect }, i) => reads.get(sheet)!.add(rect, gridOf(ranges[i])));
}

const refusedWhole = (e: unknown) =>
  new Error(`Excel refused to send even one of its cells as too large (${RESPONSE_TOO_LARGE})`, {
    cause: e,
  });

/** A rectangle in blocks of whole rows, each within a request's budget of cells. */
function rowBlocks(rect: Area): Area[] {
  const rows = Math.max(1, Math.floor(BUDGET_CELLS / (rect.c2 - rect.c1 + 1)));
  const out: Area[] = [];
  for (let r1 = rect.r1; r1 <= rect.r2; r1 += rows)
    out.push({ ...rect, r1, r2: Math.min(rect.r2, r1 + rows - 1) });
  return out;
}

/** The parts of `area` outside `hole`: the strip to its right, then everything below it. */
function outside(area: Area, hole: Area): Area[] {
  const out: Area[] = [];
  if (area.c2 > hole.c2 && area.r1 <= hole.r2)
    out.push({
      r1: area.r1,
      c1: Math.max(area.c1, hole.c2 + 1),
      r2: Math.min(area.r2, hole.r2),
      c2: area.c2,
    });
  if (area.r2 > hole.r2) out.push({ ...area, r1: Math.max(area.r1, hole.r2 + 1) });
  return out;
}

/** A loaded range's non-empty cells, 1-based. */
export function gridOf(range: Excel.Range): GridCell[] {
  const cells: GridCell[] = [];
  range.values.forEach((row, i) =>
    row.forEach((value, j) => {
      const type = range.valueTypes[i][j];
      if (type === "Empty") return;
      cells.push({
        row: range.rowIndex + i + 1,
        col: range.columnIndex + j + 1,
        content: officeCellContent(value, undefined, type, undefined),
      });
    })
  );
  return cells;
}
