import type { WorksheetFunction } from "../formula/functions";
import {
  BUSY,
  FormulaError,
  isError,
  isErrorCode,
  NUM,
  toBoolean,
  toNumber,
  toText,
  VALUE,
  type Scalar,
} from "../formula/values";
import { qualifiedAddress } from "../../src/grid";
import {
  CustomFunctionError,
  type CustomFunctionMetadata,
  type CustomFunctionsMetadata,
  type CustomFunctionsRuntime,
} from "./runtime";

/** What createExcelSim needs to call an add-in's functions from formulas. */
export interface CustomFunctionsInit {
  /** The manifest's namespace: formulas call <namespace>.<name>, e.g. FOCUS.LINE. */
  namespace: string;
  /** The add-in's functions.json. */
  metadata: CustomFunctionsMetadata;
  /** Where the functions bundle associated its implementations. */
  runtime: CustomFunctionsRuntime;
}

/** The cell whose formula makes the call. */
export interface Caller {
  sheetId: string;
  sheetName: string;
  row: number;
  col: number;
}

/** A formula's custom function, seen from the cell being computed; undefined when the name is not one. */
export type CustomFunctionResolver = (
  name: string,
  caller: Caller
) => WorksheetFunction | undefined;

interface Call {
  /** The calculation round it was made in: a volatile function is called again in each new one. */
  round: number;
  /** Undefined until the result arrives; the cell shows #BUSY! meanwhile. */
  result?: Scalar;
  /** A streaming function's call: its handler for Excel cancelling it, and whether it was. */
  stream?: {
    onCanceled?: () => void;
    canceled: boolean;
    firstResult: Promise<void>;
    answered: () => void;
  };
}

interface QueuedCall {
  key: string;
  call: Call;
  metadata: CustomFunctionMetadata;
  args: Scalar[];
  caller: Caller;
}

/**
 * A session's custom-function calls. A recalculation asks for a cell's result: a call
 * made earlier with the same arguments gives its result (in the same round only, for a
 * volatile function); otherwise the cell shows #BUSY! and the call is queued. Queued calls
 * are made once the batch that recalculated has committed and delivered its events (Excel
 * calls the runtime asynchronously too), and results that arrive together are placed by
 * one more recalculation, which starts no new round.
 *
 * The calculation is in progress until every call it made has answered and the results are
 * placed (calculation.ts: syncs requested meanwhile wait for its end). A streaming function
 * (`@streaming`, docs/excel/custom-functions-web-reqs.md) is done with once called: it answers
 * through invocation.setResult, as often as it likes, each result placed like an answer, until
 * Excel cancels it (invocation.onCanceled): when its formula or arguments change, the cell is
 * cleared, or the user recalculates by hand (F9), which then calls it afresh.
 */
export class SimCustomFunctions {
  private readonly byFormulaName: Map<string, CustomFunctionMetadata>;
  private readonly calls = new Map<string, Call>();
  private round = 0;
  private queued: QueuedCall[] = [];
  /** Calls the recalculations since the last commit asked for; null when none ran. */
  private touched: Set<string> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private resultsScheduled = false;
  /** Calls made (or about to be) whose answer the calculation waits for. */
  private unanswered = 0;

  constructor(
    private readonly init: CustomFunctionsInit,
    private readonly placeResults: () => void,
    /** Called whenever something moved, and when a calculation may have ended. */
    private readonly notify: { moved(): void; ended(): void } = { moved() {}, ended() {} }
  ) {
    this.byFormulaName = new Map(
      init.metadata.functions.map((f) => [`${init.namespace}.${f.name}`.toUpperCase(), f])
    );
  }

  /** A calculation is in progress: calls queued or unanswered, or results not placed yet. */
  get calculating(): boolean {
    return this.queued.length > 0 || this.unanswered > 0 || this.resultsScheduled;
  }

