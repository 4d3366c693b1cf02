/// <reference types="office-js" />
import { validateWorkbook } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { writeXlsx } from "../../sim";
import { dailyWorkbook, officeOverSim } from "./fixtures";

const FOUR_MB = 4 * 1024 * 1024;

describe.each([150, 1500, 15000])("Validate through Office.js, %i bound lines", (lines) => {
  it("reads in at most 3 syncs, each request and response under 4 MB, and finds what the .xlsx adapter finds", async () => {
    const bytes = writeXlsx(dailyWorkbook(lines));
    const { sim, wb } = officeOverSim({ workbook: bytes });
    const { result, syncs } = await sim.meter.measure(() => validateWorkbook(wb));
    expect(syncs.length).toBeLessThanOrEqual(3);
    for (const s of syncs) {
      expect(s.requestBytes).toBeLessThan(FOUR_MB);
      expect(s.responseBytes).toBeLessThan(FOUR_MB);
    }
    const expected = await validateWorkbook(new XlsxReader(bytes));
    expect(expected.scopes.reduce((n, s) => n + s.findings.length, 0)).toBeGreaterThan(0);
    expect(result).toEqual(expected);
  });
});

test("a year and more of small daily sheets (15,002 lines on 577 sheets) still reads in 3 syncs under 4 MB", async () => {
  // The bench's shape: one 4d(2) statement per business day, the form's layout, sheet-level names.
  const { dailyWorkbook: dailyStatements } = await import("../../bench/workbooks");
  const { sim, wb } = officeOverSim({ workbook: dailyStatements(577) });
  const { result, syncs } = await sim.meter.measure(() => validateWorkbook(wb));
  expect(syncs.length).toBeLessThanOrEqual(3);
  for (const s of syncs) expect(s.responseBytes).toBeLessThan(FOUR_MB);
  expect(result.scopes).toHaveLength(577);
});

test("the firm printed at each sheet's top is read in the same 3 syncs, as the .xlsx adapter reads it", async () => {
  const { dailyWorkbook: dailyStatements } = await import("../../bench/workbooks");
  // The bench's sheets print "Bench FCM" above the statement's title.
  const bytes = dailyStatements(40);
  const { sim, wb } = officeOverSim({ workbook: bytes });
  const { result, syncs } = await sim.meter.measure(() => validateWorkbook(wb));
  expect(syncs.length).toBeLessThanOrEqual(3);
  expect(new Set(result.periods.map((p) => `${p.entity}|${p.entitySource}`))).toEqual(
    new Set(["Bench FCM|sheet heading"])
  );
  expect(result.periods[0].entityCell).toMatch(/^'.+'!A1$/);
  expect(result.periods).toEqual((await validateWorkbook(new XlsxReader(bytes))).periods);
});
