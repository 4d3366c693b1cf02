/**
 * What Excel does with the add-in's syncs while it calculates, and what the simulator counts.
 *
 * Excel answers API requests between calculations, not during one. A custom function is part of the
 * calculation that called it: the calculation ends only when every function it called has answered.
 * So a function that awaits Excel.run inside the calculation waits for the calculation's end, which
 * waits for the function: the cell shows #BUSY! for good. Microsoft's doc says custom functions
 * "shouldn't run while an Excel recalculation is taking place, as this scenario creates unpredictable
 * results" (office-js-docs-pr docs/excel/call-excel-apis-from-custom-function.md); the reports are
 * OfficeDev/office-js#1395 (#BUSY! until the pane does something else), #6150 and #6678 (context.sync
 * never returns in workbooks with many custom functions) and #6841 (Excel on the web, 2026: a large
 * recalculation never completes when an Excel.run sync executes during it).
 *
 * The model: a sync requested while a calculation is in progress is counted and held until the
 * calculation ends. When nothing moves any more while syncs are held (no function answers, no
 * result is placed, no handler ends), the simulator reports a hang instead of waiting forever:
 * the cells stay #BUSY! and `hangs` counts it, for the tests to assert.
 *
 * Formula value preview (docs/excel/custom-functions-formula-value-preview.md) calls functions
 * while the user edits a formula, so Excel is in cell-edit mode: a sync then fails with
 * InvalidOperationInCellEditMode, or waits for the edit to end with delayForCellEdit
 * (OfficeDev/office-js#1395 shows that message in a function's cell). Syncs requested during a
 * preview are counted apart.
 */

/** The counts a test reads (state.calculation). */
export interface CalculationReport {
  /** A calculation is in progress: custom functions it called have not all answered, or their results are not placed. */
  readonly inProgress: boolean;
  /** Syncs requested while a calculation was in progress (each waited for its end). */
  readonly syncsDuringCalculation: number;
  /** Syncs requested while a formula value preview was being computed. */
  readonly syncsDuringValuePreview: number;
  /** Calculations found stuck: held syncs that only the calculation's end could release, and nothing moving. */
  readonly hangs: number;
  /** Syncs held now, waiting for the calculation to end. */
  readonly heldSyncs: number;
}

/** How many timer turns without any progress, with syncs held, make a hang. */
const STALL_TURNS = 5;

export class CalculationMonitor implements CalculationReport {
  syncsDuringCalculation = 0;
  syncsDuringValuePreview = 0;
  hangs = 0;
  /** Set by the session: is a calculation in progress now? */
  private calculating: () => boolean = () => false;
  private previews = 0;
  private held: (() => void)[] = [];
  private holdWaiters: (() => void)[] = [];
  /** Bumped whenever anything moves: a function answers, results are placed, a handler or a sync ends. */
  private progress = 0;

  constructor(calculating?: () => boolean) {
    if (calculating) this.calculating = calculating;
  }

  get inProgress(): boolean {
    return this.calculating();
  }

  get heldSyncs(): number {
    return this.held.length;
  }

  moved(): void {
    this.progress++;
  }

  /** A sync is about to run: count it when a calculation or a preview is in progress, and hold it until the calculation ends. */
  async gate(): Promise<void> {
    if (this.previews > 0) this.syncsDuringValuePreview++;
    if (!this.calculating()) return;
    this.syncsDuringCalculation++;
    const held = new Promise<void>((release) => this.held.push(release));
    this.holdWaiters.splice(0).forEach((wake) => wake());
    await held;
  }

  private nextHold(): Promise<void> {
    return new Promise((wake) => this.holdWaiters.push(wake));
  }

  /** The calculation ended: the held syncs run now. */
  calculationEnded(): void {
    if (this.calculating()) return;
    const released = this.held.splice(0);
    if (released.length > 0) this.moved();
    released.forEach((release) => release());
  }

  /** Run `body` as a formula value preview (syncs inside it are counted as such). */
  async preview<T>(body: () => Promise<T>): Promise<T> {
    this.previews++;
    try {
      return await body();
    } finally {
      this.previews--;
    }
  }

  /**
   * Wait for `work` unless the calculation is stuck: syncs are held and nothing moves for several
   * timer turns. Resolves true when the work finished, false (and counts a hang) when stuck.
   */
  async unlessStuck(
    work: Promise<unknown>,
    /** Preview: any stall gives up (a sync may wait for the edit to end), and is no hang of a calculation. */
    opts: { preview?: boolean } = {}
  ): Promise<boolean> {
    let done = false;
    void work.then(
      () => (done = true),
      () => (done = true)
    );
    let still = 0;
    let seen = this.progress;
    while (!done) {
      // Only held syncs can make a calculation stuck: until one is held, just wait (no timers).
      if (this.held.length === 0 && !opts.preview) {
        await Promise.race([work.catch(() => undefined), this.nextHold()]);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (done) return true;
      if (this.progress !== seen || (this.held.length === 0 && !opts.preview)) {
        seen = this.progress;
        still = 0;
        continue;
      }
      if (++still >= STALL_TURNS) {
        if (!opts.preview) this.hangs++;
        return false;
      }
    }
    return true;
  }
}
