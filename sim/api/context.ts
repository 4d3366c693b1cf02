import type { RunRecord } from "../meter";
import type { Operation, SimSession } from "../session";
import { SIM, SimClientObject, type Queue } from "./core";
import { fail } from "./errors";
import { SimWorkbook } from "./workbook";
// The proxies a range links to register themselves when their modules load (range-links.ts).
import "./conditional-formats";
import type { Batch } from "../session";

/** A batch's queue and the run it belongs to. */
class ContextQueue implements Queue {
  private ops: Operation[] = [];

  constructor(
    readonly context: SimRequestContext,
    readonly session: SimSession,
    public run: RunRecord,
    readonly delayForCellEdit: boolean
  ) {}

  enqueue(op: Operation): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  async sync(): Promise<void> {
    await this.session.execute(this.ops.splice(0), this.run, this.delayForCellEdit);
  }
}

/** Excel.RequestContext: the proxies' root and the batch they queue on. */
export class SimRequestContext {
  readonly [SIM]: ContextQueue;
  readonly workbook: SimWorkbook;
  readonly application: SimApplication;
  readonly runtime: SimRuntime;

  constructor(session: SimSession, run: RunRecord, delayForCellEdit: boolean) {
    this[SIM] = new ContextQueue(this, session, run, delayForCellEdit);
    this.application = new SimApplication(this[SIM]);
    this.workbook = new SimWorkbook(this[SIM], this.application);
    this.runtime = new SimRuntime(this[SIM]);
  }

  /** Send every queued operation as one batch. */
  sync(): Promise<void> {
    return this[SIM].sync();
  }
}

/** Excel.Application: calculation mode and recalculation. */
export class SimApplication extends SimClientObject<null> {
  protected readonly typeName = "Application";
  protected readonly scalarNames = ["calculationMode"];

  constructor(queue: Queue) {
    super(queue, () => null);
  }

  get calculationMode(): string {
    return this.get("calculationMode");
  }

  set calculationMode(mode: string) {
    this.set("calculationMode", mode, (batch) => {
      if (mode !== "Automatic" && mode !== "Manual")
        fail(
          "InvalidArgument",
          `calculationMode "${mode}" is not simulated (Automatic or Manual).`
        );
      batch.book.calculationMode = mode as "Automatic" | "Manual";
      batch.book.dirty = true;
    });
  }

  /** Recalculate every formula, whatever the mode (F9). */
  calculate(calculationType: string): void {
    this.call("calculate", [calculationType], true, (batch) => recalculateAll(batch));
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "calculationMode") return batch.book.calculationMode;
    return this.unknownProperty(name);
  }
}

function recalculateAll(batch: Batch): void {
  const mode = batch.book.calculationMode;
  batch.book.calculationMode = "Automatic";
  batch.book.dirty = true;
  batch.calculate();
  batch.book.calculationMode = mode;
}

/** Excel.Runtime: the add-in's event switch (ExcelApi 1.8). */
export class SimRuntime extends SimClientObject<null> {
  protected readonly typeName = "Runtime";
  protected readonly scalarNames = ["enableEvents"];

  constructor(queue: Queue) {
    super(queue, () => null);
  }

  get enableEvents(): boolean {
    return this.get("enableEvents");
  }

  set enableEvents(on: boolean) {
    this.set("enableEvents", on, (batch) => {
      batch.require("1.8", "Runtime.enableEvents");
      batch.book.enableEvents = on;
    });
  }

  protected readScalar(name: string, batch: Batch): unknown {
    if (name === "enableEvents") {
      batch.require("1.8", "Runtime.enableEvents");
      return batch.book.enableEvents;
    }
    return this.unknownProperty(name);
  }
}

export interface SimRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/**
 * Excel.run: run(batch), run(options, batch), or run(context or object, batch) to reuse a
 * context (removing an event handler needs the context that added it). Operations still queued
 * when the batch function resolves are sent in a last sync, as Office.js does.
 */
export function runWith(session: SimSession) {
  return async function run<T>(
    first:
      | SimRunOptions
      | SimRequestContext
      | SimClientObject
      | ((context: SimRequestContext) => Promise<T>),
    second?: (context: SimRequestContext) => Promise<T>
  ): Promise<T> {
    const batch = typeof first === "function" ? first : second;
    if (!batch) throw new TypeError("Excel.run needs a batch function");
    const record: RunRecord = { options: {}, syncs: [] };
    session.meter.runs.push(record);
    const previous = first instanceof SimClientObject ? first.context : first;
    let context: SimRequestContext;
    if (previous instanceof SimRequestContext) {
      context = previous;
      context[SIM].run = record;
    } else {
      const options = typeof first === "function" ? {} : (first as SimRunOptions);
      record.options = { ...options };
      context = new SimRequestContext(session, record, options.delayForCellEdit === true);
    }
    const result = await batch(context);
    if (context[SIM].pending) await context.sync();
    return result;
  };
}
