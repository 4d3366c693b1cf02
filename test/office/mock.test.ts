/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";
import { readGrid } from "../../src/workbook/office/read-grid";
import { readRanges } from "../../src/workbook/office/read-cells";
import { ExcelHost } from "../../src/workbook/office/excel-host";

/**
 * office-addin-mock answers a property read before load() + sync() with an error string
 * instead of the value, so these tests fail if the read path skips either step.
 */
function mockHost(seed: Record<string, unknown>): ExcelHost {
  const context = new OfficeMockObject(seed);
  const run = (async (...args: unknown[]) => {
    const batch = args[args.length - 1] as (c: unknown) => Promise<unknown>;
    return batch(context);
  }) as unknown as typeof Excel.run;
  return new ExcelHost({ run, isSetSupported: () => false });
}

const used = {
  values: [
    ["Line", 7010],
    [12, ""],
  ],
  valueTypes: [
    ["String", "Double"],
    ["Double", "Empty"],
  ],
  rowIndex: 4,
  columnIndex: 2,
  rowCount: 2,
  columnCount: 2,
};

const seed = {
  workbook: {
    worksheets: {
      "Day 1": {
        "C2:C4": {
          values: [[1500], ["(20)"], [""]],
          formulas: [["=A2*3"], ["(20)"], [""]],
          valueTypes: [["Double"], ["String"], ["Empty"]],
          numberFormat: [["#,##0"], ["General"], ["General"]],
        },
        used,
        // The first sync reads the sheet's cells within this window with the used range's size.
        "A1:BL1953": {
          used,
          getUsedRangeOrNullObject(this: Record<string, unknown>) {
            return this.used;
          },
        },
        getRange(this: Record<string, unknown>, address: string) {
          return this[address];
        },
        getUsedRangeOrNullObject(this: Record<string, unknown>) {
          return this.used;
        },
      },
      getItem(this: Record<string, unknown>, name: string) {
        return this[name];
      },
    },
  },
};

describe("the read path loads before it reads (office-addin-mock)", () => {
  it("readRanges loads values, formulas, types and formats, then syncs", async () => {
    const reads = await readRanges(mockHost(seed), [
      { sheet: "Day 1", address: "C2" },
      { sheet: "Day 1", address: "C3" },
      { sheet: "Day 1", address: "C4" },
    ]);
    expect(reads.get("day 1!C2")!.content).toEqual({
      value: { type: "number", value: 1500 },
      formula: "A2*3",
      numberFormat: "#,##0",
    });
    expect(reads.get("day 1!C3")!.content).toEqual({ value: { type: "text", text: "(20)" } });
    expect(reads.get("day 1!C4")!.content).toEqual({ value: { type: "blank" } });
  });

  it("readGrid loads the used range before reading it", async () => {
    const grid = await readGrid(mockHost(seed), "Day 1");
    expect(grid).toEqual([
      { row: 5, col: 3, content: { value: { type: "text", text: "Line" } } },
      { row: 5, col: 4, content: { value: { type: "number", value: 7010 } } },
      { row: 6, col: 3, content: { value: { type: "number", value: 12 } } },
    ]);
  });
});
