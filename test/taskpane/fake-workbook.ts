import { parseA1, toA1 } from "../../src/grid";
import { cellLabel, type CellContent, type CellValue } from "../../src/engine";
import {
  rangeKey,
  WriteBlocked,
  type AutoOpenState,
  type CellWrite,
  type GridCell,
  type Highlight,
  type NameInfo,
  type NameSpec,
  type RangeRead,
  type RangeRef,
  type SheetSpec,
  type Workbook,
  type WorkbookStructure,
  type WriteProblem,
} from "../../src/workbook/port";
import { REVIEW_SHEET } from "../../src/workbook/review-sheet";
import { layOutDayOne, type WriteCall } from "./recorded-workbook";

/** A cell as a test writes it: a plain value, or a formula with its cached result. */
export type FakeCell =
  number | string | boolean | null | { formula: string; cached?: number | string | null };

interface Sheet {
  name: string;
  isWorksheet: boolean;
  cells: Map<string, CellContent>;
  /** Merged areas such as "B3:C3". */
  merges: string[];
  protected: boolean;
  visibility?: "visible" | "hidden" | "veryHidden";
}

/** Every call that changes the workbook, in order: the same record as the simulator's wrapper keeps. */
export type { WriteCall };

const lower = (s: string) => s.toLowerCase();

function contentOf(c: FakeCell): CellContent {
  if (c !== null && typeof c === "object") {
    const cached = c.cached === undefined ? null : valueOf(c.cached);
    return { value: cached, formula: c.formula.replace(/^=/, "") };
  }
  return { value: valueOf(c) };
}

