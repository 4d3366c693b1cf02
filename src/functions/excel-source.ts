// tsconfig.json limits "types" to node and jest; the Office typings are named here.
/// <reference types="office-js" />
/**
 * Connects the name-reading functions to the Excel they run in. It lives with the functions, not
 * the pane: in the shared runtime the functions bundle runs whether or not the pane was ever
 * opened (docs/develop/configure-your-add-in-to-use-a-shared-runtime.md), so the change handler is
 * the runtime's own and keeps the cells current with the pane closed.
 *
 * Every Excel.run here happens outside custom-function calls: the handler is registered in the
 * first read's batch (after the quiet time, snapshot.ts), never while the opening calculation
 * calls the functions.
 */
import { createOfficeWorkbook } from "../workbook/office";
import { setWorkbookSource, workbookChanged } from "./snapshot";

/** Read through the Office adapter; read again (once things are quiet) after every change. */
export function connectToExcel(): void {
  setWorkbookSource(() => createOfficeWorkbook(), watchChanges);
}

/** Registers the runtime's change handler; false when Excel refused (it is tried again before the next read). */
async function watchChanges(): Promise<boolean> {
  // Workbook-wide onChanged is ExcelApi 1.9. Without it the cells still follow every burst of
  // FOCUS calls (a formula entered, F9), just not an edit elsewhere.
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return true;
  try {
    // The user may be typing in a cell (a FOCUS formula being entered): wait for them, as every
    // read does, rather than fail with InvalidOperationInCellEditMode.
    await Excel.run({ delayForCellEdit: true }, async (context) => {
      // Every source, a co-author's Remote edits included: the values changed either way.
      context.workbook.worksheets.onChanged.add(() => workbookChanged());
      await context.sync();
    });
    return true;
  } catch (e) {
    console.warn("FOCUS functions: cannot watch the workbook for changes yet", e);
    return false;
  }
}
