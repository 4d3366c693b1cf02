/// <reference types="office-js" />
import type { SheetModel } from "../../sim";
import { officeOverSim } from "./fixtures";

/**
 * Excel on the web answers at most 5 MB a response ("Resource limits and performance
 * optimization for Office Add-ins"); the simulator refuses past it as Excel does. The adapter's
 * estimate (48 bytes a cell) keeps ordinary statements in one sync; long texts, read as value
 * and formula both, can go past it.
 */
describe("reading ranges larger than one response", () => {
  const LABEL = "漢".repeat(400); // 1,200 bytes in UTF-8
  function longLabels(sheets: number, rows: number): SheetModel[] {
    return Array.from({ length: sheets }, (_, s) => ({
      name: `Day ${s + 1}`,
      cells: Array.from({ length: rows }, (_, r) => ({ ref: `B${r + 1}`, value: LABEL })),
    }));
  }

  it("splits a read Excel refuses as too large and answers every cell (failed before: ResponsePayloadSizeLimitExceeded)", async () => {
    const { sim, wb } = officeOverSim({ workbook: { sheets: longLabels(60, 40) } });
    const refs = sim.state.book.sheets.flatMap((s) =>
      Array.from({ length: 40 }, (_, r) => ({ sheet: s.name, address: `B${r + 1}` }))
    );
    const { result, syncs } = await sim.meter.measure(() => wb.readRanges(refs));
    expect(result.size).toBe(60 * 40);
    for (const read of result.values())
      expect(read.content.value).toEqual({ type: "text", text: LABEL });
    expect(syncs.filter((s) => s.failed)).toHaveLength(1); // the one Excel refused
    expect(syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= 5 * 1024 * 1024)).toBe(
      true
    );
  });

  it("one long cell per sheet still reads in one sync", async () => {
    const { sim, wb } = officeOverSim({ workbook: { sheets: longLabels(3, 1) } });
    const refs = ["Day 1", "Day 2", "Day 3"].map((sheet) => ({ sheet, address: "B1" }));
    const { syncs } = await sim.meter.measure(() => wb.readRanges(refs));
    expect(syncs).toHaveLength(1);
  });
});
