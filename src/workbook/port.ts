import type { CellContent, Severity } from "../engine";

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
  /**
   * The non-empty cells of the add-in's very hidden review sheet (workbook/review-sheet.ts),
   * read with the structure so a Validate stays within its syncs; null when there is none.
   */
  review?: GridCell[] | null;
  /** Why the review sheet, though present, could not be read (too large for the host's request limit). */
  reviewProblem?: string;
}

/** A reference to read: a sheet and an A1 address or range, without $. */
export interface RangeRef {
  sheet: string;
  address: string;
  /**
   * Read every non-empty cell of the range, values only (a sheet's heading rows, where
   * the firm's name is printed); answered in the same batch as the bound cells.
   */
  cells?: boolean;
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
  /**
   * Merged areas were not read, so the two fields above are only assumed (Excel on Windows:
   * reading them loses the user's undo history, office-js#5918).
   */
  mergesUnchecked?: boolean;
  /** For a RangeRef with `cells`: the range's non-empty cells (an adapter that cannot read them leaves this out). */
  cells?: GridCell[];
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
  /**
   * The non-empty cells detection needs. "codes" (the default): every cell holding a line code and the
   * cell just left of it; "labels": every non-empty cell of the sheet's first LABEL_SCAN_ROWS rows too,
   * for binding by label. Adapters may return more.
   */
  readGrid(sheet: string, what?: GridRead): Promise<GridCell[]>;
  /**
   * Several sheets' grids as readGrid answers each, in as few requests as the host allows (Excel:
   * several sheets a sync); a sheet that cannot be read answers its error and the others are
   * still read. Optional: readSheetGrids() below falls back on readGrid, one sheet at a time.
   */
  readGrids?(sheets: string[], what?: GridRead): Promise<SheetGrid[]>;
}

/** One sheet's answer to readGrids: its cells, or why it could not be read. */
export type SheetGrid = { sheet: string; cells: GridCell[] } | { sheet: string; error: unknown };

/** Several sheets' grids through the reader's readGrids, or readGrid sheet by sheet where it has none. */
export async function readSheetGrids(
  reader: WorkbookReader,
  sheets: string[],
  what?: GridRead
): Promise<SheetGrid[]> {
  if (reader.readGrids) return reader.readGrids(sheets, what);
  const out: SheetGrid[] = [];
  for (const sheet of sheets) {
    try {
      out.push({ sheet, cells: await reader.readGrid(sheet, what) });
    } catch (error) {
      out.push({ sheet, error });
    }
  }
  return out;
}

export type GridRead = "codes" | "labels";

/** Rows read whole for label detection: a statement stack is a few hundred rows; a million-row sheet is not read whole. */
export const LABEL_SCAN_ROWS = 5000;

export const rangeKey = (r: RangeRef): string =>
  `${r.sheet.toLowerCase()}!${r.address.toUpperCase()}${r.cells ? "#cells" : ""}`;

/* ---------------------------------------------------------------------------
 * Writes. Every write is checked first and then done in one batch, so nothing
 * is ever half-written; the add-in never writes a cell the user typed without
 * an explicit confirmation (the caller asks; the port only writes).
 * ------------------------------------------------------------------------- */

/** A defined name to create: sheet-level when `sheet` is set. */
export interface NameSpec {
  name: string;
  /** The owning sheet of a sheet-level name; null for workbook level. */
  sheet: string | null;
  /** What it refers to, without "=": "'Seg 1'!$E$6". */
  refersTo: string;
}

export interface CellWrite {
  sheet: string;
  /** A1 address of one cell, no $. */
  address: string;
  /** A native formula with "=", English function names. */
  formula?: string;
  /** A plain value; null clears the cell. Ignored when `formula` is set. */
  value?: number | string | null;
  numberFormat?: string;
  bold?: boolean;
}

export type WriteProblemReason =
  | "protected"
  | "locked"
  | "merged"
  | "editing"
  | "missing-sheet"
  /** The add-in's record gained an entry (a co-author's) since it was read: appending would fork it. */
  | "record-changed";

/** Why a write cannot happen, naming the cell: shown to the user, nothing written. */
export interface WriteProblem {
  /** 'Sheet'!A1, or the sheet for sheet-wide problems. */
  cell: string;
  reason: WriteProblemReason;
  message: string;
}

