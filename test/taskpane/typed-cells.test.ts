/**
 * The add-in never writes a cell the user typed without an explicit confirmation.
 * Every pane action runs, through the real Office.js adapter, against the example
 * workbook in the Excel simulator; every cell the user typed (constants, not our
 * formulas) is snapshotted before and after each action. Only Recompute's apply,
 * which the pane runs after its confirmation dialog, may write, and only into the
 * bound derived cells it was handed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createExcelSim } from "../../sim";
import {
  createFocusActions,
  detectCapabilities,
  type FocusActions,
} from "../../src/taskpane/actions";
import { createOfficeWorkbook } from "../../src/workbook/office";

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "examples", "hsbc-2020-11-30.xlsx"));

function setup() {
  const sim = createExcelSim({ workbook: new Uint8Array(EXAMPLE) });
  const isSetSupported = (set: string, version?: string) =>
    sim.Office.context.requirements.isSetSupported(set, version);
  const workbook = createOfficeWorkbook({ run: sim.Excel.run, isSetSupported });
  return { sim, actions: createFocusActions(workbook, detectCapabilities(isSetSupported)) };
}

/** Every typed cell (a constant), by sheet and address: the user's own entries. */
function typedCells(sim: ReturnType<typeof createExcelSim>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of sim.state.snapshot().sheets) {
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (cell.formula === undefined || cell.formula === null)
        out[`${sheet.name}!${address}`] = cell.value;
    }
  }
  return out;
}

const ACTIONS: [string, (a: FocusActions) => Promise<unknown>][] = [
  ["validate", (a) => a.validate()],
  ["bindings", (a) => a.bindings()],
  [
    "bind the selection",
    async (a) => {
      await a.goTo("'Seg 4d(2)'!E17");
      return a.bindSelection("7080", "sheet");
    },
  ],
  ["unbind", (a) => a.unbind({ name: "FOCUS_7080", sheet: null })],
  [
    "scan a sheet and apply",
    async (a) => {
      await a.goTo("'Capital'!A1");
      const [sheet] = (await a.scanSheet()).sheets;
      return a.applyScan(
        { bindings: sheet.proposals, units: sheet.unit ? [sheet.unit] : [] },
        "sheet"
      );
    },
  ],
  [
    "scan the workbook and apply",
    async (a) => {
      const scan = await a.scanWorkbook();
      const bindings = scan.sheets.flatMap((s) => s.proposals.filter((p) => p.ticked));
      return a.applyScan({ bindings, units: [] }, "sheet");
    },
  ],
  ["highlight", async (a) => a.highlight(await a.validate())],
  ["clear highlights", (a) => a.clearHighlights()],
  ["recompute preview", (a) => a.recomputePreview()],
  ["insert a template", (a) => a.insertTemplate("seg-4d2")],
  ["explain", (a) => a.explain("workbook", "7180")],
];

describe("no typed cell is written without confirmation", () => {
  const { sim, actions } = setup();

  test.each(ACTIONS)("%s leaves every typed cell as it was", async (_name, act) => {
    const before = typedCells(sim);
    await act(actions);
    const after = typedCells(sim);
    // New cells may appear (a template sheet); none of the user's may change or vanish.
    for (const [key, value] of Object.entries(before))
      expect([key, after[key]]).toEqual([key, value]);
  });

  test("recompute writes only the confirmed derived cells, and nothing else", async () => {
    // The sheet-level bind above made the sheet its own scope: find 7180 wherever it now lives.
    const rows = (await actions.recomputePreview()).filter(
      (r) => r.code === "7180" && r.sheet === "Seg 4d(2)"
    );
    expect(rows).toHaveLength(1);
    const before = typedCells(sim);
    await actions.recomputeApply(rows, "values");
    const after = typedCells(sim);
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(changed).toEqual(["Seg 4d(2)!E29"]);
    expect(after["Seg 4d(2)!E29"]).toBe(3416643297);
  });
});
