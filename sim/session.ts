import { fail, SimOfficeError } from "./api/errors";
import { SimCustomFunctions, type CustomFunctionsInit } from "./custom-functions/calls";
import { CalculationMonitor } from "./custom-functions/calculation";
import { SimPane } from "./pane";
import { jsonBytes, SyncMeter, type RunRecord } from "./meter";
import { areaA1, type Area } from "../src/grid";
import type { SimBook, SimSheet } from "./model/book";
import { recalculate } from "./model/calc";
import { UndoStack, type SimPlatform } from "./undo";

/** One queued action of a batch: what the request carries, and what it does when the batch runs. */
export interface Operation {
  readonly request: Record<string, unknown>;
  /** Writes to the workbook (the batch then runs on a copy, kept only if every operation succeeds). */
  readonly mutates: boolean;
  /** Runs against the batch's workbook; a load returns what to apply to its proxies once the batch succeeded. */
  run(batch: Batch): Commit | void;
}

export interface Commit {
  /** What the response carries for this operation. */
  response: unknown;
  apply(): void;
}

export type EventSource = "Local" | "Remote";
export type EventName = "onChanged" | "onCalculated";

/** An event handler as registered: on the worksheet collection (sheetId null) or on one worksheet. */
interface Registration {
  sheetId: string | null;
  event: EventName;
  handler: (args: unknown) => unknown;
}

interface PendingEvent {
  event: EventName;
  sheetId: string;
  args: Record<string, unknown>;
}

/** The context one batch runs in: its workbook (a copy when it writes), and what it changed. */
export class Batch {
  readonly events: PendingEvent[] = [];
  /** Formula results were recomputed. */
  recalculated = false;

  /** `origin`: the add-in's own batch, or a change made in Excel by this user (Local) or a co-author (Remote). */
  constructor(
    readonly session: SimSession,
    readonly book: SimBook,
    readonly origin: "add-in" | EventSource = "add-in"
  ) {}

  /** Throws ApiNotFound unless the host supports ExcelApi `version`. */
  require(version: string, what: string): void {
    if (!this.session.supports("ExcelApi", version))
      fail("ApiNotFound", `${what} needs ExcelApi ${version}, which this host does not support.`);
  }

  /**
   * Bring formula results up to date before anything reads them (automatic calculation only).
   * `newRound` false: only custom functions' results arrived, so volatile ones are not called again.
   */
  calculate(newRound = true): void {
    if (!this.book.dirty || this.book.calculationMode !== "Automatic") return;
    this.recalculated = true;
    const customFunctions = this.session.customFunctions?.resolver(newRound);
    for (const [sheetId, area] of recalculate(this.book, customFunctions)) {
      if (!this.book.enableEvents) continue;
      this.events.push({
        event: "onCalculated",
        sheetId,
        args: { type: "WorksheetCalculated", worksheetId: sheetId, address: areaA1(area) },
      });
    }
  }

  /** Record an edit for onChanged (when the runtime's events are on) and mark results stale. */
  edited(sheet: SimSheet, area: Area): void {
    this.book.dirty = true;
    if (!this.book.enableEvents) return;
    this.events.push({
      event: "onChanged",
      sheetId: sheet.id,
      args: {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: this.origin === "Remote" ? "Remote" : "Local",
        address: areaA1(area),
        worksheetId: sheet.id,
        triggerSource: this.origin === "add-in" ? "ThisLocalAddin" : "Unknown",
      },
    });
  }
}

/**
 * Codes Excel answers a whole request with, for reasons outside the add-in's control: the table
 * in "Error handling with the application-specific JavaScript APIs" (office-js-docs-pr,
 * docs/testing/application-specific-api-error-handling.md) lists RequestAborted ("The request
 * was aborted during run time"), ServiceNotAvailable, ActivityLimitReached and GeneralException
 * ("There was an internal error while processing the request"). Which sync meets one is the
 * test's choice: no document says when they happen.
 */
export type RefusalCode =
  "RequestAborted" | "ServiceNotAvailable" | "ActivityLimitReached" | "GeneralException";

export interface SessionOptions {
  requirementSets: Record<string, string>;
  /** Which Excel: the undo table differs by platform. Default "web". */
  platform?: SimPlatform;
  /** Also play the undo losses issue threads report on the desktop (see undo.ts). */
  reportedDesktopClears?: boolean;
  customFunctions?: CustomFunctionsInit;
}

/**
 * The host side of the simulator: the workbook, the batches that run against it,
 * event handlers, cell-edit mode, and the meter.
 */
