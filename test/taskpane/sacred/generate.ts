/**
 * Random workbooks for the model-based test: a few sheets (some hidden, some protected, names
 * that need quoting), a 4d(2) statement per sheet bound by sheet-level and workbook-level
 * FOCUS_ names (some at #REF!, a merged area, several cells or another sheet), typed amounts,
 * formulas, text and blanks in amount cells, merged cells, and the user's own formatting:
 * number formats, bold, fills, font colours, notes and conditional formats. Seeded.
 */
import type { CellModel, ExcelSim, SheetModel, WorkbookModel } from "../../../sim";

export type Pick = {
  (): number;
  int(n: number): number;
  of<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
};

export function picker(random: () => number): Pick {
  const pick = (() => random()) as Pick;
  pick.int = (n) => Math.floor(random() * n);
  pick.of = (xs) => xs[Math.floor(random() * xs.length)];
  pick.chance = (p) => random() < p;
  return pick;
}

/** The 4d(2) lines laid out one a row from row 2: amount in C, code in D, label in B. */
export const CODES = ["7010", "7020", "7033", "7040", "7060", "7070", "7180", "7190"];
export const FIRST_ROW = 2;
const SHEET_NAMES = ["Day 1", "O'Brien & Co", "Seg 4d(2)", "Q1!", "Données", "R1C1", "Day 2"];
const FORMATS = ["#,##0;(#,##0)", "0.00", "$#,##0", "0%", "General"];
const FILLS = ["FFFFEB9C", "FFC6EFCE", "FFDDEBF7"];

/** What the generator did after the simulator started (formats the model cannot say). */
export interface Layout {
  model: WorkbookModel;
  /** Applied through the API once the simulator runs: user formats and protection. */
  finish(sim: ExcelSim): Promise<void>;
  sheets: string[];
}

const rowOf = (code: string) => FIRST_ROW + CODES.indexOf(code);
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function amountCell(pick: Pick, ref: string, row: number): CellModel | null {
  const r = pick();
  if (r < 0.55) return { ref, value: pick.int(3000) - 500 };
  if (r < 0.7 && row > FIRST_ROW + 1) return { ref, formula: `C${row - 1}+C${row - 2}` };
  if (r < 0.8) return { ref, value: pick.of(["1,234", "n/a", "(50)", "12 USD"]) };
  if (r < 0.9) return null;
  if (r < 0.95) return { ref, error: "#N/A" };
  return { ref, value: pick.chance(0.5) };
}

function userFormat(pick: Pick, c: CellModel): CellModel {
  if (!pick.chance(0.4)) return c;
  return {
    ...c,
    ...(pick.chance(0.6) ? { numberFormat: pick.of(FORMATS) } : {}),
    ...(pick.chance(0.4) ? { bold: true } : {}),
    ...(pick.chance(0.4) ? { fill: pick.of(FILLS) } : {}),
    ...(pick.chance(0.25) ? { note: `my note on ${c.ref}` } : {}),
  };
}

export function generateWorkbook(pick: Pick): Layout {
  const count = 2 + pick.int(3);
  const sheetNames = [...SHEET_NAMES].sort(() => pick() - 0.5).slice(0, count);
  const sheets: SheetModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  const protect: string[] = [];
  const unlocked: [string, string][] = [];
  sheetNames.forEach((name, i) => {
    const cells: CellModel[] = [{ ref: "A1", value: `${name} statement` }];
    CODES.forEach((code, j) => {
      const row = FIRST_ROW + j;
      cells.push(
        { ref: `B${row}`, value: `line ${code}` },
        { ref: `D${row}`, value: Number(code) }
      );
      const amount = amountCell(pick, `C${row}`, row);
      if (amount) cells.push(userFormat(pick, amount));
      if (pick.chance(0.3)) cells.push(userFormat(pick, { ref: `F${row}`, value: pick.int(99) }));
    });
    const merges: string[] = [];
    if (pick.chance(0.5)) {
      merges.push("C12:D12");
      cells.push({ ref: "C12", value: 77 });
    }
    sheets.push({
      name,
      cells,
      merges,
      state: i > 0 && pick.chance(0.25) ? "hidden" : "visible",
    });
    if (pick.chance(0.25)) {
      protect.push(name);
      for (const code of CODES) if (pick.chance(0.5)) unlocked.push([name, `C${rowOf(code)}`]);
    }
    for (const code of CODES) {
      if (!pick.chance(0.8)) continue;
      const r = pick();
      const other = sheetNames[(i + 1) % sheetNames.length];
      const target =
        r < 0.04
          ? "#REF!"
          : r < 0.08 && merges.length
            ? `${quote(name)}!$C$12:$D$12`
            : r < 0.11 && merges.length
              ? `${quote(name)}!$D$12`
              : r < 0.14
                ? `${quote(name)}!$C$${rowOf(code)}:$C$${rowOf(code) + 1}`
                : r < 0.17
                  ? `${quote(other)}!$C$${rowOf(code)}`
                  : `${quote(name)}!$C$${rowOf(code)}`;
      names.push({ name: `FOCUS_${code}`, refersTo: target, localSheet: name });
    }
  });
  // Workbook-level names: a shared target, and lines bound on the first sheet for every sheet.
  const first = sheetNames[0];
  for (const code of CODES)
    if (pick.chance(0.15))
      names.push({ name: `FOCUS_${code}`, refersTo: `${quote(first)}!$C$${rowOf(code)}` });
  if (pick.chance(0.2)) names.push({ name: "FOCUS_7194", refersTo: "#REF!" });

  return {
    model: { sheets, names },
    sheets: sheetNames,
    async finish(sim) {
      // The user's font colours and own conditional formats, as the file was saved: in the
      // workbook from the start, not on the undo stack (the .xlsx model cannot carry them).
      for (const name of sheetNames) {
        const sheet = sim.state.book.sheetByName(name)!;
        if (pick.chance(0.4))
          for (let row = FIRST_ROW; row <= 5; row++)
            sheet.updateCell(row, 3, { fontColor: "#9C0006" });
        if (pick.chance(0.5))
          sheet.conditionalFormats.push({
            id: sim.state.book.newId("cf"),
            type: "Custom",
            area: { r1: FIRST_ROW, c1: 3, r2: 9, c2: 3 },
            formula: `=C${FIRST_ROW}<0`,
            fill: "#FFC7CE",
            fontColor: null,
          });
      }
      for (const [sheet, address] of unlocked) sim.state.setLocked(sheet, address, false);
      for (const sheet of protect) sim.state.protect(sheet);
    },
  };
}
