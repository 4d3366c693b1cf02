/**
 * FOCUS.* custom functions computed in the in-memory Excel, wired as the browser preview wires
 * them: functions.json from the JSDoc, the implementations associated with a CustomFunctions
 * runtime, Excel and Office the simulator's, connectToExcel() for the shared read. A run is the
 * first full calculation of a freshly opened workbook (Excel recalculates on open): every cell
 * shows #BUSY!, every call is made, and one more recalculation places the results.
 * Every result is compared with the expected figure: a wrong answer fails the bench.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { connectToExcel } from "../src/functions/excel-source";
import {
  type CellModel,
  createExcelSim,
  type CustomFunctionsMetadata,
  CustomFunctionsRuntime,
  type ExcelSim,
  type WorkbookModel,
} from "../sim";
import { median } from "./median";
import { dailyModel, dailyValues, daySheet } from "./workbooks";

export interface FunctionFigure {
  fn: string;
  cells: number;
  medianMs: number;
  minMs: number;
  usPerCell: number;
  /** Syncs of one recalculation: FOCUS.LINE must read the workbook once, not once per cell. */
  syncs: number;
}

export interface FunctionsFigures {
  excess: FunctionFigure;
  /** The same 10,000 subtractions as a native formula (=A1-B1-C1): the evaluator's own share. */
  nativeBaselineMs: number;
  /** FOCUS.EXCESS called directly, no spreadsheet around it: the function's own share of a cell. */
  excessDirectUsPerCall: number;
  /** Cells where plain double arithmetic (A-B-C) would give another figure than the exact decimal one. */
  doubleWouldDiffer: number;
  line: FunctionFigure;
}

const EXCESS_CELLS = 10_000;
const LINE_SHEETS = 40;
const RUNS = 5;

/** What the page gives the simulator: the functions' metadata and the runtime they are associated with. */
interface Wiring {
  metadata: CustomFunctionsMetadata;
  runtime: CustomFunctionsRuntime;
}

/** Amounts in cents, so that the exact answer is integer arithmetic: (a - b - c) / 100. */
function excessRow(i: number): { a: number; b: number; c: number | null } {
  return {
    a: 123_456_789 + i * 7_919,
    b: 98_765_432 + i * 31,
    c: i % 4 === 3 ? null : 1_000 + (i % 1_000),
  };
}

function excessModel(formula: (row: number, hasTarget: boolean) => string): WorkbookModel {
  const cells: CellModel[] = [];
  for (let i = 0; i < EXCESS_CELLS; i++) {
    const { a, b, c } = excessRow(i);
    const r = i + 1;
    cells.push({ ref: `A${r}`, value: a / 100 }, { ref: `B${r}`, value: b / 100 });
    if (c !== null) cells.push({ ref: `C${r}`, value: c / 100 });
    cells.push({ ref: `D${r}`, formula: formula(r, c !== null) });
  }
  return { sheets: [{ name: "Excess", cells }] };
}

/** 1,000 FOCUS.LINE cells on a sheet of their own: 25 lines of each of 40 daily sheets, scope named. */
function lineModel(): { model: WorkbookModel; expected: number[] } {
  const model = dailyModel(LINE_SHEETS);
  const cells: CellModel[] = [];
  const expected: number[] = [];
  for (let d = 0; d < LINE_SHEETS; d++) {
    for (const [code, value] of Object.entries(dailyValues(d))) {
      cells.push({ ref: `A${cells.length + 1}`, formula: `FOCUS.LINE(${code},"${daySheet(d)}")` });
      expected.push(value);
    }
  }
  model.sheets.push({ name: "Lines", cells });
  return { model, expected };
}

/** A simulator for `model` that is, for the FOCUS functions, the page's Excel. */
function openInSim(model: WorkbookModel, { metadata, runtime }: Wiring): ExcelSim {
  const sim = createExcelSim({
    workbook: model,
    customFunctions: { namespace: "FOCUS", metadata, runtime },
  });
  Object.assign(globalThis, { Excel: sim.Excel, Office: sim.Office });
  // As preview/host/session.ts: the functions read through the adapter, invalidated on every change.
  connectToExcel();
  return sim;
}

