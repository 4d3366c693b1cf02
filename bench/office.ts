/// <reference types="office-js" />
/**
 * Round trips of one Validate through the real Office.js adapter, counted by the
 * in-memory Excel's meter: syncs and the largest request and response, at 150,
 * 1,500 and 15,000 bound lines (Excel on the web caps a request at 5 MB).
 */
import { createExcelSim } from "../sim";
import { createOfficeWorkbook } from "../src/workbook/office";
import { validateWorkbook } from "../src/workbook/validate";
import { dailyWorkbook } from "./workbooks";

export interface OfficeFigure {
  boundLines: number;
  sheets: number;
  syncs: number;
  maxRequestKb: number;
  maxResponseKb: number;
}

/** 26 sheet-level names per daily sheet: enough sheets for `lines` bound lines. */
export async function validateRoundTrips(lines: number): Promise<OfficeFigure> {
  const sheets = Math.ceil(lines / 26);
  const sim = createExcelSim({ workbook: dailyWorkbook(sheets) });
  const wb = createOfficeWorkbook({
    run: sim.Excel.run,
    isSetSupported: sim.Office.context.requirements.isSetSupported,
  });
  const { syncs } = await sim.meter.measure(() => validateWorkbook(wb));
  const kb = (n: number) => Math.round(n / 1024);
  return {
    boundLines: sheets * 26,
    sheets,
    syncs: syncs.length,
    maxRequestKb: kb(Math.max(0, ...syncs.map((s) => s.requestBytes))),
    maxResponseKb: kb(Math.max(0, ...syncs.map((s) => s.responseBytes))),
  };
}
