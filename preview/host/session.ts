/// <reference types="office-js" />
import { connectToExcel } from "../../src/functions/excel-source";
import { createExcelSim, type CustomFunctionsMetadata, type ExcelSim } from "../../sim";
import {
  createFocusActions,
  detectCapabilities,
  publishNotice,
  type FocusActions,
} from "../../src/taskpane/actions";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { customFunctionsRuntime } from "./custom-functions-runtime";

/** One open workbook: its simulator, and the pane's actions over it through the Office.js adapter. */
export interface PreviewSession {
  /** A new number per opened workbook: the pane is mounted afresh for each. */
  id: number;
  fileName: string;
  sim: ExcelSim;
  actions: FocusActions;
}

let opened = 0;

/**
 * Open a workbook in a new simulator and make it the page's Excel: `Excel` and `Office` are
 * the simulator's, so the pane and the FOCUS functions run the same adapter code as in Excel.
 * Throws when the bytes are not a workbook the reader accepts.
 */
export async function openWorkbook(
  bytes: Uint8Array,
  fileName: string,
  functions: CustomFunctionsMetadata
): Promise<PreviewSession> {
  const sim = createExcelSim({
    workbook: bytes,
    customFunctions: { namespace: "FOCUS", metadata: functions, runtime: customFunctionsRuntime },
  });
  Object.assign(globalThis, { Excel: sim.Excel, Office: sim.Office });
  // As in Excel: the functions read through the adapter and drop their shared read on every change.
  connectToExcel();
  // Excel recalculates volatile functions when it opens a workbook.
  await sim.state.calculate();
  const capabilities = detectCapabilities(
    (name, version) => Office.context.requirements.isSetSupported(name, version),
    sim.Office.context.diagnostics.platform
  );
  return {
    id: ++opened,
    fileName,
    sim,
    actions: createFocusActions(createOfficeWorkbook({ onNotice: publishNotice }), capabilities),
  };
}
