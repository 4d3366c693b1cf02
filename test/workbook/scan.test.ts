import { LABEL_SCAN_ROWS } from "../../src/workbook/port";
import { scanGrid, type SheetScan } from "../../src/workbook/scan";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { writeXlsx } from "../../sim";
import { officeOverSim } from "../office/fixtures";

const TITLE =
  "Statement of segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges";

async function grid(
  cells: { ref: string; value: string | number }[],
  what: "codes" | "labels" = "labels"
) {
  return new XlsxReader(writeXlsx({ sheets: [{ name: "S", cells }] })).readGrid("S", what);
}

describe("scanGrid: code cells first, then labels", () => {
  test("the .xlsx reader returns the words only when asked for labels", async () => {
    const cells = [
      { ref: "A1", value: "Net ledger balance - cash" },
      { ref: "C1", value: 5 },
    ];
    expect((await grid(cells, "codes")).length).toBe(0);
    expect((await grid(cells, "labels")).length).toBe(2);
  });

  test("a printed code wins over the words on its row; other rows bind by label", async () => {
    const scan = scanGrid(
      "S",
      await grid([
        { ref: "A1", value: TITLE },
        { ref: "A2", value: "13. Total amount in segregation" },
        { ref: "C2", value: 150 },
        { ref: "D2", value: "7180" },
        { ref: "A3", value: "14. Excess (deficiency) funds in segregation" },
        { ref: "C3", value: 30 },
      ])
    );
    expect(scan.proposals.map((p) => [p.address, p.code, p.source])).toEqual([
      ["C2", "7180", "code"],
      ["C3", "7190", "label"],
    ]);
  });

  test("an amount that equals a code (7,010 in millions) is an amount, not a code cell", async () => {
    // Without the check, D3 (7010) read as a code cell: 7010 bound to the empty C3 beside it.
    const scan = scanGrid(
      "S",
      await grid([
        { ref: "A1", value: TITLE },
        { ref: "A2", value: "1. Net ledger balance" },
        { ref: "A3", value: "A. Cash" },
        { ref: "D3", value: 7010 },
        { ref: "A4", value: "B. Securities (at market)" },
        { ref: "D4", value: 250 },
        { ref: "A5", value: "4. Net equity (deficit)" },
        { ref: "D5", value: 7260 },
      ])
    );
    expect(scan.proposals.map((p) => [p.address, p.code, p.source])).toEqual([
      ["D3", "7010", "label"],
      ["D4", "7020", "label"],
      ["D5", "7040", "label"],
    ]);
  });
});

describe("scanGrid sees the same cells whichever adapter read the sheet", () => {
  /** The sheet read by the Office adapter (on the simulator) and by the .xlsx reader, each scanned. */
  async function bothScans(cells: { ref: string; value: string | number }[]) {
    const workbook = { sheets: [{ name: "S", cells }] };
    const { wb } = officeOverSim({ workbook });
    const office = scanGrid("S", await wb.readGrid("S", "labels"));
    const xlsx = scanGrid("S", await new XlsxReader(writeXlsx(workbook)).readGrid("S", "labels"));
    const shown = (s: SheetScan) => s.proposals.map((p) => [p.address, p.code, p.source]);
    return { office: shown(office), xlsx: shown(xlsx) };
  }

  test(`words below row ${LABEL_SCAN_ROWS.toLocaleString("en-US")} bind in neither (the Office adapter reads every row; failed before: the pane proposed them, focus-check did not)`, async () => {
    const below = LABEL_SCAN_ROWS + 2;
    const { office, xlsx } = await bothScans([
      { ref: "A1", value: TITLE },
      { ref: "A2", value: "13. Total amount in segregation" },
      { ref: "C2", value: 150 },
      { ref: `A${below}`, value: "14. Excess (deficiency) funds in segregation" },
      { ref: `C${below}`, value: 30 },
    ]);
    expect(xlsx).toEqual([["C2", "7180", "label"]]);
    expect(office).toEqual(xlsx);
  });

  test(`a code cell below row ${LABEL_SCAN_ROWS.toLocaleString("en-US")} is judged on the same cells (failed before: the amounts under it, read by the Office adapter alone, made it an amount)`, async () => {
    const row = LABEL_SCAN_ROWS + 10;
    const { office, xlsx } = await bothScans([
      { ref: "A1", value: TITLE },
      { ref: `C${row}`, value: 150 },
      { ref: `D${row}`, value: 7180 },
      { ref: `D${row + 1}`, value: 410 },
      { ref: `D${row + 2}`, value: 520 },
      { ref: `D${row + 3}`, value: 630 },
    ]);
    expect(xlsx).toEqual([[`C${row}`, "7180", "code"]]);
    expect(office).toEqual(xlsx);
  });
});
