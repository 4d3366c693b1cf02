// tsconfig.json limits "types" to node and jest; the Office typings are named here.
/// <reference types="office-js" />
/**
 * Connects the binding-reading functions to the Excel they run in. It lives with
 * the functions, not the pane: in the shared runtime the functions bundle runs
 * whether or not the pane was ever opened.
 */
import { createOfficeWorkbook } from "../workbook/office";
import { invalidate, setWorkbookSource } from "./snapshot";

/** Read through the Office adapter, and drop the cached read on every edit and recalculation. */
export function connectToExcel(): void {
  setWorkbookSource(() => createOfficeWorkbook());
  void Office.onReady(async () => {
    // Workbook-wide onChanged is ExcelApi 1.9; without it the snapshot's one-second expiry is the safety net.
    if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
    try {
      await Excel.run(async (context) => {
        // Every source, a co-author's Remote edits included: the values changed either way.
        context.workbook.worksheets.onChanged.add(async () => invalidate());
        context.workbook.worksheets.onCalculated.add(async () => invalidate());
        await context.sync();
      });
    } catch (e) {
      console.error("FOCUS functions: cannot watch the workbook for changes", e);
    }
  });
}
