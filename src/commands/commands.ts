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

/** Built per click: the workbook is read when the command runs, never at load. */
function focusActions(): FocusActions {
  return createFocusActions(
    createOfficeWorkbook(),
    detectCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version))
  );
}

/**
 * Ribbon "Validate": the pane's own validate and highlight. The result shows where it does
 * not take keyboard focus: the marked cells in the grid, and the pane's Validate tab (the
 * shared runtime keeps the pane's page alive while it is closed), which the user sees when
 * they open the pane with the FOCUS pane button. It never calls Office.addin.showAsTaskpane():
 * on desktop that moves focus from the grid into the pane with no keyboard way back
 * (office-js#5050). A ribbon command has no message surface of its own, and
 * Office.ribbon.requestUpdate changes only whether controls are enabled or visible
 * (RibbonApi 1.1), not their labels, so it cannot carry a result.
 * Always ends with event.completed(), or the ribbon button stays busy.
 */
export async function validate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const focus = focusActions();
    const report = await focus.validate();
    const marks = focus.capabilities().conditionalFormats
      ? (await focus.highlight(report)).marks
      : null;
    publishRibbonResult({ report, marks, at: new Date() });
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
