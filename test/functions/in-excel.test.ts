/// <reference types="office-js" />
/**
 * The FOCUS functions in the in-memory Excel, wired as the shared runtime wires them (functions.json
 * from the JSDoc, the implementations associated with a CustomFunctions runtime, connectToExcel()),
 * under the simulator's models of recalculation, formula value preview and the pane closed
 * (sim/custom-functions/calculation.ts, preview.ts, sim/pane.ts).
 *
 * On the code before the redesign (volatile functions awaiting Excel.run inside the recalculation)
 * these fail: every LINE/CHECK/STATUS cell stays #BUSY! and the simulator counts the hang.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { dailyModel, dailyValues, daySheet } from "../../bench/workbooks";
import { liveReport } from "../../src/functions/snapshot";
import type { CellModel, ExcelSim, WorkbookModel } from "../../sim";
import { createFocusActions, detectCapabilities } from "../../src/taskpane/actions";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { focusRuntime } from "./focus-runtime";

const focusFunctions = focusRuntime();
beforeAll(() => focusFunctions.load());
afterAll(() => focusFunctions.unload());

/** A workbook opened in Excel with the add-in's runtime started (its pane closed), as preview/host/session.ts does. */
function open(workbook: WorkbookModel | Uint8Array): ExcelSim {
  return focusFunctions.open({ workbook });
}

/** The cell a FOCUS_ name seen from `sheet` points at, as "E6". */
function boundCell(sim: ExcelSim, sheet: string, code: string): string {
  const name = `FOCUS_${code}`.toUpperCase();
  const { book } = sim.state;
  const formula = (book.sheetByName(sheet)!.names.get(name) ?? book.names.get(name))!.formula;
  return formula.slice(formula.lastIndexOf("!") + 1).replace(/\$/g, "");
}

const EXAMPLE = new Uint8Array(
  readFileSync(join(__dirname, "../../examples/hsbc-2020-11-30.xlsx"))
);
const SEG = "Seg 4d(2)";

describe("on the example workbook", () => {
  it("reads the bindings: LINE, CHECK and STATUS; EXCESS is plain arithmetic; no sync inside a calculation", async () => {
    const { state } = open(EXAMPLE);
    await state.setFormula(SEG, "H6", "=FOCUS.LINE(7190)");
    await state.setFormula(SEG, "H7", "=FOCUS.CHECK(7180)");
    await state.setFormula(SEG, "H8", '=FOCUS.STATUS("4d2")');
    await state.setFormula(SEG, "H9", "=FOCUS.EXCESS(10,3)");
    await state.setFormula(SEG, "H10", "=FOCUS.LINE(1234)");
    expect(["H6", "H7", "H8", "H9", "H10"].map((a) => state.value(SEG, a))).toEqual([
      134116777,
      477038837,
      "OK",
      7,
      "#VALUE!",
    ]);
    expect(state.calculation).toMatchObject({ syncsDuringCalculation: 0, hangs: 0 });
  });

  it("follows an edit of a bound cell without F9, and what depends on the cell with it", async () => {
    const sim = open(EXAMPLE);
    const { state } = sim;
    await state.setFormula(SEG, "H11", "=FOCUS.LINE(7190)");
    await state.setFormula(SEG, "H12", "=H11*2");
    expect(state.value(SEG, "H11")).toBe(134116777);
    await state.setValue(SEG, boundCell(sim, SEG, "7190"), 5);
    expect([state.value(SEG, "H11"), state.value(SEG, "H12")]).toEqual([5, 10]);
    expect(state.calculation).toMatchObject({ syncsDuringCalculation: 0, hangs: 0 });
  });

  it("still follows edits when the user was typing in a cell as the runtime first read", async () => {
    // The runtime registers its change handler before its first read; a user in cell-edit mode then
    // (typing the formula itself, in the preview) made that batch fail, and the cells never followed an edit.
    const sim = open(EXAMPLE);
    const { state } = sim;
    state.enterCellEdit();
    const entered = state.setFormula(SEG, "H11", "=FOCUS.LINE(7190)");
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the runtime's quiet time
    state.exitCellEdit();
    await entered;
    await state.idle();
    expect(state.value(SEG, "H11")).toBe(134116777);
    await state.setValue(SEG, boundCell(sim, SEG, "7190"), 5);
    expect(state.value(SEG, "H11")).toBe(5);
  });

  it("answers F9 from a fresh read, with no sync inside the calculation", async () => {
    const { state, meter } = open(EXAMPLE);
    await state.setFormula(SEG, "H13", "=FOCUS.CHECK(7180)");
    const reads = liveReport().reads;
    // F9 cancels the streaming calls and calls them afresh: they answer from the last read at once,
    // and the runtime reads again once the calculation is over.
    await state.calculate();
    expect(state.value(SEG, "H13")).toBe(477038837);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(liveReport().reads).toBe(reads + 1);
    expect(meter.syncCount).toBeGreaterThan(0);
    expect(state.calculation).toMatchObject({ syncsDuringCalculation: 0, hangs: 0 });
  });
});

