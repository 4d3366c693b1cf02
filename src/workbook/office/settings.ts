/// <reference types="office-js" />

/**
 * The document setting that makes Excel open the pane with a workbook: honoured only
 * for an add-in whose manifest has a ShowTaskpane action with this same TaskpaneId.
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

export function autoOpen(settings: DocumentSettings): Promise<boolean> {
  return Promise.resolve(settings.get(AUTO_OPEN_SETTING) === true);
}

/**
 * Set or remove the setting, then save the settings into the document. Removing rather than
 * writing false leaves no trace of the add-in in a workbook that no longer wants it.
 */
export function setAutoOpen(settings: DocumentSettings, on: boolean): Promise<void> {
  if (on) settings.set(AUTO_OPEN_SETTING, true);
  else settings.remove(AUTO_OPEN_SETTING);
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