/** Thrown by a write whose pre-check found problems: nothing was written. */
export class WriteBlocked extends Error {
  constructor(readonly problems: WriteProblem[]) {
    super(problems.map((p) => p.message).join("; "));
    this.name = "WriteBlocked";
  }
}

/**
 * A mark on a failing cell: a conditional format whose formula (over FOCUS_
 * names) is TRUE while the problem persists, so marks follow later edits with
 * no add-in write, plus a note where notes are supported. Both carry the
 * add-in's marker so that clearing finds exactly its own, even after reopening.
 */
export interface Highlight {
  sheet: string;
  address: string;
  severity: Severity;
  /** Conditional-format formula with "=", containing HIGHLIGHT_MARKER. */
  formula: string;
  note: string;
}

/** Present in every formula and note the add-in writes as a mark. */
export const HIGHLIGHT_MARKER = "focus-check";

/** A new sheet to insert, laid out like the form (engine/template.ts). */
export interface SheetSpec {
  name: string;
  cells: CellWrite[];
  /** Sheet-level names to create on the new sheet. */
  names: { name: string; address: string }[];
  columnWidths?: Record<string, number>;
}

/**
 * What a record write checks in the same batch as it writes: the cells where its entry
 * goes must still be empty. One filled since the record was read means another entry (a
 * co-author's sign-off or acknowledgement) arrived in between: the write is refused with
 * WriteBlocked ("record-changed") rather than fork the record's hash chain.
 */
export interface RecordGuard {
  emptyCells: string[];
}

export interface WorkbookWriter {
  /** What would stop writing these cells: a protected sheet, locked or merged cells, cell-edit mode. Writes nothing. */
  checkWrites(cells: RangeRef[]): Promise<WriteProblem[]>;
  /** Write every cell in one batch (throws WriteBlocked first if checkWrites finds anything). One undo group where supported. */
  writeCells(writes: CellWrite[]): Promise<void>;
  /** Add names (replacing an existing name of the same name and level) and remove others, in one batch. */
  updateNames(add: NameSpec[], remove: { name: string; sheet: string | null }[]): Promise<void>;
  /** Replace the add-in's marks with these. */
  setHighlights(marks: Highlight[]): Promise<void>;
  /** Remove exactly the add-in's own marks (conditional formats and notes); the user's formats stay as they were. Returns how many cells were unmarked. */
  clearHighlights(): Promise<number>;
  /** Insert a sheet (name made unique if taken), its cells and its names, in one batch. Returns the name used. */
  addSheet(spec: SheetSpec): Promise<string>;
  /**
   * Write the add-in's own record sheet (creating it very hidden when missing) in one batch.
   * Only for sheets the add-in owns (REVIEW_SHEET): users' cells are never written here.
   */
  writeRecordSheet(name: string, writes: CellWrite[], guard?: RecordGuard): Promise<void>;
}

/** Whether a workbook opens the pane by itself (src/workbook/office/startup.ts). */
export interface AutoOpenState {
  /** The document's startup behaviour is Load: the runtime loads with it and shows the pane. */
  on: boolean;
  /** The older document setting Office.AutoShowTaskpaneWithDocument is still stored. */
  olderSetting: boolean;
}

/** What the pane needs from the host beyond reading and writing. */
export interface WorkbookHost {
  /**
   * The selected range's top-left cell (and the whole address); null when no cell is selected:
   * a chart sheet is active, or a chart or picture is selected.
   */
  selection(): Promise<(RangeRef & { sheetIsScope?: boolean }) | null>;
  /** Select (and scroll to) a cell. */
  select(ref: RangeRef): Promise<void>;
  /** Edits and recalculations, this user's and co-authors' (Remote) alike. Returns an unsubscribe. */
  onChange(listener: () => void): Promise<() => Promise<void>>;
  /** Whether the pane opens with this workbook for people who have the add-in (the document's startup behaviour). */
  autoOpen(): Promise<AutoOpenState>;
  /**
   * Turn it on or off (Office.addin.setStartupBehavior, stored in the document: the workbook
   * itself still needs saving), removing the older document setting when it is there.
   */
  setAutoOpen(on: boolean): Promise<void>;
  /** The workbook's package as the host would save it now (for the review package's SHA-256); null where it cannot. */
  documentBytes(): Promise<Uint8Array | null>;
}

export type Workbook = WorkbookReader & WorkbookWriter & WorkbookHost;
