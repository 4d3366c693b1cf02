// tsconfig.json limits "types" to node and jest; the Office typings are named here.
/// <reference types="office-js" />
/**
 * Ribbon commands (manifest.xml: ValidateButton -> ExecuteFunction "validate").
 * Shared runtime: this bundle is loaded by taskpane.html, so the commands share the pane's context.
 */

/** Ribbon "Validate". Does nothing yet; must always call event.completed() or the ribbon stays busy. */
async function validate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The check of the bound statements comes here.
  } finally {
    event.completed();
  }
}

// office.js is absent in a plain browser tab or a test page; the commands are then simply not registered.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to prepare yet: the commands read the workbook when they run.
  });
  Office.actions.associate("validate", validate);
}
