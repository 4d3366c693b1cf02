/// <reference types="office-js" />
import { BLANK, type CellContent } from "../../engine";
import { rangeKey, type GridCell, type RangeRead, type RangeRef } from "../port";
import {
  areaA1,
  cellCount,
  contains,
  parseArea,
  sameArea,
  splitQualified,
  type Area,
  type CellPos,
} from "../../grid";
import { officeCellContent } from "./cell-content";
import { errorCode, type ExcelHost } from "./excel-host";
import { coverCells } from "./rectangles";
import {
  halve,
  REQUEST_BUDGET_BYTES,
  RESPONSE_TOO_LARGE,
  withinBudget,
  type Planned,
} from "./payload";

/** Bound ranges larger than this are judged by their size alone (as the .xlsx reader does). */
const MAX_RANGE_CELLS = 10000;
/**
 * What a read costs in the response, estimated against the request budget (payload.ts): a cell
 * costs its value, formula, format and type (about 31 bytes measured on daily statements, 48
 * allowed for long formats and formulas); a rectangle costs a few operations.
 */
const BYTES_PER_CELL = 48;
const BYTES_PER_RECTANGLE = 400;
const BUDGET_CELLS = Math.floor(REQUEST_BUDGET_BYTES / BYTES_PER_CELL);

/**
 * Every bound range in one sync (more only past ~80,000 cells read): per sheet, one
 * rectangle covering the ranges' top-left cells (a few when the sheets together would
 * read too much), with values, formulas, formats and types, and the merged areas it
 * touches (ExcelApi 1.13) except on Windows: there a sync containing
 * getMergedAreasOrNullObject loses the user's undo history (office-js#5918), and a read
 * must never cost that, so merges are left unchecked (RangeRead.mergesUnchecked). A name
 * the pane binds never points inside a merged area (binding takes a merged selection's
 * top-left cell), and writes still check before writing (write.ts).
 * Ranges asked for with `cells` (a sheet's heading rows) ride on the first of those syncs,
 * values only: a few hundred bytes a sheet.
 */
export async function readRanges(
  host: ExcelHost,
  refs: RangeRef[]
): Promise<Map<string, RangeRead>> {
  const all = refs.flatMap((ref) => {
    const area = parseArea(ref.address);
    return area ? [{ ref, area }] : [];
  });
  const parsed = all.filter((p) => !p.ref.cells);
  const headings = all.filter((p) => p.ref.cells);
  const headingCells = new Map<string, GridCell[]>();
  const bySheet = new Map<string, CellPos[]>();
  for (const { ref, area } of parsed) {
    const cells = bySheet.get(ref.sheet) ?? [];
    cells.push({ row: area.r1, col: area.c1 });
    bySheet.set(ref.sheet, cells);
  }
  const sheets = new Map<string, SheetCells>();
  const sheetCells = (name: string) => {
    const key = name.toLowerCase();
    if (!sheets.has(key)) sheets.set(key, new SheetCells());
    return sheets.get(key)!;
  };
  const plan = [...coverCells(bySheet, BUDGET_CELLS)].flatMap(([sheet, rects]) =>
    rects.map((rect) => ({ sheet, rect }))
  );
  if (plan.length || headings.length) {
    await host.read(async (context) => {
      const chunks = plan.length ? withinBudget(plan, BYTES_PER_CELL, BYTES_PER_RECTANGLE) : [[]];
      for (const [i, chunk] of chunks.entries()) {
        // One sync per ~4 MB of cells: a single one below ~80,000 cells read.
        await readChunk(context, host, chunk, i === 0 ? headings : [], (p) => {
          for (const r of p.rectangles) r.collect(sheetCells(r.sheet));
          for (const h of p.headings) headingCells.set(rangeKey(h.ref), h.cells());
        });
      }
    });
  }
  const unchecked = host.supports("1.13") && !host.readsMerges;
  const out = new Map(
    parsed.map(({ ref, area }) => {
      const read = (sheets.get(ref.sheet.toLowerCase()) ?? new SheetCells()).read(area);
      return [rangeKey(ref), unchecked ? { ...read, mergesUnchecked: true } : read];
    })
  );
  for (const { ref, area } of headings) {
    out.set(rangeKey(ref), {
      content: BLANK,
      cellCount: cellCount(area),
      isMergedArea: false,
      insideMergeOf: null,
      cells: headingCells.get(rangeKey(ref)) ?? [],
    });
  }
  return out;
}

