/// <reference types="office-js" />

/**
 * The older way to open the pane with a workbook (docs/develop/automatically-open-a-task-pane-with-a-document.md):
 * this document setting, honoured only for an add-in whose manifest has a ShowTaskpane action
 * with the same TaskpaneId. The manifest no longer has one (the shared runtime opens the pane
 * through Office.addin: ./startup.ts); workbooks prepared by an earlier version may still carry
 * the setting, and changing the team template removes it.
 */
export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

/** The part of Office.context.document.settings the adapter uses (the simulator provides the same). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(
    callback: (result: { status: unknown; error?: { message?: string } | null }) => void
  ): void;
}

/** Office.context.document.settings, looked up when used: office.js fills it in only after Office.onReady. */
export const officeSettings = (): DocumentSettings => Office.context.document.settings;

/** The document still carries the older setting. */
export function hasOlderAutoOpen(settings: DocumentSettings): boolean {
  const value = settings.get(AUTO_OPEN_SETTING);
  return value !== null && value !== undefined;
}

/**
 * Remove the older setting and save the settings into the document (saveAsync clears Excel's
 * undo history, so this runs only when the setting is there and the user confirmed).
 */
export function removeOlderAutoOpen(settings: DocumentSettings): Promise<void> {
  settings.remove(AUTO_OPEN_SETTING);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      // office.js reports "succeeded" / "failed" (the typings declare a numeric enum).
      if (String(result.status) === "failed") {
        const why = result.error?.message ? `: ${result.error.message}` : "";
        reject(new Error(`Excel did not save the document setting${why}`));
      } else resolve();
    })
  );
}