/** Median and best of RUNS first calculations, each on a fresh simulator; `check` sees every result. */
async function timeCalculation(
  fn: string,
  cells: number,
  open: () => ExcelSim,
  check: (sim: ExcelSim) => void
): Promise<FunctionFigure> {
  const times: number[] = [];
  let syncs = 0;
  for (let run = 0; run < RUNS; run++) {
    const sim = open();
    // connectToExcel registers its change handlers in a batch of its own: let it finish untimed.
    await sim.state.idle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    sim.meter.reset();
    const t0 = process.hrtime.bigint();
    await sim.state.calculate();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    syncs = sim.meter.syncCount;
    check(sim);
  }
  const medianMs = median(times);
  return {
    fn,
    cells,
    medianMs: Math.round(medianMs),
    minMs: Math.round(Math.min(...times)),
    usPerCell: Math.round((medianMs * 1000) / cells),
    syncs,
  };
}

/** Best of five rounds of calling the implementation straight, as a cell's arguments would. */
function directUsPerCall(excess: (a: number, b: number, c?: number) => number): number {
  const args = Array.from({ length: EXCESS_CELLS }, (_, i) => excessRow(i));
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (const { a, b, c } of args) excess(a / 100, b / 100, c === null ? undefined : c / 100);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / EXCESS_CELLS);
  }
  return Math.round(best * 10) / 10;
}

function expectValue(sim: ExcelSim, sheet: string, address: string, want: number): void {
  const got = sim.state.value(sheet, address);
  if (got !== want) throw new Error(`${sheet}!${address} gave ${String(got)}, expected ${want}`);
}

export async function benchFunctions(root: string): Promise<FunctionsFigures> {
  const generated = await generateCustomFunctionsMetadata([
    join(root, "src", "functions", "functions.ts"),
  ]);
  const metadata = JSON.parse(generated.metadataJson) as CustomFunctionsMetadata;
  const runtime = new CustomFunctionsRuntime();
  // As on the page: CustomFunctions exists before the functions module loads (it associates nothing
  // here: the associate() lines are appended by the build, so the bench associates them itself).
  Object.assign(globalThis, { CustomFunctions: runtime });
  const focus = await import("../src/functions/functions");
  runtime.associate({
    EXCESS: focus.excess,
    LINE: focus.line,
    CHECK: focus.check,
    STATUS: focus.status,
    LABEL: focus.label,
    EARLYWARNING: focus.earlyWarning,
  });
  const wiring: Wiring = { metadata, runtime };
  try {
    let doubleWouldDiffer = 0;
    const excess = await timeCalculation(
      "FOCUS.EXCESS",
      EXCESS_CELLS,
      () =>
        openInSim(
          excessModel((r, t) =>
            t ? `FOCUS.EXCESS(A${r},B${r},C${r})` : `FOCUS.EXCESS(A${r},B${r})`
          ),
          wiring
        ),
      (sim) => {
        doubleWouldDiffer = 0;
        for (let i = 0; i < EXCESS_CELLS; i++) {
          const { a, b, c } = excessRow(i);
          const exact = (a - b - (c ?? 0)) / 100;
          expectValue(sim, "Excess", `D${i + 1}`, exact);
          if (a / 100 - b / 100 - (c ?? 0) / 100 !== exact) doubleWouldDiffer++;
        }
      }
    );
    const native = await timeCalculation(
      "native",
      EXCESS_CELLS,
      () =>
        openInSim(
          excessModel((r) => `A${r}-B${r}-C${r}`),
          wiring
        ),
      () => undefined
    );
    const { model, expected } = lineModel();
    const line = await timeCalculation(
      "FOCUS.LINE",
      expected.length,
      () => openInSim(model, wiring),
      (sim) => expected.forEach((want, i) => expectValue(sim, "Lines", `A${i + 1}`, want))
    );
    return {
      excess,
      nativeBaselineMs: native.medianMs,
      excessDirectUsPerCall: directUsPerCall(focus.excess),
      doubleWouldDiffer,
      line,
    };
  } finally {
    for (const global of ["CustomFunctions", "Excel", "Office"])
      delete (globalThis as Record<string, unknown>)[global];
  }
}
