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
import { qualifiedAddress } from "../model/address";
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

  constructor(
    private readonly init: CustomFunctionsInit,
    private readonly placeResults: () => void
  ) {
    this.byFormulaName = new Map(
      init.metadata.functions
        .filter((f) => !f.options?.stream) // streaming functions are not simulated
        .map((f) => [`${init.namespace}.${f.name}`.toUpperCase(), f])
    );
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
    for (const key of [...this.calls.keys()]) if (!this.touched.has(key)) this.calls.delete(key);
    this.touched = null;
    for (const q of this.queued.splice(0)) {
      this.track(
        Promise.resolve()
          .then(() => this.invoke(q))
          .then(resultValue, errorValue)
          .then((result) => this.settle(q, result))
      );
    }
  }

  /** The recalculation's workbook was dropped (a failed batch): its calls are never made. */
  discard(): void {
    for (const q of this.queued.splice(0)) this.calls.delete(q.key);
    this.touched = null;
  }

  /** Calls not answered yet, and results not placed yet. */
  pending(): Promise<void>[] {
    return [...this.inFlight];
  }

  private worksheetFunction(name: string, caller: Caller): WorksheetFunction | undefined {
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
      return this.result(metadata, args, caller);
    };
  }

  private result(metadata: CustomFunctionMetadata, args: Scalar[], caller: Caller): Scalar {
    const key = `${caller.sheetId}!${caller.row},${caller.col}|${metadata.id}|${JSON.stringify(args)}`;
    this.touched?.add(key);
    const known = this.calls.get(key);
    if (known && (!metadata.options?.volatile || known.round === this.round))
      return known.result ?? BUSY;
    const call: Call = { round: this.round };
    this.calls.set(key, call);
    this.queued.push({ key, call, metadata, args, caller });
    return BUSY;
  }

  private invoke({ metadata, args, caller }: QueuedCall): unknown {
    const fn = this.init.runtime.implementation(metadata.id);
    if (!fn) throw new CustomFunctionError("#NAME?");
    const at = { r1: caller.row, c1: caller.col, r2: caller.row, c2: caller.col };
    const invocation = {
      functionName: `${this.init.namespace}.${metadata.name}`,
      ...(metadata.options?.requiresAddress
        ? { address: qualifiedAddress(caller.sheetName, at) }
        : {}),
    };
    return (fn as (...a: unknown[]) => unknown)(...args, invocation);
  }

  private settle(q: QueuedCall, result: Scalar): void {
    // A newer round called again, or the formula is gone: this answer is stale.
    if (this.calls.get(q.key) !== q.call) return;
    q.call.result = result;
    if (this.resultsScheduled) return;
    this.resultsScheduled = true;
    this.track(
      new Promise<void>((resolve) =>
        setTimeout(() => {
          this.resultsScheduled = false;
          this.placeResults();
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
function resultValue(v: unknown): Scalar {
  if (typeof v === "number") return Number.isFinite(v) ? v : NUM;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return 0;
  return errorValue(v);
}

/** What a function threw (or rejected with): its CustomFunctions.Error code, else #VALUE!. */
function errorValue(e: unknown): FormulaError {
  return e instanceof CustomFunctionError && isErrorCode(e.code) ? FormulaError.of(e.code) : VALUE;
}
