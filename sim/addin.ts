import { SimOfficeError } from "./api/errors";
import type { SimPane } from "./pane";

/**
 * Office.addin in memory (requirement set SharedRuntime 1.1, per the Office.Addin reference:
 * learn.microsoft.com/javascript/api/office/office.addin): the add-in's startup behaviour,
 * stored in the document, and the task pane's visibility, plus where keyboard focus is.
 *
 * What it follows:
 * - docs/develop/run-code-on-document-open.md (OfficeDev/office-js-docs-pr):
 *   setStartupBehavior(load) makes the add-in load "whenever the document is reopened";
 *   it "won't run the first time a user opens the document" (the method has to run first);
 *   setStartupBehavior(none) turns it off for the next opening; getStartupBehavior reads it.
 *   The setting lives in the document, so it survives a reopen only when the workbook was
 *   saved after it was set (the pane tells the user to save).
 * - docs/develop/show-hide-add-in.md: showAsTaskpane() shows the pane, hide() hides it;
 *   the shared runtime keeps running while the pane is hidden.
 * - office-js#5050: on desktop, showAsTaskpane() called from a ribbon command moves keyboard
 *   focus from the grid into the pane, and the user cannot get it back with the keyboard.
 *   Modelled on every platform (the safer assumption for the add-in's tests).
 */

/** Office.StartupBehavior's run-time values (the typings' enum members none / load). */
export type SimStartupBehavior = "None" | "Load";

export const SIM_STARTUP_BEHAVIOR = { none: "None", load: "Load" } as const;

export type SimVisibilityMode = "Taskpane" | "Hidden";

type VisibilityHandler = (message: { visibilityMode: SimVisibilityMode }) => void;

/**
 * The pane and the document's opening, as a test drives them (the user's side), and the
 * state Office.addin reads and changes. `office` is what the add-in sees as Office.addin.
 */
export class SimTaskpane {
  /** Where keyboard focus is: the grid (the user's cells) or the add-in's pane. */
  focus: "grid" | "pane" = "grid";
  /** What the add-in asked of Office.addin's pane methods, in order (for tests). */
  readonly calls: string[] = [];
  /** Office.addin as the add-in calls it. */
  readonly office: SimOfficeAddin;
  private visible = false;
  /** The startup behaviour in the working document, and as last saved with it. */
  private current: SimStartupBehavior = "None";
  private saved: SimStartupBehavior = "None";
  private loadedAtOpen = false;
  private readonly handlers = new Set<VisibilityHandler>();

  /**
   * `supported`: SharedRuntime 1.1 on this host (without it every call rejects, as on a host without the API).
   * `pane`: what showing and hiding start and stop in the runtime (pane.ts: the pane's UI and handlers).
   */
  constructor(
    private readonly supported: () => boolean,
    private readonly pane?: SimPane
  ) {
    this.office = new SimOfficeAddin(this);
    // The runtime's pane (pane.ts) is the one record of visibility: opened here or by a test
    // driving it directly, Office.addin's handlers hear it once.
    void pane?.onVisibilityModeChanged(({ visibilityMode }) =>
      this.visibilityChanged(visibilityMode)
    );
  }

  /** The task pane is showing. */
  get paneVisible(): boolean {
    return this.pane ? this.pane.isOpen : this.visible;
  }

  /** This opening of the document loaded the runtime by itself (the saved document carried Load). */
  get loadedWithDocument(): boolean {
    return this.loadedAtOpen;
  }

  /** The startup behaviour the working document carries now. */
  get startupBehavior(): SimStartupBehavior {
    return this.current;
  }

  /** The user clicks the FOCUS pane button: the pane shows and takes focus, as they asked. */
  userOpensPane(): Promise<void> {
    this.focus = "pane";
    return this.setVisible(true);
  }

  /** The user closes the pane (its X): the runtime keeps running, the pane's UI is gone. */
  userClosesPane(): Promise<void> {
    this.focus = "grid";
    return this.setVisible(false);
  }

  /** The user clicks a cell. */
  userClicksGrid(): void {
    this.focus = "grid";
  }

  /** File › Save: the startup behaviour is stored with the document. */
  save(): void {
    this.saved = this.current;
  }

  /**
   * Close the document and open it again: the pane is closed, and the runtime loads at
   * open only when the saved document carries Load (the add-in's Office.onReady code then
   * runs: the test calls it). Returns whether it loads.
   */
  reopen(): boolean {
    this.current = this.saved;
    this.visible = false;
    void this.pane?.hide();
    this.focus = "grid";
    this.loadedAtOpen = this.saved === "Load" && this.supported();
    return this.loadedAtOpen;
  }

  /** @internal Office.addin's side. */
  async require(method: string): Promise<void> {
    await null; // Office answers asynchronously
    if (!this.supported())
      throw new SimOfficeError(
        "ApiNotFound",
        `Office.addin.${method} needs the SharedRuntime 1.1 requirement set, which this host does not support.`
      );
  }

  /** @internal */
  setBehavior(behavior: SimStartupBehavior): void {
    if (behavior !== "None" && behavior !== "Load")
      throw new SimOfficeError(
        "InvalidArgument",
        `Unknown startup behavior "${String(behavior)}".`
      );
    this.current = behavior;
  }

  /** @internal */
  show(): Promise<void> {
    this.calls.push("showAsTaskpane");
    this.focus = "pane"; // office-js#5050
    return this.setVisible(true);
  }

  /** @internal */
  hidePane(): Promise<void> {
    this.calls.push("hide");
    this.focus = "grid";
    return this.setVisible(false);
  }

  /** @internal */
  listen(handler: VisibilityHandler): () => void {
    this.handlers.add(handler);
    return () => void this.handlers.delete(handler);
  }

  private async setVisible(on: boolean): Promise<void> {
    if (this.pane) return on ? this.pane.show() : this.pane.hide();
    if (this.visible !== on) this.visibilityChanged(on ? "Taskpane" : "Hidden");
  }

  private visibilityChanged(visibilityMode: SimVisibilityMode): void {
    this.visible = visibilityMode === "Taskpane";
    this.handlers.forEach((h) => h({ visibilityMode }));
  }
}

/** Office.addin: only the members Office.Addin declares (sim/test/surface.test.ts checks). */
export class SimOfficeAddin {
  constructor(private readonly pane: SimTaskpane) {}

  async setStartupBehavior(behavior: SimStartupBehavior): Promise<void> {
    await this.pane.require("setStartupBehavior");
    this.pane.setBehavior(behavior);
  }

  async getStartupBehavior(): Promise<SimStartupBehavior> {
    await this.pane.require("getStartupBehavior");
    return this.pane.startupBehavior;
  }

  async showAsTaskpane(): Promise<void> {
    await this.pane.require("showAsTaskpane");
    await this.pane.show();
  }

  async hide(): Promise<void> {
    await this.pane.require("hide");
    await this.pane.hidePane();
  }

  async onVisibilityModeChanged(handler: VisibilityHandler): Promise<() => Promise<void>> {
    await this.pane.require("onVisibilityModeChanged");
    const remove = this.pane.listen(handler);
    return async () => remove();
  }
}