export class SimSession {
  book: SimBook;
  readonly meter = new SyncMeter();
  /**
   * What a failing batch leaves behind. "rolled-back": nothing. "partly-applied": the
   * operations before the failing one, which is what Excel itself does (it has no
   * transactions) and why the adapter checks before it writes.
   */
  failedBatches: "rolled-back" | "partly-applied" = "rolled-back";
  /**
   * Excel on the web refuses a request or a response larger than this: "a payload size limit for
   * requests and responses of 5MB. RichAPI.Error will be thrown if that limit is exceeded"
   * (office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md).
   */
  payloadLimitBytes = 5 * 1024 * 1024;
  /**
   * Refusals a test arms (state.refuseSync): the sync that carries operations when `after`
   * reaches 0 fails with `code` before any of its operations runs.
   */
  readonly refusals: { after: number; code: RefusalCode }[] = [];
  /** Errors thrown by event handlers, for tests (Excel swallows them). */
  readonly handlerErrors: unknown[] = [];
  /** The add-in's custom functions, when formulas may call them. */
  readonly customFunctions: SimCustomFunctions | null;
  /** Calculations in progress, the syncs they hold, and hangs (custom-functions/calculation.ts). */
  readonly calculation: CalculationMonitor;
  /** The add-in's task pane, open or closed (pane.ts). */
  readonly pane = new SimPane();
  private readonly requirementSets: Map<string, string>;
  /** This user's undo stack (sim/undo.ts). */
  readonly undo: UndoStack;
  private cellEditing = false;
  private cellEditWaiters: (() => void)[] = [];
  private readonly registrations: Registration[] = [];
  private readonly pendingHandlers = new Set<Promise<void>>();
  private readonly changeListeners = new Set<() => void>();

  constructor(book: SimBook, options: SessionOptions) {
    this.book = book;
    this.requirementSets = new Map(
      Object.entries(options.requirementSets).map(([k, v]) => [k.toLowerCase(), v])
    );
    this.undo = new UndoStack({
      platform: options.platform ?? "web",
      reportedDesktopClears: options.reportedDesktopClears,
      apiUndo: this.supports("ExcelApi", "1.19"),
    });
    this.calculation = new CalculationMonitor(() => this.customFunctions?.calculating ?? false);
    this.customFunctions = options.customFunctions
      ? new SimCustomFunctions(options.customFunctions, () => this.placeCustomFunctionResults(), {
          moved: () => this.calculation.moved(),
          ended: () => this.calculation.calculationEnded(),
        })
      : null;
  }

  /** Office.context.requirements.isSetSupported. */
  supports(set: string, minVersion?: string | number): boolean {
    const highest = this.requirementSets.get(set.toLowerCase());
    if (highest === undefined) return false;
    if (minVersion === undefined) return true;
    return compareVersions(highest, String(minVersion)) >= 0;
  }

  get cellEditMode(): boolean {
    return this.cellEditing;
  }

  set cellEditMode(on: boolean) {
    this.cellEditing = on;
    if (!on) this.cellEditWaiters.splice(0).forEach((resume) => resume());
  }