/** Queue a heading's values (no formulas, formats or types: text is all it is read for). */
function queueHeading(context: Excel.RequestContext, ref: RangeRef, area: Area) {
  const range = context.workbook.worksheets
    .getItem(ref.sheet)
    .getRange(areaA1(area))
    .load("values");
  return {
    ref,
    cells(): GridCell[] {
      const out: GridCell[] = [];
      range.values.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value === "" || value === null || value === undefined) return;
          out.push({
            row: area.r1 + i,
            col: area.c1 + j,
            content: officeCellContent(
              value,
              undefined,
              typeof value === "string"
                ? "String"
                : typeof value === "boolean"
                  ? "Boolean"
                  : "Double",
              undefined
            ),
          });
        })
      );
      return out;
    },
  };
}

type Queued = {
  rectangles: ReturnType<typeof queueRectangle>[];
  headings: ReturnType<typeof queueHeading>[];
};

/**
 * Read a chunk in one sync; should Excel refuse the answer as too large (the estimate counts
 * 48 bytes a cell, but a long text is read twice, as value and formula), read it again in
 * halves. Microsoft's "Resource limits and performance optimization for Office Add-ins"
 * (docs/concepts/resource-limits-and-performance-optimization.md): Excel on the web limits a
 * response to 5 MB and throws past it; "Split the operation into smaller pieces as needed.
 * Call context.sync() for each sub-operation". A refused sync read nothing, so reading again is safe.
 */
async function readChunk(
  context: Excel.RequestContext,
  host: ExcelHost,
  chunk: Planned[],
  headings: { ref: RangeRef; area: Area }[],
  file: (read: Queued) => void
): Promise<void> {
  const queued: Queued = {
    rectangles: chunk.map(({ sheet, rect }) => queueRectangle(context, host, sheet, rect)),
    headings: headings.map((h) => queueHeading(context, h.ref, h.area)),
  };
  try {
    await context.sync();
  } catch (e) {
    const halves = errorCode(e) === RESPONSE_TOO_LARGE ? halve(chunk) : null;
    if (!halves) throw e;
    await readChunk(context, host, halves[0], headings, file);
    await readChunk(context, host, halves[1], [], file);
    return;
  }
  file(queued);
}

/** Queue one rectangle's read; `collect` files it after the sync. */
function queueRectangle(context: Excel.RequestContext, host: ExcelHost, sheet: string, rect: Area) {
  const range = context.workbook.worksheets
    .getItem(sheet)
    .getRange(areaA1(rect))
    .load("values, formulas, numberFormat, valueTypes");
  const merged = host.readsMerges
    ? range.getMergedAreasOrNullObject().load("areas/items/address")
    : null;
  return {
    sheet,
    collect(into: SheetCells): void {
      into.addRange(rect, range);
      if (merged && !merged.isNullObject)
        into.addMerges(merged.areas.items.map((a) => parseArea(splitQualified(a.address).address)));
    },
  };
}

/** What was read of one sheet: cell contents by position and the merged areas met; answers the port's RangeRead. */
class SheetCells {
  private readonly contents = new Map<string, CellContent>();
  private readonly merges: Area[] = [];

  addRange(rect: Area, range: Excel.Range): void {
    const { values, formulas, valueTypes, numberFormat } = range;
    for (let i = 0; i <= rect.r2 - rect.r1; i++) {
      for (let j = 0; j <= rect.c2 - rect.c1; j++) {
        const content = officeCellContent(
          values[i][j],
          formulas[i][j],
          valueTypes[i][j],
          numberFormat[i][j]
        );
        this.contents.set(`${rect.r1 + i}:${rect.c1 + j}`, content);
      }
    }
  }

  addMerges(areas: (Area | null)[]): void {
    for (const a of areas) if (a && !this.merges.some((m) => sameArea(m, a))) this.merges.push(a);
  }

  /** As the .xlsx reader answers: the top-left cell's content, the size, and how the range meets merged areas. */
  read(area: Area): RangeRead {
    const count = cellCount(area);
    const containing =
      count === 1 ? this.merges.find((m) => contains(m, area.r1, area.c1)) : undefined;
    return {
      content: this.contents.get(`${area.r1}:${area.c1}`) ?? BLANK,
      cellCount: Math.min(count, MAX_RANGE_CELLS + 1),
      isMergedArea: count > 1 && this.merges.some((m) => sameArea(m, area)),
      insideMergeOf:
        containing && !(containing.r1 === area.r1 && containing.c1 === area.c1)
          ? areaA1(containing)
          : null,
    };
  }
}