describe("formula value preview", () => {
  it("never reads the workbook: it answers from the runtime's last read", async () => {
    const { state, meter } = open(EXAMPLE);
    await state.setFormula(SEG, "H6", "=FOCUS.LINE(7190)");
    const syncs = meter.syncCount;
    const reads = liveReport().reads;
    expect(await state.previewValue(SEG, "H20", "=FOCUS.CHECK(7180)")).toBe(477038837);
    expect(await state.previewValue(SEG, "H20", "=FOCUS.LINE(7190)+1")).toBe(134116778);
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the runtime's quiet time
    expect(meter.syncCount).toBe(syncs);
    expect(liveReport().reads).toBe(reads);
    expect(state.calculation.syncsDuringValuePreview).toBe(0);
    expect(state.value(SEG, "H20")).toBeNull();
  });

  it("before any read, shows #N/A and starts none", async () => {
    const { state, meter } = open(EXAMPLE);
    expect(await state.previewValue(SEG, "H20", "=FOCUS.LINE(7190)")).toBe("#N/A");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(meter.syncCount).toBe(0);
  });
});

describe("a year of daily sheets with the pane closed", () => {
  const DAYS = 250;
  const CODES = ["7010", "7040", "7180", "7190"];

  /** 250 daily 4d(2) sheets and, on a sheet of their own, 1,000 FOCUS.LINE cells (4 lines of each day). */
  function yearWithLines(): { model: WorkbookModel; expected: number[] } {
    const model = dailyModel(DAYS);
    const cells: CellModel[] = [];
    const expected: number[] = [];
    for (let d = 0; d < DAYS; d++) {
      for (const code of CODES) {
        cells.push({
          ref: `A${cells.length + 1}`,
          formula: `FOCUS.LINE(${code},"${daySheet(d)}")`,
        });
        expected.push(dailyValues(d)[code]);
      }
    }
    model.sheets.push({ name: "Lines", cells });
    return { model, expected };
  }

  it("recalculates 1,000 cells without a single sync inside a calculation, and follows an edit", async () => {
    const { model, expected } = yearWithLines();
    const sim = open(model);
    const { state } = sim;
    // The pane's own work (live validation) runs only while the pane is open: it never opens here.
    const paneReports: unknown[] = [];
    await state.pane.setMount(async () => {
      const actions = createFocusActions(
        createOfficeWorkbook(),
        detectCapabilities((name, version) =>
          sim.Office.context.requirements.isSetSupported(name, version)
        )
      );
      const stop = await actions.watch((r) => void paneReports.push(r));
      return async () => void (await stop());
    });

    // Opening the workbook: Excel calculates every formula (the functions answer once the runtime has read).
    await state.calculate();
    expect(expected.map((_, i) => state.value("Lines", `A${i + 1}`))).toEqual(expected);
    // The preparer keys day 1's 7010 again.
    const day1 = daySheet(0);
    await state.setValue(day1, boundCell(sim, day1, "7010"), 12345);
    expect(state.value("Lines", "A1")).toBe(12345);
    expect(state.value("Lines", "A5")).toBe(expected[4]);

    expect(state.pane.isOpen).toBe(false);
    expect(state.pane.mounts).toBe(0);
    expect(paneReports).toEqual([]);
    expect(state.calculation).toMatchObject({
      syncsDuringCalculation: 0,
      syncsDuringValuePreview: 0,
      hangs: 0,
    });
    // One read for the opening calculation, one after the edit; the change handler registered once.
    expect(liveReport().reads).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