  /** F9: Excel cancels every streaming call and calls the functions afresh. */
  restartStreams(): void {
    for (const [key, call] of [...this.calls]) {
      if (!call.stream) continue;
      this.calls.delete(key);
      cancel(call);
    }
  }

  /** For one recalculation. `newRound`: an edit or F9 (volatile functions are called again); false: results arrived. */
  resolver(newRound: boolean): CustomFunctionResolver {
    if (newRound) this.round++;
    this.touched ??= new Set();
    return (name, caller) => this.worksheetFunction(name, caller);
  }

  /** The recalculation's workbook was kept: forget calls no formula makes any more, and make the queued ones. */
  commit(): void {
    if (this.touched === null) return;
    for (const [key, call] of [...this.calls]) {
      if (this.touched.has(key)) continue;
      this.calls.delete(key);
      cancel(call);
    }
    this.touched = null;
    const queued = this.queued.splice(0);
    this.unanswered += queued.length;
    for (const q of queued) {
      if (q.call.stream) {
        this.track(
          Promise.resolve()
            .then(() => void this.invoke(q))
            .catch((e: unknown) => this.settle(q, errorValue(e)))
            .finally(() => this.answered())
        );
        continue;
      }
      this.track(
        Promise.resolve()
          .then(() => this.invoke(q))
          .then(resultValue, errorValue)
          .then((result) => {
            this.settle(q, result);
            this.answered();
          })
      );
    }
    if (queued.length === 0) this.notify.ended();
  }

  /** The recalculation's workbook was dropped (a failed batch): its calls are never made. */
  discard(): void {
    for (const q of this.queued.splice(0)) this.calls.delete(q.key);
    this.touched = null;
    this.notify.ended();
  }

  /** Calls not answered yet, results not placed yet, and streaming calls without a first result. */
  pending(): Promise<void>[] {
    const waiting = [...this.inFlight];
    for (const call of this.calls.values())
      if (call.stream && call.result === undefined && !call.stream.canceled)
        waiting.push(call.stream.firstResult);
    return waiting;
  }

  private answered(): void {
    this.unanswered--;
    this.notify.moved();
    if (!this.calculating) this.notify.ended();
  }

  /**
   * A formula's custom function seen from `caller`, answering through `answer` (default: this
   * session's calls; the formula value preview gives its own).
   */
  worksheetFunction(
    name: string,
    caller: Caller,
    answer: (metadata: CustomFunctionMetadata, args: Scalar[], caller: Caller) => Scalar = (
      m,
      a,
      c
    ) => this.result(m, a, c)
  ): WorksheetFunction | undefined {
    const metadata = this.byFormulaName.get(name.toUpperCase());
    // Excel shows #NAME? until the bundle has associated the function.
    if (!metadata || !this.init.runtime.implementation(metadata.id)) return undefined;
    const params = metadata.parameters ?? [];
    const required = params.filter((p) => !p.optional).length;
    return (argNodes, ctx) => {
      // Excel refuses such a formula when it is typed; one read from a file shows #VALUE!.
      if (argNodes.length > params.length || argNodes.length < required) return VALUE;
      const args: Scalar[] = [];
      for (const [i, param] of params.entries()) {
        const node = argNodes[i];
        if (node === undefined || node.kind === "missing") {
          args.push(null); // an omitted argument arrives as null
          continue;
        }
        const v = asParameter(param.type, ctx.evaluator.scalar(node, ctx.at));
        if (isError(v)) return v;
        args.push(v);
      }
      return answer(metadata, args, caller);
    };
  }

  private result(metadata: CustomFunctionMetadata, args: Scalar[], caller: Caller): Scalar {
    const key = `${caller.sheetId}!${caller.row},${caller.col}|${metadata.id}|${JSON.stringify(args)}`;
    this.touched?.add(key);
    const known = this.calls.get(key);
    if (known && (!metadata.options?.volatile || known.round === this.round))
      return known.result ?? BUSY;
    const call: Call = { round: this.round };
    if (metadata.options?.stream) {
      let answered!: () => void;
      const firstResult = new Promise<void>((resolve) => (answered = resolve));
      call.stream = { canceled: false, firstResult, answered };
    }
    this.calls.set(key, call);
    this.queued.push({ key, call, metadata, args, caller });
    return BUSY;
  }

