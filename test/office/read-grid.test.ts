/// <reference types="office-js" />
import type { CellModel, ExcelSim, SheetModel } from "../../sim";
import { gridOf } from "../../src/workbook/office/read-grid";
import type { GridCell } from "../../src/workbook/port";
import { officeOverSim } from "./fixtures";

const FIVE_MB = 5 * 1024 * 1024;

/** A sheet of text, `rows` × `cols` from A1, every cell different. */
function textSheet(name: string, rows: number, cols: number, text = "Entry"): SheetModel {
  const cells: CellModel[] = [];
  for (let r = 1; r <= rows; r++)
    for (let c = 0; c < cols; c++)
      cells.push({ ref: `${String.fromCharCode(65 + c)}${r}`, value: `${text} ${r}.${c}` });
  return { name, cells };
}

/** The sheet's used range in one read, as the adapter read it before, on a host without the 5 MB limit. */
async function oneRead(sim: ExcelSim, sheet: string): Promise<GridCell[]> {
  const limit = sim.state.payloadLimitBytes;
  sim.state.payloadLimitBytes = Number.MAX_SAFE_INTEGER;
  try {
    return await sim.Excel.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem(sheet)
        .getUsedRangeOrNullObject(true)
        .load("values, valueTypes, rowIndex, columnIndex");
      await context.sync();
      return gridOf(used);
    });
  } finally {
    sim.state.payloadLimitBytes = limit;
  }
}

describe("Scan's read of a sheet larger than one response (Excel on the web's 5 MB)", () => {
  it("reads 60,000 rows × 20 columns of text in row blocks: every cell, as one read gives them, in a dozen syncs (failed before: ResponsePayloadSizeLimitExceeded)", async () => {
    const { sim, wb } = officeOverSim({ workbook: { sheets: [textSheet("Ledger", 60_000, 20)] } });
    const { result, syncs } = await sim.meter.measure(() => wb.readGrid("Ledger", "labels"));
    expect(result).toHaveLength(1_200_000);
    // Compared as JSON: the same cells in the same order (a deep toEqual of 1.2M cells takes a minute).
    expect(JSON.stringify(result) === JSON.stringify(await oneRead(sim, "Ledger"))).toBe(true);
    expect(sim.meter.maxResponseBytes).toBeGreaterThan(FIVE_MB); // the one read: what Excel refuses
    expect(syncs.length).toBeLessThanOrEqual(12); // the size with the first rows, then blocks of ~4 MB
    expect(syncs.every((s) => !s.failed && s.responseBytes <= FIVE_MB)).toBe(true);
  });

  it("a statement-sized sheet still reads in one sync", async () => {
    const { sim, wb } = officeOverSim({ workbook: { sheets: [textSheet("Seg", 300, 12)] } });
    const { result, syncs } = await sim.meter.measure(() => wb.readGrid("Seg", "labels"));
    expect(syncs).toHaveLength(1);
    expect(result).toEqual(await oneRead(sim, "Seg"));
  });

  it("cells right of and below the first sync's window are read too, in the same order", async () => {
    const far: SheetModel = {
      name: "Wide",
      cells: [
        { ref: "B2", value: "top left" },
        { ref: "BL1953", value: "window corner" },
        { ref: "BM1", value: "right of it" },
        { ref: "CA1953", value: "right, last row" },
        { ref: "A1954", value: "below it" },
        { ref: "CA3000", value: 7010 },
      ],
    };
    const { sim, wb } = officeOverSim({ workbook: { sheets: [far] } });
    const { result, syncs } = await sim.meter.measure(() => wb.readGrid("Wide"));
    expect(result.map((c) => c.content.value)).toHaveLength(6);
    expect(result).toEqual(await oneRead(sim, "Wide"));
    expect(syncs).toHaveLength(2); // the size with the window, then the rest in one block
  });

  it("a block Excel still refuses (long texts beyond the estimate) is read again in halves", async () => {
    const LONG = "漢".repeat(300); // 900 bytes in UTF-8: 30 times the estimate
    const { sim, wb } = officeOverSim({
      workbook: { sheets: [textSheet("Notes", 2_000, 4, LONG)] },
    });
    const { result, syncs } = await sim.meter.measure(() => wb.readGrid("Notes"));
    expect(result).toHaveLength(8_000);
    expect(result).toEqual(await oneRead(sim, "Notes"));
    expect(syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= FIVE_MB)).toBe(true);
    expect(syncs.filter((s) => s.failed).length).toBeGreaterThan(0);
    expect(syncs.length).toBeLessThanOrEqual(12);
  });
});

describe("several sheets' grids at once (Scan workbook)", () => {
  it("reads 250 daily sheets in 3 syncs, not 250: their sizes, then their cells by ~4 MB estimated", async () => {
    const days = Array.from({ length: 250 }, (_, i) => textSheet(`Day ${i + 1}`, 100, 7));
    const { sim, wb } = officeOverSim({ workbook: { sheets: days } });
    const names = days.map((d) => d.name);
    const { result, syncs } = await sim.meter.measure(() => wb.readGrids!(names, "labels"));
    expect(syncs).toHaveLength(3); // 3.9 MB of cells, estimated at 5.7 MB: two syncs of them
    expect(result.map((g) => g.sheet)).toEqual(names);
    for (const grid of [result[0], result[249]])
      expect("cells" in grid && grid.cells).toEqual(await oneRead(sim, grid.sheet));
    expect(syncs.every((s) => !s.failed && s.responseBytes <= FIVE_MB)).toBe(true);
  });

  it("names a sheet gone since the list was made, and reads the others", async () => {
    const { sim, wb } = officeOverSim({
      workbook: { sheets: [textSheet("Day 1", 5, 3), textSheet("Day 2", 5, 3)] },
    });
    const result = await wb.readGrids!(["Day 1", "Gone", "Day 2"]);
    expect(result.map((g) => ("error" in g ? "error" : g.cells.length))).toEqual([15, "error", 15]);
    expect((result[1] as { error: { code?: string } }).error.code).toBe("ItemNotFound");
    expect(result[2]).toEqual({ sheet: "Day 2", cells: await oneRead(sim, "Day 2") });
  });

  it("names a sheet Excel refuses even one cell at a time, and reads the others", async () => {
    const { sim, wb } = officeOverSim({
      workbook: {
        sheets: [
          textSheet("Day 1", 3, 2),
          { name: "Huge", cells: [{ ref: "A1", value: "x".repeat(6000) }] },
          textSheet("Day 2", 3, 2),
        ],
      },
    });
    sim.state.payloadLimitBytes = 5000; // below one of Huge's cells: a host whose limit a cell exceeds
    const result = await wb.readGrids!(["Day 1", "Huge", "Day 2"]);
    expect(result[1]).toEqual({ sheet: "Huge", error: expect.any(Error) });
    expect(String((result[1] as { error: Error }).error.message)).toMatch(
      /refused to send even one of its cells as too large \(ResponsePayloadSizeLimitExceeded\)/
    );
    expect(result.map((g) => ("cells" in g ? g.cells.length : null))).toEqual([6, null, 6]);
  });
});
