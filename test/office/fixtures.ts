/// <reference types="office-js" />
import {
  type CellModel,
  createExcelSim,
  type ExcelSim,
  type ExcelSimInit,
  type SheetModel,
  type WorkbookModel,
} from "../../sim";
import { allLines } from "../../src/engine";
import { createOfficeWorkbook } from "../../src/workbook/office/office-workbook";
import type { Workbook } from "../../src/workbook/port";

/** The Office adapter over a fresh simulator. */
export function officeOverSim(init: ExcelSimInit = {}): { sim: ExcelSim; wb: Workbook } {
  const sim = createExcelSim(init);
  return {
    sim,
    wb: createOfficeWorkbook({
      run: sim.Excel.run,
      isSetSupported: sim.Office.context.requirements.isSetSupported,
      document: () => sim.Office.context.document,
      platform: () => sim.Office.context.diagnostics.platform,
    }),
  };
}

const CODES = allLines().map((l) => l.code);
const LINES_PER_SHEET = 100;

/** A deterministic amount per position, so both adapters see the same figures. */
const amount = (sheet: number, line: number) => ((sheet * 7919 + line * 104729) % 9_000_000) + 1000;

/**
 * Daily sheets of sheet-level FOCUS_ names, `lines` names in all, amounts alternating
 * between columns C and E with codes in G. The first sheet also holds every awkward case
 * a reader must get right: numeric text, a blank, an error, a date, a boolean, a formula
 * with its cached result, a name over a merged area and one inside it, a name over three
 * cells, a name at #REF!. A hidden sheet, a far-apart sparse sheet, workbook-level names
 * (a shared target and a constant tolerance) and a manual calculation mode complete it.
 */
export function dailyWorkbook(lines: number): WorkbookModel {
  const sheets: SheetModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [
    { name: "FOCUS_TOLERANCE", refersTo: "5" },
    { name: "FOCUS_7194", refersTo: "Targets!$B$2" },
  ];
  for (let s = 0, left = lines; left > 0; s++) {
    const sheet = `Day ${s + 1}`;
    const cells: CellModel[] = [];
    const count = Math.min(LINES_PER_SHEET, left, CODES.length);
    for (let j = 0; j < count; j++) {
      const row = 6 + j;
      const ref = `${j % 2 ? "E" : "C"}${row}`;
      cells.push({ ref: `G${row}`, value: Number(CODES[j]) });
      let target = `$${ref[0]}$${row}`;
      if (s === 0 && j < AWKWARD.length) {
        const odd = AWKWARD[j](ref, row);
        cells.push(...odd.cells);
        target = odd.target ?? target;
      } else cells.push({ ref, value: amount(s, j), numberFormat: "#,##0;(#,##0)" });
      names.push({
        name: `FOCUS_${CODES[j]}`,
        refersTo: `'${sheet}'!${target}`,
        localSheet: sheet,
      });
    }
    sheets.push({
      name: sheet,
      cells,
      merges: s === 0 ? ["C16:D16", "C17:D17"] : [],
      state: s === 1 ? "hidden" : "visible",
    });
    left -= count;
  }
  sheets.push({ name: "Targets", cells: [{ ref: "B2", value: 2_500_000 }] });
  sheets.push({
    name: "Sparse",
    cells: [
      { ref: "C6", value: 10 },
      { ref: "AA5000", value: 20 },
      { ref: "B9000", value: 30 },
    ],
  });
  names.push(
    { name: "FOCUS_7010", refersTo: "Sparse!$C$6", localSheet: "Sparse" },
    { name: "FOCUS_7020", refersTo: "Sparse!$AA$5000", localSheet: "Sparse" },
    { name: "FOCUS_7030", refersTo: "Sparse!$B$9000", localSheet: "Sparse" }
  );
  return { sheets, names, calcMode: "manual" };
}

type Awkward = (ref: string, row: number) => { cells: CellModel[]; target?: string };

const AWKWARD: Awkward[] = [
  (ref) => ({ cells: [{ ref, value: "(1,482,000)" }] }),
  () => ({ cells: [] }),
  (ref) => ({ cells: [{ ref, error: "#N/A" }] }),
  (ref) => ({ cells: [{ ref, value: 44500, numberFormat: "m/d/yyyy" }] }),
  (ref) => ({ cells: [{ ref, value: true }] }),
  (ref, row) => ({
    cells: [
      { ref: `A${row}`, value: 21 },
      { ref, formula: `A${row}*2`, value: 42 },
    ],
  }),
  (ref, row) => ({
    cells: [
      { ref, formula: `1/0`, error: "#DIV/0!" },
      { ref: `A${row}`, value: "=not a formula" },
    ],
  }),
  (ref) => ({ cells: [{ ref, value: "=text" }] }),
  (ref) => ({ cells: [{ ref, value: 500, numberFormat: "0.00%" }] }),
  (ref) => ({ cells: [{ ref, value: 12.5 }] }),
  (_ref, row) => ({ cells: [{ ref: `C${row}`, value: 77 }], target: "$C$16:$D$16" }),
  (_ref, row) => ({ cells: [{ ref: `C${row}`, value: 78 }], target: "$D$17" }),
  (_ref, row) => ({ cells: [{ ref: `C${row}`, value: 1 }], target: `$C$${row}:$C$${row + 2}` }),
  () => ({ cells: [], target: "#REF!" }),
];