  /** The function associated with `metadata`, called with `args` and `invocation` last. */
  call(
    metadata: CustomFunctionMetadata,
    args: Scalar[],
    invocation: Record<string, unknown>
  ): unknown {
    const fn = this.init.runtime.implementation(metadata.id);
    if (!fn) throw new CustomFunctionError("#NAME?");
    return (fn as (...a: unknown[]) => unknown)(...args, invocation);
  }

  get namespace(): string {
    return this.init.namespace;
  }

  private invoke(q: QueuedCall): unknown {
    const { metadata, args, caller, call } = q;
    const invocation = invocationFor(this.init.namespace, metadata, caller);
    if (call.stream) {
      const stream = call.stream;
      Object.assign(invocation, {
        setResult: (v: unknown) => {
          if (stream.canceled) return;
          this.settle(q, v instanceof Error ? errorValue(v) : resultValue(v));
        },
      });
      Object.defineProperty(invocation, "onCanceled", {
        get: () => stream.onCanceled,
        set: (handler: () => void) => {
          stream.onCanceled = handler;
        },
      });
    }
    return this.call(metadata, args, invocation);
  }

  private settle(q: QueuedCall, result: Scalar): void {
    // A newer round called again, or the formula is gone: this answer is stale.
    if (this.calls.get(q.key) !== q.call) return;
    q.call.result = result;
    q.call.stream?.answered();
    this.notify.moved();
    if (this.resultsScheduled) return;
    this.resultsScheduled = true;
    this.track(
      new Promise<void>((resolve) =>
        setTimeout(() => {
          this.resultsScheduled = false;
          this.placeResults();
          this.notify.moved();
          if (!this.calculating) this.notify.ended();
          resolve();
        }, 0)
      )
    );
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}

/** The invocation argument Excel passes last: the function's name and, with requiresAddress, the calling cell. */
export function invocationFor(
  namespace: string,
  metadata: CustomFunctionMetadata,
  caller: Caller,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  const at = { r1: caller.row, c1: caller.col, r2: caller.row, c2: caller.col };
  return {
    functionName: `${namespace}.${metadata.name}`,
    ...(metadata.options?.requiresAddress || metadata.options?.requiresStreamAddress
      ? { address: qualifiedAddress(caller.sheetName, at) }
      : {}),
    ...extra,
  };
}

/** Excel cancels a streaming call: its handler runs once, and later results are ignored. */
function cancel(call: Call): void {
  const stream = call.stream;
  if (!stream || stream.canceled) return;
  stream.canceled = true;
  stream.answered();
  try {
    stream.onCanceled?.();
  } catch {
    // Excel ignores a handler's failure too.
  }
}

/** An argument as the parameter's declared type receives it; an error argument is the result, uncalled. */
function asParameter(type: string | undefined, v: Scalar): Scalar {
  if (isError(v)) return v;
  switch (type) {
    case "number":
      return toNumber(v);
    case "string":
      return toText(v);
    case "boolean":
      return toBoolean(v);
    default:
      return v;
  }
}

/** What a function returned, as a cell shows it. */
export function resultValue(v: unknown): Scalar {
  if (typeof v === "number") return Number.isFinite(v) ? v : NUM;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return 0;
  return errorValue(v);
}

/** What a function threw (or rejected with): its CustomFunctions.Error code, else #VALUE!. */
export function errorValue(e: unknown): FormulaError {
  return e instanceof CustomFunctionError && isErrorCode(e.code) ? FormulaError.of(e.code) : VALUE;
}
