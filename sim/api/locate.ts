import {
  cellCount,
  cellKey,
  contains,
  intersects,
  keyCol,
  keyRow,
  type Area,
} from "../../src/grid";
import type { SimCell, SimSheet } from "../model/book";
import type { Batch } from "../session";
import { fail } from "./errors";

export interface RangeLocator {
  sheetId: string;
  area: Area;
}

export function sheetOf(batch: Batch, id: string): SimSheet {
  return (
    batch.book.sheetById(id) ??
    fail("ItemNotFound", "The worksheet does not exist (it was deleted).")
  );
}

const PROTECTED =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** Values and formulas: a protected sheet refuses locked cells; part of a merged area refuses too. */
export function assertContentWritable(sheet: SimSheet, area: Area): void {
  if (sheet.isProtected && anyLocked(sheet, area)) fail("AccessDenied", PROTECTED, sheet.name);
  for (const m of sheet.merges) {
    if (
      intersects(m, area) &&
      !(contains(area, m.r1, m.c1) && contains(area, m.r2, m.c2)) &&
      !(area.r1 === m.r1 && area.c1 === m.c1 && cellCount(area) === 1)
    ) {
      fail("InvalidOperation", "We can't do that to a merged cell.", sheet.name);
    }
  }
}

/** Formats, conditional formats, notes: a protected sheet refuses them all (formatting cells is not allowed by default). */
export function assertFormatWritable(sheet: SimSheet): void {
  if (sheet.isProtected) fail("AccessDenied", PROTECTED, sheet.name);
}

function anyLocked(sheet: SimSheet, area: Area): boolean {
  const stored = storedCellsIn(sheet, area);
  return stored.length < cellCount(area) || stored.some(([, , c]) => c.locked);
}

/** The cells of an area that hold something (content or format), without visiting empty ones. */
function storedCellsIn(sheet: SimSheet, area: Area): [number, number, SimCell][] {
  const out: [number, number, SimCell][] = [];
  if (cellCount(area) <= sheet.cells.size) {
    for (let row = area.r1; row <= area.r2; row++) {
      for (let col = area.c1; col <= area.c2; col++) {
        const cell = sheet.cells.get(cellKey(row, col));
        if (cell) out.push([row, col, cell]);
      }
    }
    return out;
  }
  for (const [key, cell] of sheet.cells) {
    const row = keyRow(key);
    const col = keyCol(key);
    if (contains(area, row, col)) out.push([row, col, cell]);
  }
  return out;
}

/** One property over an area: its value when every cell agrees, else null (as Office reports mixed formats). */
export function uniform<T>(
  sheet: SimSheet,
  area: Area,
  read: (c: SimCell) => T,
  empty: T
): T | null {
  const stored = storedCellsIn(sheet, area);
  const values = new Set(stored.map(([, , c]) => read(c)));
  if (stored.length < cellCount(area)) values.add(empty);
  return values.size === 1 ? [...values][0] : null;
}

export const mergesTouching = (sheet: SimSheet, area: Area): Area[] =>
  sheet.merges.filter((m) => intersects(m, area));
