/// <reference types="office-js" />
import { createOfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { HIGHLIGHT_MARKER, WriteBlocked, type Highlight } from "../../src/workbook/port";
import type { WorkbookModel } from "../../sim";
import { officeOverSim } from "./fixtures";

const MODEL: WorkbookModel = {
  sheets: [
    {
      name: "Day 1",
      cells: [
        { ref: "C6", value: 100, numberFormat: "#,##0;(#,##0)", bold: true, fill: "FFFFFF00" },
        { ref: "C7", value: -20, numberFormat: "0.00", fill: "FF00B050" },
        { ref: "C8", value: 80, note: "checked by J. Doe" },
      ],
    },
    { name: "Day 2", cells: [{ ref: "C6", value: 5 }] },
  ],
  names: [
    { name: "FOCUS_7010", refersTo: "'Day 1'!$C$6", localSheet: "Day 1" },
    { name: "FOCUS_7020", refersTo: "'Day 1'!$C$7", localSheet: "Day 1" },
    { name: "FOCUS_7040", refersTo: "'Day 1'!$C$8", localSheet: "Day 1" },
  ],
};

const MARKS: Highlight[] = [
  {
    sheet: "Day 1",
    address: "C7",
    severity: "error",
    formula: `=AND(N("${HIGHLIGHT_MARKER}:deficiency:7020")=0,FOCUS_7020<0)`,
    note: "7020 is below zero",
  },
  {
    sheet: "Day 1",
    address: "C8",
    severity: "warning",
    formula: `=AND(N("${HIGHLIGHT_MARKER}:identity:7040")=0,ROUND(ABS(FOCUS_7040-(FOCUS_7010+FOCUS_7020)),6)>0)`,
    note: "7040 ties",
  },
  {
    sheet: "Day 1",
    address: "C6",
    severity: "info",
    formula: `=N("${HIGHLIGHT_MARKER}:bad-input:7010")=0`,
    note: "look at 7010",
  },
];

/** The user's own rule, which must survive every clear. */
async function addUserRule(run: typeof Excel.run): Promise<void> {
  await run(async (ctx) => {
    const cf = ctx.workbook.worksheets
      .getItem("Day 1")
      .getRange("C6:C8")
      .conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=C6>90";
    cf.custom.format.font.color = "#0000FF";
    await ctx.sync();
  });
}

describe("highlights", () => {
  it("marks with conditional formats and notes, and clearing leaves the user's formats exactly as they were", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    await addUserRule(sim.Excel.run);
    const before = sim.state.snapshot();

    const set = await sim.meter.measure(() => wb.setHighlights(MARKS));
    expect(set.syncs.length).toBeLessThanOrEqual(4);
    const painted = sim.state.highlighted("Day 1").map((h) => [h.address, h.fill]);
    // C8 = 80 ties 100 + (-20): its identity mark stays off. New rules go on top of the user's.
    expect(painted).toEqual([
      ["C6", "#DDEBF7"],
      ["C7", "#FFC7CE"],
    ]);
    const day1 = sim.state.snapshot().sheets[0];
    expect(day1.notes).toEqual({
      C6: `${HIGHLIGHT_MARKER}: look at 7010`,
      C7: `${HIGHLIGHT_MARKER}: 7020 is below zero`,
      C8: "checked by J. Doe",
    });
    expect(day1.cells).toEqual(before.sheets[0].cells);
    expect(day1.conditionalFormats).toHaveLength(4);

    await sim.state.setValue("Day 1", "C8", 81);
    expect(sim.state.highlighted("Day 1").map((h) => h.address)).toContain("C8");

    // A fresh adapter, as after closing and reopening: the marks are found by their marker alone.
    const reopened = createOfficeWorkbook({
      run: sim.Excel.run,
      isSetSupported: sim.Office.context.requirements.isSetSupported,
    });
    await sim.state.setValue("Day 1", "C8", 80);
    const clear = await sim.meter.measure(() => reopened.clearHighlights());
    expect(clear.result).toBe(3); // three marked cells, two of them with a note
    expect(clear.syncs.length).toBeLessThanOrEqual(4);
    expect(sim.state.snapshot()).toEqual(before);
  });

  it("replaces earlier marks instead of adding to them", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    await wb.setHighlights(MARKS);
    await wb.setHighlights(MARKS.slice(0, 1));
    const day1 = sim.state.snapshot().sheets[0];
    expect(day1.conditionalFormats.map((cf) => cf.address)).toEqual(["C7"]);
    expect(Object.keys(day1.notes)).toEqual(["C8", "C7"]);
  });

  it("refuses to mark a protected sheet, changing nothing", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL });
    sim.state.protect("Day 1");
    const before = sim.state.snapshot();
    await expect(wb.setHighlights(MARKS)).rejects.toThrow(WriteBlocked);
    await expect(wb.setHighlights(MARKS)).rejects.toMatchObject({
      problems: [
        {
          cell: "Day 1",
          reason: "protected",
          message: "Sheet 'Day 1' is protected: unprotect it to change its marks",
        },
      ],
    });
    expect(sim.state.snapshot()).toEqual(before);
  });

  it("marks without notes where notes are not supported (before ExcelApi 1.18)", async () => {
    const { sim, wb } = officeOverSim({ workbook: MODEL, requirementSets: { ExcelApi: "1.17" } });
    await wb.setHighlights(MARKS);
    expect(sim.state.snapshot().sheets[0].notes).toEqual({ C8: "checked by J. Doe" });
    expect(await wb.clearHighlights()).toBe(3);
  });
});
