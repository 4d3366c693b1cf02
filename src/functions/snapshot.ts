/**
 * One read of the workbook shared by every FOCUS.* call of a recalculation.
 *
 * Excel calls each volatile function once per cell on every recalculation. Reading the bindings
 * for each of them would be one Excel.run per cell; instead the first call starts
 * validateWorkbook(reader) and every later call shares its promise until the workbook changes
 * (invalidate(), from the add-in's change and calculation events) or the read grows older than a
 * short time-to-live (a safety net for a change whose event never arrives).
 *
 * In the shared runtime the pane and the functions are separate bundles on one page: each has its
 * own copy of this module but they share globalThis, so the state lives there, under one key.
 * The pane calls setWorkbookSource() and invalidate(); the functions call workbookReport().
 */
import type { WorkbookReader } from "../workbook/port";
import { validateWorkbook, type WorkbookReport } from "../workbook/validate";
import { NotAvailable } from "./errors";

/** Where the functions read the workbook: Office.js inside Excel, an .xlsx reader in tests. */
export type WorkbookSource = () => WorkbookReader;

export interface SnapshotTiming {
  /** How long a finished read keeps serving calls: the rest of one recalculation, not the next edit. */
  ttlMs: number;
  /** At start-up Excel may call the functions before the pane has set the source: how long to wait for it. */
  sourceWaitMs: number;
  now: () => number;
}

const DEFAULT_TIMING: SnapshotTiming = { ttlMs: 1000, sourceWaitMs: 10_000, now: () => Date.now() };

interface Read {
  report: Promise<WorkbookReport>;
  /** When the read finished; null while it is in flight (an in-flight read is always shared). */
  finishedAt: number | null;
}

export class WorkbookSnapshot {
  private source: WorkbookSource | null = null;
  private sourceSet: () => void = () => undefined;
  private readonly sourceReady = new Promise<void>((resolve) => (this.sourceSet = resolve));
  private current: Read | null = null;

  constructor(private readonly timing: SnapshotTiming = DEFAULT_TIMING) {}

  setSource(source: WorkbookSource): void {
    this.source = source;
    this.current = null;
    this.sourceSet();
  }

  /** Forget the shared read: the next call reads the workbook again. */
  invalidate(): void {
    this.current = null;
  }

  /** The report of the current read, starting one when there is none or it has expired. */
  report(): Promise<WorkbookReport> {
    const c = this.current;
    if (c && (c.finishedAt === null || this.timing.now() - c.finishedAt < this.timing.ttlMs))
      return c.report;
    const read: Read = { report: this.read(), finishedAt: null };
    read.report.then(
      () => {
        read.finishedAt = this.timing.now();
      },
      // A failed read is not kept: the next call tries again.
      () => {
        if (this.current === read) this.current = null;
      }
    );
    this.current = read;
    return read.report;
  }

  private async read(): Promise<WorkbookReport> {
    const source = await this.awaitSource();
    return validateWorkbook(source());
  }

  private async awaitSource(): Promise<WorkbookSource> {
    if (this.source) return this.source;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new NotAvailable(
              "the FOCUS add-in has not connected to the workbook yet: recalculate (F9) once the add-in has loaded"
            )
          ),
        this.timing.sourceWaitMs
      );
    });
    try {
      await Promise.race([this.sourceReady, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return this.source!;
  }
}

const SHARED_KEY = Symbol.for("focus-check/functions/workbook-snapshot");

/** The page's one snapshot, whichever bundle asks first. */
function shared(): WorkbookSnapshot {
  const slot = globalThis as unknown as Record<symbol, WorkbookSnapshot | undefined>;
  return (slot[SHARED_KEY] ??= new WorkbookSnapshot());
}

/** Where the functions read from. The add-in calls it once at start-up. */
export function setWorkbookSource(source: WorkbookSource): void {
  shared().setSource(source);
}

/** The workbook changed: the next FOCUS.* call reads it again. For the add-in's onChanged/onCalculated handlers. */
export function invalidate(): void {
  shared().invalidate();
}

/** The validated workbook, one read per recalculation. */
export function workbookReport(): Promise<WorkbookReport> {
  return shared().report();
}
