/// <reference types="office-js" />
/**
 * Auto-open the shared-runtime way (docs/develop/run-code-on-document-open.md and
 * docs/develop/show-hide-add-in.md in OfficeDev/office-js-docs-pr):
 * Office.addin.setStartupBehavior(Office.StartupBehavior.load) is stored in the document,
 * so the next time the workbook is opened Excel loads the runtime, whose start-up code then
 * calls Office.addin.showAsTaskpane(). It has no effect the first time a document is
 * opened (the method has to have run on it first), and it needs SharedRuntime 1.1.
 *
 * Not the manifest's TaskpaneId Office.AutoShowTaskpaneWithDocument: under a long-lived
 * shared runtime users report a blank pane and auto-open never firing on desktop under
 * centralized deployment (Office-Add-in-samples#776, office-js#6308), and a Microsoft
 * engineer answered #776 by pointing at the shared-runtime instructions instead.
 */

/** Office.StartupBehavior's run-time values (the typings' enum: none = "None", load = "Load"). */
export const STARTUP_NONE = "None";
export const STARTUP_LOAD = "Load";
export type StartupBehavior = typeof STARTUP_NONE | typeof STARTUP_LOAD;

/** The part of Office.addin the add-in uses (the simulator's Office.addin provides the same). */
export interface AddinApi {
  setStartupBehavior(behavior: StartupBehavior): Promise<void>;
  getStartupBehavior(): Promise<StartupBehavior | string>;
  showAsTaskpane(): Promise<void>;
  hide(): Promise<void>;
}

/** Office.addin, looked up when used (office.js fills it in after Office.onReady). */
export const officeAddin = (): AddinApi => Office.addin as unknown as AddinApi;

/** The document's startup behaviour is Load: the pane opens with this workbook. */
export async function opensWithDocument(addin: AddinApi): Promise<boolean> {
  return (await addin.getStartupBehavior()) === STARTUP_LOAD;
}

/**
 * Store Load (or None) in the document. Only ever called when the user asks (Prepare /
 * Stop): calling it with Load at start-up would turn it back on after the user turned it
 * off (the same article's note on Office.onReady).
 */
export function setOpensWithDocument(addin: AddinApi, on: boolean): Promise<void> {
  return addin.setStartupBehavior(on ? STARTUP_LOAD : STARTUP_NONE);
}

export type StartupOutcome = "shown" | "not-a-template" | "unsupported" | "failed";

/**
 * The runtime's start-up step: when the document carries Load (so the runtime was loaded
 * with the workbook), show the pane. `supported`: SharedRuntime 1.1 on this host; without it
 * Office.addin is not called at all. Never throws: a start-up that fails leaves Excel as it was.
 */
export async function showPaneIfTemplate(
  addin: AddinApi,
  supported: boolean
): Promise<StartupOutcome> {
  if (!supported) return "unsupported";
  try {
    if (!(await opensWithDocument(addin))) return "not-a-template";
    await addin.showAsTaskpane();
    return "shown";
  } catch {
    return "failed";
  }
}
