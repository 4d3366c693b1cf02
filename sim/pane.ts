/**
 * The task pane of a shared-runtime add-in, open or closed.
 *
 * With a shared runtime the add-in's page outlives its pane: the custom functions and the ribbon
 * commands run in it whether or not the pane was ever opened, and closing the pane hides it
 * without unloading the code (office-js-docs-pr docs/develop/configure-your-add-in-to-use-a-shared-runtime.md,
 * docs/develop/show-hide-add-in.md: Office.addin.showAsTaskpane, hide and onVisibilityModeChanged,
 * SharedRuntime 1.1, which change the pane's visibility only, never unloading the page). When Excel
 * opens a workbook that uses the add-in's functions, it starts the runtime without showing the pane. Recalculation is reported several times
 * slower with the pane closed (OfficeDev/office-js#6936), so the functions must not depend on
 * the pane for anything.
 *
 * The model: the pane starts closed. What the add-in starts when its pane is shown (the pane's
 * React tree, its event handlers, live validation) is given as `mount`, run when the pane opens and
 * undone when it closes, so a test can show that nothing of the pane runs while it is closed. The runtime-level
 * code (functions, commands) runs regardless.
 */
export type VisibilityMode = "Taskpane" | "Hidden";
type Unmount = () => void | Promise<void>;

export class SimPane {
  private open = false;
  private mounted: Unmount | null = null;
  private mountPane: (() => Unmount | void | Promise<Unmount | void>) | null = null;
  private readonly listeners = new Set<(args: { visibilityMode: VisibilityMode }) => void>();
  /** How often the pane was mounted (opened), for tests. */
  mounts = 0;

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * What opening the pane starts (the pane's UI and handlers); returns what closing it undoes.
   * Mounted at once when the pane is already open.
   */
  async setMount(mount: () => Unmount | void | Promise<Unmount | void>): Promise<void> {
    this.mountPane = mount;
    if (this.open) await this.runMount();
  }

  /** The user (or Office.addin.showAsTaskpane) shows the pane. */
  async show(): Promise<void> {
    if (this.open) return;
    this.open = true;
    await this.runMount();
    this.emit("Taskpane");
  }

  /** The user closes the pane (or Office.addin.hide()): the runtime stays. */
  async hide(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    const unmount = this.mounted;
    this.mounted = null;
    await unmount?.();
    this.emit("Hidden");
  }

  /** Office.addin.onVisibilityModeChanged: resolves to the function that removes the handler. */
  onVisibilityModeChanged(
    handler: (args: { visibilityMode: VisibilityMode }) => void
  ): Promise<() => Promise<void>> {
    this.listeners.add(handler);
    return Promise.resolve(async () => void this.listeners.delete(handler));
  }

  private async runMount(): Promise<void> {
    if (!this.mountPane || this.mounted) return;
    this.mounts++;
    this.mounted = (await this.mountPane()) ?? (() => undefined);
  }

  private emit(visibilityMode: VisibilityMode): void {
    for (const l of this.listeners) l({ visibilityMode });
  }
}
