// tsconfig.json limits "types" to node and jest; the Office typings are named here.
/// <reference types="office-js" />
/**
 * Ribbon commands (manifest.xml: ValidateButton -> ExecuteFunction "validate").
 * Shared runtime: taskpane.html loads this bundle next to the pane's, so the
 * commands share the page (and its window) with the pane, but not its modules.
 */
import { createOfficeWorkbook } from "../workbook/office";
import {
  createFocusActions,
  detectCapabilities,
  problemOf,
  publishRibbonResult,
  type FocusActions,
} from "../taskpane/actions";
import type { WorkbookReport } from "../workbook/validate";

/** Built per click: the workbook is read when the command runs, never at load. */
function focusActions(): FocusActions {
  return createFocusActions(
    createOfficeWorkbook(),
    detectCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version))
  );
}

function needsAttention(report: WorkbookReport): boolean {
  return report.scopes.some((s) => s.findings.some((f) => f.severity !== "info"));
}

/**
 * Ribbon "Validate": the pane's own validate and highlight. The result goes to
 * the pane (which shows it on its Validate tab); the pane is brought forward
 * only when there is something to look at. Always ends with event.completed(),
 * or the ribbon button stays busy.
 */
export async function validate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const focus = focusActions();
    const report = await focus.validate();
    const marks = focus.capabilities().conditionalFormats
      ? (await focus.highlight(report)).marks
      : null;
    publishRibbonResult({ report, marks, at: new Date() });
    if (
      needsAttention(report) &&
      Office.context.requirements.isSetSupported("SharedRuntime", "1.1")
    ) {
      await Office.addin.showAsTaskpane();
    }
  } catch (e) {
    // A command has no surface of its own: the console is where a failure can be read.
    console.error("FOCUS ribbon Validate:", problemOf(e).message);
  } finally {
    event.completed();
  }
}

// office.js is absent in a plain browser tab or a test page; the commands are then simply not registered.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to prepare: the commands read the workbook when they run.
  });
  Office.actions.associate("validate", validate);
}
