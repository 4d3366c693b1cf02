import type { CellContent } from "../engine/cell";

/**
 * What the product needs from a workbook, whatever holds it: Excel through
 * Office.js, an .xlsx file, or the browser preview. Reads are batched: one call
 * for the structure, one for every bound cell at once.
 */
export interface SheetInfo {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Chart sheets and dialog sheets have no cells. */
  isWorksheet: boolean;
}

export interface NameInfo {
  name: string;
  /** The owning sheet of a sheet-level name; null for a workbook-level name. */
  sheet: string | null;
  /** What the name refers to, without "=": "'Seg 1'!$C$10", "#REF!", "OFFSET(...)", "1000". */
  formula: string;
}

export interface WorkbookStructure {
  sheets: SheetInfo[];
  names: NameInfo[];
  /** "manual" when the workbook was saved (or is set) to calculate manually. */
  calculation: "automatic" | "manual";
}

/** A reference to read: a sheet and an A1 address or range, without $. */
export interface RangeRef {
  sheet: string;
  address: string;
}

export interface RangeRead {
  /** The top-left cell's content. */
  content: CellContent;
  /** How many cells the range covers. */
  cellCount: number;
  /** The range is exactly one merged area (reads as its top-left cell). */
  isMergedArea: boolean;
  /** The merged area that contains this single cell without starting at it, e.g. "B3:C3". */
  insideMergeOf: string | null;
}

export interface GridCell {
  row: number;
  col: number;
  content: CellContent;
}

export interface WorkbookReader {
  structure(): Promise<WorkbookStructure>;
  /** Read every range in one batch. Keyed by rangeKey(). */
  readRanges(refs: RangeRef[]): Promise<Map<string, RangeRead>>;
  /** Every non-empty cell of a sheet, for layout detection. */
  readGrid(sheet: string): Promise<GridCell[]>;
}

export const rangeKey = (r: RangeRef): string => `${r.sheet.toLowerCase()}!${r.address.toUpperCase()}`;
