// tsconfig.json limits "types" to node and jest; the custom-functions typings are named here.
/// <reference types="custom-functions-runtime" />
/**
 * FOCUS.* custom functions (namespace FOCUS in manifest.xml).
 *
 * custom-functions-metadata-plugin reads the JSDoc below to write functions.json (id = the function's
 * name in upper case unless `@customfunction ID` says otherwise) and appends one line per function to
 * this file at build time:
 *
 *     CustomFunctions.associate("EXCESS", excess);
 *
 * The plugin knows number, string, boolean and unions of them (as "any"), not type aliases: the
 * signatures spell their types out.
 *
 * The arithmetic lives in ./pure, the reading of bindings in ./snapshot, ./scope and ./bound (all
 * tested by jest); this file only maps their errors onto Excel errors. LINE, CHECK and STATUS are
 * streaming functions that never call Excel.run: snapshot.ts says why.
 * It must load anywhere: in a browser tab or a test page there is no CustomFunctions global, and the
 * appended lines would throw a ReferenceError. The module-scope `CustomFunctions` below shadows the
 * global for those lines and forwards to the real one when it exists.
 */
import type { WorkbookReport } from "../workbook/validate";
import { checkLine, lineValue, statementStatus } from "./bound";
import { BadArgument, NotAvailable, UnreadableCell } from "./errors";
import { earlyWarning as earlyWarningPure, excess as excessPure, label as labelPure } from "./pure";
import { scopeFor } from "./scope";
import { connectToExcel } from "./excel-source";
import { liveReport, type ReadOutcome } from "./snapshot";

type Runtime = typeof globalThis.CustomFunctions;

/** The Excel custom-functions runtime, or undefined outside Excel. Never a bare global reference. */
function runtime(): Runtime | undefined {
  return (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
}

/** Target of the plugin's appended associate calls: a no-op where there is no runtime. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the lines the plugin appends
const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    runtime()?.associate(id, fn);
  },
};

/** Our errors as Excel shows them: #VALUE! or #N/A with the message (the only two that carry one). */
function excelError(e: unknown): unknown {
  const cf = runtime();
  if (!cf) return e;
  if (e instanceof BadArgument || e instanceof UnreadableCell) {
    return new cf.Error(cf.ErrorCode.invalidValue, e.message);
  }
  if (e instanceof NotAvailable) return new cf.Error(cf.ErrorCode.notAvailable, e.message);
  return e;
}

/** Runs `body`, turning our errors into Excel's. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw excelError(e);
  }
}

/** A streaming function's answer: its value, or our error as a CustomFunctions.Error (setResult takes either). */
function answer<T>(invocation: CustomFunctions.StreamingInvocation<T>, value: unknown): void {
  (invocation.setResult as (v: unknown) => void)(value);
}

/**
 * A cell follows the workbook's last read (snapshot.ts): its result now, when there is a read, and
 * again whenever a read changes it. Never a sync of its own: see snapshot.ts for why.
 * In a formula value preview the answer comes from the last read, or #N/A, and starts no read.
 */
function follow<T>(
  invocation: CustomFunctions.StreamingInvocation<T>,
  compute: (report: WorkbookReport) => T
): void {
  let shown: unknown = NO_RESULT;
  const show = (outcome: ReadOutcome) => {
    const value = resultOf(outcome, compute);
    if (sameResult(value, shown)) return;
    shown = value;
    answer(invocation, value);
  };
  if (invocation.isInValuePreview) {
    const last = liveReport().current();
    show(
      last ?? {
        failure: new NotAvailable("no preview until the FOCUS add-in has read the workbook"),
      }
    );
    return;
  }
  invocation.onCanceled = liveReport().subscribe(show);
}

const NO_RESULT = Symbol("no result yet");

function resultOf<T>(outcome: ReadOutcome, compute: (report: WorkbookReport) => T): T | unknown {
  try {
    if ("failure" in outcome) throw outcome.failure;
    return compute(outcome.report);
  } catch (e) {
    return excelError(e);
  }
}

/** Two results a cell would show alike: the same value, or errors of one code and message. */
function sameResult(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!(a instanceof Error) || !(b instanceof Error)) return false;
  const code = (e: Error) => (e as { code?: unknown }).code;
  return a.constructor === b.constructor && code(a) === code(b) && a.message === b.message;
}