  /** Run a batch: all of it, or (by default) none of it. */
  async execute(ops: Operation[], run: RunRecord, delayForCellEdit: boolean): Promise<void> {
    await null; // a round trip: never synchronous
    // Excel answers between calculations: a sync requested during one waits for its end.
    await this.calculation.gate();
    const record = {
      requestBytes: jsonBytes(ops.map((o) => o.request)),
      responseBytes: 0,
      operations: ops.length,
      failed: false,
    };
    run.syncs.push(record);
    if (ops.length === 0) return;
    const refusal = this.nextRefusal();
    if (refusal) {
      record.failed = true;
      fail(refusal, `The request was refused (${refusal}).`);
    }
    if (record.requestBytes > this.payloadLimitBytes) {
      record.failed = true;
      fail(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${record.requestBytes} bytes) exceeds the ${this.payloadLimitBytes}-byte limit.`
      );
    }
    if (this.cellEditing) {
      if (delayForCellEdit && this.supports("ExcelApi", "1.11"))
        await new Promise<void>((resume) => this.cellEditWaiters.push(resume));
      else {
        record.failed = true;
        fail(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
        );
      }
    }
    const groups = this.supports("ExcelApi", "1.20");
    try {
      this.undo.admit(ops, run, groups);
    } catch (e) {
      record.failed = true;
      throw e;
    }
    const before = this.book;
    const writes = ops.some((o) => o.mutates);
    const batch = new Batch(this, writes ? this.book.clone() : this.book);
    const commits: Commit[] = [];
    try {
      for (const op of ops) {
        const commit = op.run(batch);
        if (commit) commits.push(commit);
      }
      batch.calculate();
      record.responseBytes = jsonBytes(commits.map((c) => c.response));
      if (record.responseBytes > this.payloadLimitBytes) {
        fail(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload (${record.responseBytes} bytes) exceeds the ${this.payloadLimitBytes}-byte limit.`
        );
      }
    } catch (e) {
      record.failed = true;
      this.customFunctions?.discard();
      if (writes && this.failedBatches === "partly-applied") {
        this.book = batch.book;
        this.changed();
      }
      throw e instanceof SimOfficeError ? e : new SimOfficeError("GeneralException", String(e));
    }
    this.book = batch.book;
    this.undo.record(ops, run, groups, before);
    commits.forEach((c) => c.apply());
    this.dispatch(batch.events);
    this.customFunctions?.commit();
    this.calculation.moved();
    if (writes || batch.recalculated) this.changed();
  }

  /** The refusal due at this sync, if one is armed and its count ran out. */
  private nextRefusal(): RefusalCode | null {
    let due: RefusalCode | null = null;
    for (const r of this.refusals) if (r.after-- === 0) due ??= r.code;
    for (let i = this.refusals.length - 1; i >= 0; i--)
      if (this.refusals[i].after < 0) this.refusals.splice(i, 1);
    return due;
  }

  /** Apply a change as the user (or a co-author) makes it, then deliver its events. */
  async actAsUser(source: EventSource, change: (batch: Batch) => void): Promise<void> {
    const batch = new Batch(this, this.book, source);
    change(batch);
    batch.calculate();
    this.dispatch(batch.events);
    this.customFunctions?.commit();
    this.changed();
    await this.idle();
  }

  /**
   * Ctrl+Z: the workbook as before this user's last undo step. Returns false when the stack is
   * empty. (No onChanged is raised for the undo: the add-in's tests read the cells.)
   */
  undoLast(): boolean {
    const before = this.undo.undo();
    if (!before) return false;
    this.book = before.clone();
    this.book.dirty = true;
    const batch = new Batch(this, this.book, "Local");
    batch.calculate();
    this.dispatch(batch.events);
    this.changed();
    return true;
  }

  /** Call `listener` after every change to the workbook, its selection or its results. Returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  }

  /** Tell the listeners: the workbook, its selection or its results changed. */
  changed(): void {
    this.changeListeners.forEach((listener) => listener());
  }

  /** How many event handlers the add-in has registered now. */
  get handlerCount(): number {
    return this.registrations.length;
  }

  register(registration: Registration): void {
    this.registrations.push(registration);
  }

  unregister(sheetId: string | null, event: EventName, handler: (args: unknown) => unknown): void {
    const i = this.registrations.findIndex(
      (r) => r.sheetId === sheetId && r.event === event && r.handler === handler
    );
    if (i >= 0) this.registrations.splice(i, 1);
  }

  /**
   * Resolves once every event handler called so far has finished (including the batches it ran),
   * and every custom function called so far has answered and its result is in its cell.
   */
  async idle(): Promise<void> {
    for (;;) {
      const waiting = [...this.pendingHandlers, ...(this.customFunctions?.pending() ?? [])];
      if (waiting.length === 0) return;
      // A calculation waiting on a function that waits on a held sync never ends: report it, stop waiting.
      if (!(await this.calculation.unlessStuck(Promise.all(waiting)))) return;
    }
  }

  /**
   * Custom functions' results arrived: recalculate to place them (and what depends on them),
   * whatever the calculation mode, since an F9 in manual mode must end with its results shown.
   */
  private placeCustomFunctionResults(): void {
    const batch = new Batch(this, this.book);
    const mode = this.book.calculationMode;
    this.book.calculationMode = "Automatic";
    this.book.dirty = true;
    batch.calculate(false);
    this.book.calculationMode = mode;
    this.dispatch(batch.events);
    this.customFunctions?.commit();
    this.changed();
  }

  private dispatch(events: PendingEvent[]): void {
    for (const e of events) {
      for (const r of this.registrations) {
        if (r.event !== e.event || (r.sheetId !== null && r.sheetId !== e.sheetId)) continue;
        const call = Promise.resolve()
          .then(() => r.handler({ ...e.args }))
          .then(
            () => undefined,
            (err) => void this.handlerErrors.push(err)
          )
          .finally(() => this.calculation.moved());
        this.pendingHandlers.add(call);
        void call.finally(() => this.pendingHandlers.delete(call));
      }
    }
  }
}

function compareVersions(a: string, b: string): number {
  const p = a.split(".").map(Number);
  const q = b.split(".").map(Number);
  for (let i = 0; i < Math.max(p.length, q.length); i++) {
    const d = (p[i] ?? 0) - (q[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
