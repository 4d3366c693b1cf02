/// <reference types="office-js" />
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createExcelSim } from "..";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { cellKey } from "../../src/grid";
import { writeXlsx, type WorkbookModel } from "../xlsx-writer";

const MODEL: WorkbookModel = {
  sheets: [
    {
      name: "Day 1",
      cells: [
        {
          ref: "C5",
          value: 1200.5,
          numberFormat: "#,##0.00",
          bold: true,
          fill: "FFFFC7CE",
          note: "typed by hand",
        },
        { ref: "C6", formula: "C5*2", value: 2401 },
        { ref: "C7", formula: "FOCUS_7010+1" },
        { ref: "C8", error: "#N/A" },
        { ref: "B3", value: "merged" },
      ],
      merges: ["B3:C3"],
      columnWidths: { B: 40 },
      protected: true,
    },
    { name: "Hidden", state: "hidden", cells: [{ ref: "A1", value: true }] },
  ],
  names: [
    { name: "FOCUS_7010", refersTo: "'Day 1'!$C$5", localSheet: "Day 1" },
    { name: "FOCUS_UNIT", refersTo: "1000" },
  ],
  calcMode: "manual",
};

describe("workbooks in and out of the simulator", () => {
  it("loads .xlsx bytes: values, formulas with cached results, formats, merges, protection, names of both levels", async () => {
    const { Excel, state } = createExcelSim({ workbook: writeXlsx(MODEL) });
    expect([state.value("Day 1", "C6"), state.formula("Day 1", "C6")]).toEqual([2401, "=C5*2"]);
    expect(state.value("Day 1", "C7")).toBe(1201.5); // no cached result: computed on load
    expect(state.value("Day 1", "C8")).toBe("#N/A");
    const snap = state.snapshot();
    expect(snap.calculationMode).toBe("Manual");
    expect(snap.names).toEqual({ FOCUS_UNIT: "=1000" });
    expect(snap.sheets.map((s) => [s.name, s.visibility, s.protected, s.merges, s.names])).toEqual([
      ["Day 1", "Visible", true, ["B3:C3"], { FOCUS_7010: "='Day 1'!$C$5" }],
      ["Hidden", "Hidden", false, [], {}],
    ]);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Day 1").getRange("C5").load("numberFormat");
      await ctx.sync();
      expect(r.numberFormat).toEqual([["#,##0.00"]]);
    });
  });

  it("saves through the .xlsx writer: notes, bold, fills and widths come back; conditional formats are dropped", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Hidden");
      sheet.getRange("B2").formulas = [["=A1"]];
      const cf = sheet.getRange("A1").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      await ctx.sync();
    });
    const bytes = state.toXlsx();
    const wb = XlsxWorkbook.fromBytes(bytes);
    wb.load(
      new Map([
        [0, "all"],
        [1, "all"],
      ])
    );
    expect(wb.names.map((n) => [n.name, n.localSheetId, n.refersTo])).toEqual([
      ["FOCUS_UNIT", null, "1000"],
      ["FOCUS_7010", 0, "'Day 1'!$C$5"],
    ]);
    expect(wb.sheet(0)!.cells.get(cellKey(6, 3))).toEqual({
      value: { type: "number", value: 2401 },
      formula: "C5*2",
    });
    expect(wb.sheet(1)!.cells.get(cellKey(2, 2))).toEqual({
      value: { type: "boolean", value: true },
      formula: "A1",
    });
    expect(wb.sheet(0)!.protected).toBe(true);
    const parts = Object.fromEntries(
      Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)])
    );
    expect(parts["xl/comments1.xml"]).toContain("typed by hand");
    expect(parts["xl/worksheets/sheet1.xml"]).toContain(
      '<col min="2" max="2" width="40" customWidth="1"/>'
    );
    expect(parts["xl/styles.xml"]).toContain("FFFFC7CE");
    expect(Object.values(parts).some((p) => p.includes("conditionalFormatting"))).toBe(false);
  });
});

describe("chart sheets in a file", () => {
  it("opens them as chart sheets: not worksheets to the API, their names still taken", async () => {
    const parts = unzipSync(
      writeXlsx({ sheets: [{ name: "Day 1", cells: [{ ref: "A1", value: 1 }] }] })
    );
    const text = (name: string) => strFromU8(parts[name]);
    // A chart sheet as Excel writes one: a <sheet> whose relationship is of type chartsheet.
    parts["xl/workbook.xml"] = strToU8(
      text("xl/workbook.xml").replace(
        "</sheets>",
        '<sheet name="Chart1" sheetId="9" r:id="rIdC"/></sheets>'
      )
    );
    parts["xl/_rels/workbook.xml.rels"] = strToU8(
      text("xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'
      )
    );
    const { Excel, state } = createExcelSim({ workbook: zipSync(parts) });
    expect(state.book.chartSheets).toEqual(["Chart1"]);
    const names = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(["Day 1"]);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("chart1");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});
