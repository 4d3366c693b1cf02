import {
  cellKey,
  contains,
  cornersA1,
  keyCol,
  keyRow,
  parseArea,
  sameArea,
  type Area,
} from "../grid";
import { BLANK, type CellContent } from "../engine";
import { codeInCell } from "./detect";
import type {
  GridCell,
  GridRead,
  RangeRead,
  RangeRef,
  WorkbookReader,
  WorkbookStructure,
} from "./port";
import { LABEL_SCAN_ROWS, rangeKey } from "./port";
import { REVIEW_SHEET } from "./review-sheet";
import { XlsxWorkbook } from "./xlsx/reader";
import type { Around, Keep } from "./xlsx/sheet-parser";
import type { ZipOptions } from "./xlsx/zip";

/** What layout detection reads: cells holding a line code and the cell just left of each (the amount). */
const isCode = (content: CellContent) => codeInCell(content) !== null;
const CODES: Around = { pick: isCode, headRows: 0 };
/** Binding by label: the same, and every cell of the first LABEL_SCAN_ROWS rows. */
const LABELS: Around = { pick: isCode, headRows: LABEL_SCAN_ROWS };

/** Bound ranges larger than this are judged by their size alone, never read cell by cell. */
const MAX_RANGE_CELLS = 10000;

/** The workbook port over an .xlsx file's bytes: the CLI's, the tests' and the preview's reader. */
export class XlsxReader implements WorkbookReader {
  readonly wb: XlsxWorkbook;

  /** `options.inflateRaw`: Node's zlib in the CLI; fflate's inflater otherwise. */
  constructor(bytes: Uint8Array, options?: ZipOptions) {
    this.wb = XlsxWorkbook.fromBytes(bytes, options);
  }

  async structure(): Promise<WorkbookStructure> {
    const wb = this.wb;
    return {
      sheets: wb.sheets.map((s) => ({
        name: s.name,
        visibility: s.state,
        isWorksheet: s.kind === "worksheet",
      })),
      names: wb.names.map((n) => ({
        name: n.name,
        sheet:
          n.localSheetId === null
            ? null
            : (wb.sheets[n.localSheetId]?.name ?? `#${n.localSheetId}`),
        formula: n.refersTo,
      })),
      calculation: wb.calcMode === "manual" ? "manual" : "automatic",
      review: this.recordCells(),
    };
  }

  /** The review sheet's cells (see review-sheet.ts), kept whole: it is small. */
  private recordCells(): GridCell[] | null {
    const index = this.sheetIndex(REVIEW_SHEET);
    if (index < 0 || this.wb.sheets[index].kind !== "worksheet") return null;
    this.wb.load(new Map([[index, "all"]]));
    const cells: GridCell[] = [];
    for (const [key, content] of this.wb.sheet(index)?.cells ?? []) {
      if (content.value?.type === "blank") continue;
      cells.push({ row: keyRow(key), col: keyCol(key), content });
    }
    return cells;
  }

  private indexByName: Map<string, number> | null = null;

  private sheetIndex(name: string): number {
    this.indexByName ??= new Map(this.wb.sheets.map((s, i) => [s.name.toLowerCase(), i]));
    return this.indexByName.get(name.toLowerCase()) ?? -1;
  }

  async readRanges(refs: RangeRef[]): Promise<Map<string, RangeRead>> {
    // One pass over the archive for every sheet involved, keeping only the top-left cells.
    const wanted = new Map<number, Set<number>>();
    // A year of daily sheets binds the same few addresses on every sheet: each is parsed once.
    const areas = new Map<string, Area | null>();
    const areaOf = (address: string) => {
      let area = areas.get(address);
      if (area === undefined) areas.set(address, (area = parseArea(address)));
      return area;
    };
    const parsed = refs.map((r) => ({
      ref: r,
      index: this.sheetIndex(r.sheet),
      area: areaOf(r.address),
    }));
    for (const p of parsed) {
      if (p.index < 0 || !p.area) continue;
      const keys = wanted.get(p.index) ?? new Set<number>();
      keys.add(cellKey(p.area.r1, p.area.c1));
      // A heading read keeps every cell of its (small) range.
      if (p.ref.cells)
        for (let r = p.area.r1; r <= p.area.r2; r++)
          for (let c = p.area.c1; c <= p.area.c2; c++) keys.add(cellKey(r, c));
      wanted.set(p.index, keys);
    }
    this.wb.load(new Map([...wanted].map(([i, keys]) => [i, mergeKeep(this.wb.sheet(i), keys)])));
    const out = new Map<string, RangeRead>();
    for (const { ref, index, area } of parsed) {
      if (index < 0 || !area) continue;
      const sheet = this.wb.sheet(index);
      const merges = sheet?.merges ?? [];
      const cellCount = (area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1);
      const isMergedArea = cellCount > 1 && merges.some((m) => sameArea(m, area));
      const containing =
        cellCount === 1 ? merges.find((m) => contains(m, area.r1, area.c1)) : undefined;
      const insideMergeOf =
        containing && !(containing.r1 === area.r1 && containing.c1 === area.c1)
          ? cornersA1(containing)
          : null;
      out.set(rangeKey(ref), {
        content: sheet?.cells.get(cellKey(area.r1, area.c1)) ?? BLANK,
        cellCount: Math.min(cellCount, MAX_RANGE_CELLS + 1),
        isMergedArea,
        insideMergeOf,
        ...(ref.cells ? { cells: cellsIn(sheet?.cells, area) } : {}),
      });
    }
    return out;
  }

  async readGrid(sheetName: string, what: GridRead = "codes"): Promise<GridCell[]> {
    const index = this.sheetIndex(sheetName);
    if (index < 0) return [];
    const keep = what === "labels" ? LABELS : CODES;
    // Detection asks for every unnamed sheet in turn: parse them all in one pass over the archive.
    const pending = this.wb.sheets
      .filter((s) => s.kind === "worksheet" && !this.wb.sheet(s.index))
      .map((s): [number, Keep] => [s.index, keep]);
    this.wb.load(new Map([...pending, [index, keep]]));
    const cells: GridCell[] = [];
    for (const [key, content] of this.wb.sheet(index)?.cells ?? []) {
      const v = content.value;
      if (v && v.type === "blank") continue;
      cells.push({ row: keyRow(key), col: keyCol(key), content });
    }
    return cells;
  }
}

/** The non-empty cells of a small area, row by row. */
function cellsIn(cells: Map<number, CellContent> | undefined, area: Area): GridCell[] {
  const out: GridCell[] = [];
  for (let row = area.r1; row <= area.r2; row++) {
    for (let col = area.c1; col <= area.c2; col++) {
      const content = cells?.get(cellKey(row, col));
      if (content && content.value && content.value.type !== "blank")
        out.push({ row, col, content });
    }
  }
  return out;
}

/** Bound cells to read now, plus those already parsed (a later load replaces the cache entry). */
function mergeKeep(loaded: { cells: Map<number, unknown> } | null, keys: Set<number>): Set<number> {
  if (!loaded) return keys;
  return new Set([...loaded.cells.keys(), ...keys]);
}
