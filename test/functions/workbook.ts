import type {
  GridCell,
  RangeRead,
  RangeRef,
  WorkbookReader,
  WorkbookStructure,
} from "../../src/workbook/port";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { type CellModel, type WorkbookModel, writeXlsx } from "../../sim";

/** What a test keys into a bound cell: a value, or any cell model (an error, a formula with its cached result). */
export type Keyed = number | string | null | Omit<CellModel, "ref">;

export interface PeriodSheet {
  name: string;
  /** Bound lines, code → content; each gets a cell in column C and a FOCUS_ name. */
  lines?: Record<string, Keyed>;
  /** Extra names, such as a FOCUS_ name at #REF!. */
  names?: { name: string; refersTo: string }[];
}

/**
 * A workbook with one sheet per period: each line in column C (row = its position + 2, the code
 * beside it in D), bound by sheet-level names, or workbook-level ones with `level: "workbook"`.
 */
export function periodBook(
  sheets: PeriodSheet[],
  level: "sheet" | "workbook" = "sheet"
): Uint8Array {
  const model: WorkbookModel = { sheets: [], names: [] };
  for (const sheet of sheets) {
    const cells: CellModel[] = [];
    const local = level === "sheet" ? { localSheet: sheet.name } : {};
    Object.entries(sheet.lines ?? {}).forEach(([code, keyed], i) => {
      const ref = `C${i + 2}`;
      cells.push({ ref: `D${i + 2}`, value: Number(code) });
      if (keyed !== null && typeof keyed === "object") cells.push({ ref, ...keyed });
      else if (keyed !== null) cells.push({ ref, value: keyed });
      model.names!.push({
        name: `FOCUS_${code}`,
        refersTo: `${quoted(sheet.name)}!$C$${i + 2}`,
        ...local,
      });
    });
    for (const n of sheet.names ?? []) model.names!.push({ ...n, ...local });
    model.sheets.push({ name: sheet.name, cells });
  }
  return writeXlsx(model);
}

/** The cell periodBook gives a line, as findings name it: 'Day 1'!C3. */
export function cellOf(sheet: PeriodSheet, code: string): string {
  return `${quoted(sheet.name)}!C${Object.keys(sheet.lines ?? {}).indexOf(code) + 2}`;
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** An .xlsx reader that counts the batched reads made through it. */
export class CountingReader implements WorkbookReader {
  private readonly inner: XlsxReader;
  readonly calls = { structure: 0, readRanges: 0, readGrid: 0 };

  constructor(bytes: Uint8Array) {
    this.inner = new XlsxReader(bytes);
  }

  structure(): Promise<WorkbookStructure> {
    this.calls.structure++;
    return this.inner.structure();
  }

  readRanges(refs: RangeRef[]): Promise<Map<string, RangeRead>> {
    this.calls.readRanges++;
    return this.inner.readRanges(refs);
  }

  readGrid(sheet: string): Promise<GridCell[]> {
    this.calls.readGrid++;
    return this.inner.readGrid(sheet);
  }
}