function valueOf(v: number | string | boolean | null): CellValue {
  if (v === null || v === "") return { type: "blank" };
  if (typeof v === "number") return { type: "number", value: v };
  if (typeof v === "boolean") return { type: "boolean", value: v };
  if (/^#[A-Z/0!?]+[!?A]?$/.test(v)) return { type: "error", error: v };
  return { type: "text", text: v };
}

/** Cells of an area "B3:C4" (or one cell), as A1 addresses. */
function cellsOf(address: string): string[] {
  const [a, b] = address.replace(/\$/g, "").toUpperCase().split(":");
  const p = parseA1(a)!;
  const q = parseA1(b ?? a)!;
  const out: string[] = [];
  for (let row = Math.min(p.row, q.row); row <= Math.max(p.row, q.row); row++) {
    for (let col = Math.min(p.col, q.col); col <= Math.max(p.col, q.col); col++)
      out.push(toA1({ row, col }));
  }
  return out;
}

/**
 * An in-memory workbook behind the port, behaving as Excel does where the
 * actions depend on it: names at sheet and workbook level (case-insensitive),
 * formulas with cached results, merged areas, protected sheets, a selection,
 * change events. Every write is recorded and nothing is computed.
 */
export class FakeWorkbook implements Workbook {
  readonly writes: WriteCall[] = [];
  readonly selections: RangeRef[] = [];
  highlights: Highlight[] = [];
  names: NameInfo[] = [];
  calculation: "automatic" | "manual" = "automatic";
  structureReads = 0;
  private readonly sheets: Sheet[] = [];
  private selected: RangeRef = { sheet: "", address: "A1" };
  private readonly listeners = new Set<() => void>();

  addWorksheet(name: string, cells: Record<string, FakeCell> = {}): this {
    const sheet: Sheet = {
      name,
      isWorksheet: true,
      cells: new Map(),
      merges: [],
      protected: false,
    };
    for (const [address, c] of Object.entries(cells))
      sheet.cells.set(address.toUpperCase(), contentOf(c));
    this.sheets.push(sheet);
    if (!this.selected.sheet) this.selected = { sheet: name, address: "A1" };
    return this;
  }

  addChartSheet(name: string): this {
    this.sheets.push({ name, isWorksheet: false, cells: new Map(), merges: [], protected: false });
    return this;
  }

  define(name: string, refersTo: string, sheet: string | null = null): this {
    this.names.push({ name, sheet, formula: refersTo });
    return this;
  }

  merge(sheet: string, area: string): this {
    this.sheet(sheet).merges.push(area.toUpperCase());
    return this;
  }

  protect(sheet: string): this {
    this.sheet(sheet).protected = true;
    return this;
  }

  selectRange(sheet: string, address: string): this {
    this.selected = { sheet, address };
    return this;
  }

  /** Excel's "Move or Copy… > Create a copy": cells and sheet-level names travel with the sheet. */
  copySheet(from: string, to: string): this {
    const source = this.sheet(from);
    this.sheets.push({
      ...source,
      name: to,
      cells: new Map(source.cells),
      merges: [...source.merges],
    });
    const quoted = new RegExp(
      `^'?${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''")}'?!`,
      "i"
    );
    for (const n of this.names.filter((n) => n.sheet !== null && lower(n.sheet) === lower(from))) {
      this.names.push({
        name: n.name,
        sheet: to,
        formula: n.formula.replace(quoted, `'${to.replace(/'/g, "''")}'!`),
      });
    }
    return this;
  }

  cell(sheet: string, address: string): CellContent | undefined {
    return this.sheet(sheet).cells.get(address.toUpperCase());
  }

  /** Fire the host's change event, as an edit or a recalculation would. */
  change(): void {
    for (const l of [...this.listeners]) l();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private sheet(name: string): Sheet {
    const s = this.sheets.find((x) => lower(x.name) === lower(name));
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  // --- WorkbookReader -------------------------------------------------------

  async structure(): Promise<WorkbookStructure> {
    this.structureReads++;
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility ?? "visible",
        isWorksheet: s.isWorksheet,
      })),
      names: this.names.map((n) => ({ ...n })),
      calculation: this.calculation,
      review: this.sheets.some((s) => lower(s.name) === lower(REVIEW_SHEET))
        ? await this.readGrid(REVIEW_SHEET)
        : null,
    };
  }

  async readRanges(refs: RangeRef[]): Promise<Map<string, RangeRead>> {
    const out = new Map<string, RangeRead>();
    for (const ref of refs) {
      const sheet = this.sheet(ref.sheet);
      const cells = cellsOf(ref.address);
      const area = ref.address.replace(/\$/g, "").toUpperCase();
      const containing = sheet.merges.find(
        (m) => cellsOf(m).includes(cells[0]) && cellsOf(m)[0] !== cells[0]
      );
      out.set(rangeKey(ref), {
        content: sheet.cells.get(cells[0]) ?? { value: { type: "blank" } },
        cellCount: cells.length,
        isMergedArea: sheet.merges.includes(area),
        insideMergeOf: cells.length === 1 ? (containing ?? null) : null,
        // A heading read: every non-empty cell of the range, as the adapters answer it.
        ...(ref.cells
          ? {
              cells: cells.flatMap((a) => {
                const c = sheet.cells.get(a);
                return c && c.value?.type !== "blank" ? [{ ...parseA1(a)!, content: c }] : [];
              }),
            }
          : {}),
      });
    }
    return out;
  }

  async readGrid(sheetName: string): Promise<GridCell[]> {
    const out: GridCell[] = [];
    for (const [address, content] of this.sheet(sheetName).cells) {
      if (content.value?.type === "blank" && content.formula === undefined) continue;
      out.push({ ...parseA1(address)!, content });
    }
    return out;
  }

  // --- WorkbookWriter -------------------------------------------------------

  async checkWrites(refs: RangeRef[]): Promise<WriteProblem[]> {
    const problems: WriteProblem[] = [];
    for (const ref of refs) {
      const sheet = this.sheets.find((s) => lower(s.name) === lower(ref.sheet));
      const cell = cellLabel(ref.sheet, ref.address);
      if (!sheet)
        problems.push({
          cell,
          reason: "missing-sheet",
          message: `Sheet ${ref.sheet} does not exist.`,
        });
      else if (sheet.protected)
        problems.push({ cell, reason: "protected", message: `${cell} is on a protected sheet.` });
    }
    return problems;
  }

  async writeCells(writes: CellWrite[]): Promise<void> {
    const problems = await this.checkWrites(writes);
    if (problems.length) throw new WriteBlocked(problems);
    this.writes.push({ op: "writeCells", writes });
    for (const w of writes) {
      const content: CellContent = w.formula
        ? { value: null, formula: w.formula.replace(/^=/, "") }
        : { value: valueOf(w.value ?? null) };
      this.sheet(w.sheet).cells.set(w.address.toUpperCase(), content);
    }
  }

  async updateNames(
    add: NameSpec[],
    remove: { name: string; sheet: string | null }[]
  ): Promise<void> {
    this.writes.push({ op: "updateNames", add, remove });
    const sameLevel = (n: NameInfo, name: string, sheet: string | null) =>
      lower(n.name) === lower(name) &&
      (n.sheet === null ? sheet === null : sheet !== null && lower(n.sheet) === lower(sheet));
    for (const r of remove) this.names = this.names.filter((n) => !sameLevel(n, r.name, r.sheet));
    for (const a of add) {
      this.names = this.names.filter((n) => !sameLevel(n, a.name, a.sheet));
      this.names.push({ name: a.name, sheet: a.sheet, formula: a.refersTo });
    }
  }

  async setHighlights(marks: Highlight[]): Promise<void> {
    this.writes.push({ op: "setHighlights", marks });
    this.highlights = [...marks];
  }

  async clearHighlights(): Promise<number> {
    this.writes.push({ op: "clearHighlights" });
    const n = this.highlights.length;
    this.highlights = [];
    return n;
  }

  async writeRecordSheet(name: string, writes: CellWrite[]): Promise<void> {
    this.writes.push({ op: "writeRecordSheet", name, writes });
    if (!this.sheets.some((s) => lower(s.name) === lower(name))) this.addWorksheet(name);
    const sheet = this.sheet(name);
    sheet.visibility = "veryHidden";
    for (const w of writes)
      sheet.cells.set(w.address.toUpperCase(), { value: valueOf(w.value ?? null) });
  }

  async addSheet(spec: SheetSpec): Promise<string> {
    this.writes.push({ op: "addSheet", spec });
    this.addWorksheet(spec.name);
    const sheet = this.sheet(spec.name);
    for (const c of spec.cells) {
      sheet.cells.set(
        c.address,
        c.formula
          ? { value: null, formula: c.formula.replace(/^=/, "") }
          : { value: valueOf(c.value ?? null) }
      );
    }
    for (const n of spec.names)
      this.define(n.name, `'${spec.name.replace(/'/g, "''")}'!${n.address}`, spec.name);
    return spec.name;
  }

  // --- WorkbookHost ---------------------------------------------------------

  async selection(): Promise<RangeRef | null> {
    return { ...this.selected };
  }

  async select(ref: RangeRef): Promise<void> {
    this.selections.push(ref);
    this.selected = { ...ref };
  }

  async onChange(listener: () => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }

  /** The document's startup behaviour is Load (Office.addin.setStartupBehavior, on setAutoOpen). */
  autoOpenSaved = false;
  /** The older document setting Office.AutoShowTaskpaneWithDocument is stored (setAutoOpen removes it). */
  olderAutoOpenSetting = false;

  async autoOpen(): Promise<AutoOpenState> {
    return { on: this.autoOpenSaved, olderSetting: this.olderAutoOpenSetting };
  }

  async setAutoOpen(on: boolean): Promise<void> {
    this.writes.push({ op: "setAutoOpen", on });
    this.autoOpenSaved = on;
    this.olderAutoOpenSetting = false;
  }

  /** What documentBytes() answers: null as in a host without the File API, unless a test sets bytes. */
  fileBytes: Uint8Array | null = null;

  async documentBytes(): Promise<Uint8Array | null> {
    return this.fileBytes;
  }
}

/** The Day 1 workbook (recorded-workbook.ts) in the fake, for the tests not yet moved onto the simulator. */
export const dayOneWorkbook = (): FakeWorkbook => layOutDayOne(new FakeWorkbook());

export { ALL_CAPABILITIES } from "./recorded-workbook";