/**
 * Excess of funds over the requirement and the target amount: total - required - target.
 * Exact decimal arithmetic on the amounts as Excel shows them (15 significant digits).
 * @customfunction
 * @param total Total funds in segregation (or set aside)
 * @param required Amount required to be segregated (or set aside)
 * @param [target] Management target amount in excess of the requirement (default 0)
 * @returns The excess; negative for a deficiency
 */
export function excess(total: number, required: number, target?: number): number {
  return guard(() => excessPure(total, required, target));
}

/**
 * The form's line number and label for a FOCUS code, as "line 1A: Net ledger balance: cash".
 * @customfunction
 * @param code FOCUS line code, such as 7010
 * @returns "line N: label"; #VALUE! for an unknown code
 */
export function label(code: string | number): string {
  return guard(() => labelPure(code));
}

/**
 * CFTC early-warning level (Reg 1.12(b)): the greatest of 110% of the risk-based requirement,
 * 150% of the minimum dollar amount, 150% of the NFA requirement (110% when it is margin-based and
 * at least the risk-based amount: 1.12(b)(3)) and the SEC early-warning level, rounded half up to the dollar.
 * @customfunction
 * @param riskBased Risk-based capital requirement
 * @param minimumDollar Minimum dollar amount requirement
 * @param nfa NFA capital requirement
 * @param [secEarlyWarning] SEC early-warning level, if the firm is also a broker-dealer
 * @param [nfaMarginBased] TRUE when the NFA requirement is margin-based (Reg 1.12(b)(3))
 * @returns The early-warning level, in whole dollars
 */
export function earlyWarning(
  riskBased: number,
  minimumDollar: number,
  nfa: number,
  secEarlyWarning?: number,
  nfaMarginBased?: boolean
): number {
  return guard(() =>
    earlyWarningPure(riskBased, minimumDollar, nfa, secEarlyWarning, nfaMarginBased)
  );
}

/**
 * A line's amount in a scope: the bound cell's, else the line computed from its parts, in the
 * scope's unit (FOCUS_UNIT). Follows the FOCUS_ names as the add-in last read them, and updates
 * after every edit, with no F9.
 * @customfunction
 * @streaming
 * @requiresAddress
 * @param code FOCUS line code, such as 7180
 * @param [scope] Sheet of the period, or "workbook" (default: this sheet when it is a scope, else the workbook)
 * @param invocation The calling cell; where the result goes
 * @returns The amount; #N/A when the line is not bound; #VALUE! when its cell cannot be read
 */
export function line(
  code: string | number,
  scope: string | null | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  follow(invocation, (report) => lineValue(scopeFor(report, scope, invocation.address), code));
}

/**
 * Whether a bound total ties with its parts: "OK", else the difference reported - computed.
 * "not bound", "not checked" (none of its parts is bound) or "blank" when it cannot be judged.
 * @customfunction
 * @streaming
 * @requiresAddress
 * @param code FOCUS code of a total, such as 7180
 * @param [scope] Sheet of the period, or "workbook" (default: this sheet when it is a scope, else the workbook)
 * @param invocation The calling cell; where the result goes
 * @returns "OK", or the difference in the scope's unit
 */
export function check(
  code: string | number,
  scope: string | null | undefined,
  invocation: CustomFunctions.StreamingInvocation<string | number>
): void {
  follow(invocation, (report) => checkLine(scopeFor(report, scope, invocation.address), code));
}

/**
 * A statement's status: "OK", "BELOW TARGET", "DEFICIENT" or "NOT BOUND".
 * Statements: seg-4d2 ("4d2"), dealer-options-32.6 ("32.6"), secured-30.7 ("30.7"),
 * cleared-swaps-4df ("4df"), cftc-capital ("capital").
 * @customfunction
 * @streaming
 * @requiresAddress
 * @param statement Statement id or short name, such as "4d2" or "capital"
 * @param [scope] Sheet of the period, or "workbook" (default: this sheet when it is a scope, else the workbook)
 * @param invocation The calling cell; where the result goes
 * @returns The status
 */
export function status(
  statement: string | number,
  scope: string | null | undefined,
  invocation: CustomFunctions.StreamingInvocation<string>
): void {
  follow(invocation, (report) =>
    statementStatus(scopeFor(report, scope, invocation.address), statement)
  );
}

// Inside Excel (or the preview, which supplies both globals) the functions read the workbook itself.
if (typeof Office !== "undefined" && typeof Excel !== "undefined") connectToExcel();
