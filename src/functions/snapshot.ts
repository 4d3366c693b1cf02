/**
 * The validated workbook the name-reading FOCUS functions answer from, refreshed by the shared
 * runtime outside Excel's calculations, and pushed to every cell that shows it.
 *
 * No FOCUS function calls Excel.run. While Excel calculates it answers API requests only after the
 * calculation, and the calculation waits for its custom functions: a function that awaits a sync
 * inside it never returns (office-js-docs-pr docs/excel/call-excel-apis-from-custom-function.md:
 * custom function calculations "shouldn't run while an Excel recalculation is taking place";
 * OfficeDev/office-js#1395, #6150 and #6678: #BUSY! and syncs that never return in workbooks with
 * many functions; #6841: on the web a recalculation never completed when a sync ran during it).
 *
 * So: FOCUS.LINE/CHECK/STATUS are streaming functions (functions.ts). Each call subscribes here and
 * gets its result at once from the last read, if there is one, and again whenever a read changes it
 * (invocation.setResult). Reads happen only after a quiet time with no FOCUS call and no change
 * event: FOCUS calls arrive while Excel calculates, so quiet means that calculation is over. Every
 * burst of calls (a workbook opened, a formula typed, F9) and every change to the workbook (its
 * onChanged, registered by the runtime at start-up, excel-source.ts, so it works with the pane
 * closed) is followed by exactly one read. A formula value preview answers from the last read and
 * never starts one.
 *
 * In the shared runtime the pane and the functions are separate bundles on one page: each has its
 * own copy of this module but they share globalThis, so the state lives there, under one key.
 */
import type { WorkbookReader } from "../workbook/port";
import { validateWorkbook, type WorkbookReport } from "../workbook/validate";
import { NotAvailable } from "./errors";

/** Where the functions read the workbook: Office.js inside Excel, an .xlsx reader in tests. */
export type WorkbookSource = () => WorkbookReader;

/** What a subscriber is given: the validated workbook, or why it could not be read. */
export type ReadOutcome = { report: WorkbookReport } | { failure: NotAvailable };

export interface LiveReportTiming {
  /** Quiet time after the last FOCUS call or change event before the workbook is read. */
  quietMs: number;
}

/** Long enough for the calculation that called the functions to end; short enough to feel immediate. */
export const DEFAULT_QUIET_MS = 100;

type Subscriber = (outcome: ReadOutcome) => void;

export class LiveReport {
  private source: WorkbookSource | null = null;
  private last: ReadOutcome | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading = false;
  private readAgain = false;
  private prepare: (() => Promise<boolean | void>) | null = null;
  private afterRead: (() => void)[] = [];
  /** Reads made, for tests and the bench. */
  reads = 0;

  constructor(private readonly timing: LiveReportTiming = { quietMs: DEFAULT_QUIET_MS }) {}

  /** Where to read (the runtime calls it at start-up); forgets the previous workbook and its cells. */
  setSource(source: WorkbookSource, prepare?: () => Promise<boolean | void>): void {
    this.source = source;
    this.prepare = prepare ?? null;
    this.last = null;
    this.subscribers.clear();
    this.afterRead.splice(0).forEach((resolve) => resolve());
  }

  /**
   * The workbook changed (onChanged): read it once things are quiet, if any cell follows it.
   * Resolves when that read has been pushed (the simulator's idle() waits for it through the handler).
   */
  changed(): Promise<void> {
    if (this.subscribers.size === 0) return Promise.resolve();
    this.schedule();
    return new Promise((resolve) => this.afterRead.push(resolve));
  }

  /** The last read, if any: what a value preview answers from. */
  current(): ReadOutcome | null {
    return this.last;
  }

  /**
   * A cell follows the report: `push` gets the last read now (when there is one) and every later
   * read. Also asks for a read after the quiet time. Returns the unsubscribe (Excel cancelled the call).
   */
  subscribe(push: Subscriber): () => void {
    this.subscribers.add(push);
    if (this.last) push(this.last);
    this.schedule();
    return () => void this.subscribers.delete(push);
  }

  /** Cells following the report now. */
  get followers(): number {
    return this.subscribers.size;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.timing.quietMs);
  }

  private async refresh(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    const waiting = this.afterRead.splice(0);
    try {
      const outcome = await this.read();
      this.last = outcome;
      for (const push of [...this.subscribers]) push(outcome);
    } finally {
      waiting.forEach((resolve) => resolve());
      this.reading = false;
      if (this.readAgain) {
        this.readAgain = false;
        this.schedule();
      }
    }
  }

  private async read(): Promise<ReadOutcome> {
    if (!this.source)
      return {
        failure: new NotAvailable(
          "the FOCUS add-in has not connected to the workbook yet: recalculate (F9) once the add-in has loaded"
        ),
      };
    this.reads++;
    try {
      if (this.prepare) {
        const prepare = this.prepare;
        this.prepare = null;
        // Refused (Excel busy): kept, to be tried again before the next read.
        if ((await prepare()) === false) this.prepare = prepare;
      }
      return { report: await validateWorkbook(this.source()) };
    } catch (e) {
      return {
        failure: new NotAvailable(
          `the workbook could not be read: ${e instanceof Error ? e.message : String(e)}`
        ),
      };
    }
  }
}

const SHARED_KEY = Symbol.for("focus-check/functions/live-report");

/** The page's one live report, whichever bundle asks first. */
export function liveReport(): LiveReport {
  const slot = globalThis as unknown as Record<symbol, LiveReport | undefined>;
  return (slot[SHARED_KEY] ??= new LiveReport());
}

/** Where the functions read from; `prepare` runs once, before the first read (registering the change handler). */
export function setWorkbookSource(
  source: WorkbookSource,
  prepare?: () => Promise<boolean | void>
): void {
  liveReport().setSource(source, prepare);
}

/** The workbook changed: the cells that follow it get a fresh read once things are quiet. */
export function workbookChanged(): Promise<void> {
  return liveReport().changed();
}
