/// <reference types="office-js" />
import type { WorkbookModel } from "../../sim";
import { officeOverSim } from "./fixtures";

const MODEL: WorkbookModel = {
  sheets: [
    {
      name: "Day 1",
      cells: [
        { ref: "C6", value: 1 },
        { ref: "C7", formula: "C6*2", value: 2 },
      ],
      merges: ["C16:D16"],
    },
    { name: "Other", cells: [] },
  ],
};

describe("host", () => {
  it("reports the selection's top-left cell, a merged cell's too", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    sim.state.select("Day 1", "D16");
    expect(await wb.selection()).toEqual({ sheet: "Day 1", address: "C16" });
    sim.state.select("Other", "B2:C3");
    expect(await wb.selection()).toEqual({ sheet: "Other", address: "B2" });
  });

  it("reports no selection on a chart sheet, where Excel selects no cell (InvalidSelection)", async () => {
    // Failed before: Excel's InvalidSelection reached the pane as "The current selection is invalid for this operation."
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    sim.state.addChartSheet("Chart1");
    sim.state.activateChartSheet("Chart1");
    expect(await wb.selection()).toBeNull();
    expect((await wb.structure()).sheets.map((s) => [s.name, s.isWorksheet])).toEqual([
      ["Day 1", true],
      ["Other", true],
    ]);
    sim.state.select("Other", "B2");
    expect(await wb.selection()).toEqual({ sheet: "Other", address: "B2" });
  });

  it("selects a cell on another sheet in one sync", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    const { syncs } = await sim.meter.measure(() => wb.select({ sheet: "Other", address: "E5" }));
    expect(syncs).toHaveLength(1);
    expect(await wb.selection()).toEqual({ sheet: "Other", address: "E5" });
  });

  it("calls back on this user's edits and recalculations, and on a co-author's and the recalculation after it, until unsubscribed", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    let calls = 0;
    const stop = await wb.onChange(() => calls++);
    // Failed before co-author changes were watched: a Remote edit and its recalculation were dropped.
    await sim.state.setValue("Day 1", "C6", 5, { source: "Remote" });
    expect(calls).toBe(2); // the co-author's edit, then the recalculation of C7
    await sim.state.setValue("Day 1", "C6", 6);
    expect(calls).toBe(4);
    await stop();
    await sim.state.setValue("Day 1", "C6", 7);
    expect(calls).toBe(4);
  });

  it("watches nothing before ExcelApi 1.9 (no collection-level onChanged)", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL, requirementSets: { ExcelApi: "1.8" } });
    let calls = 0;
    const stop = await wb.onChange(() => calls++);
    await sim.state.setValue("Day 1", "C6", 6);
    expect(calls).toBe(0);
    expect(sim.meter.syncCount).toBe(0);
    await stop();
  });
});
