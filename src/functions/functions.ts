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
 * The arithmetic lives in ./pure (tested by jest); this file only maps its errors onto Excel errors.
 * It must load anywhere: in a browser tab or a test page there is no CustomFunctions global, and the
 * appended lines would throw a ReferenceError. The module-scope `CustomFunctions` below shadows the
 * global for those lines and forwards to the real one when it exists.
 */
import {
  BadArgument,
  earlyWarning as earlyWarningPure,
  excess as excessPure,
  label as labelPure,
} from "./pure";

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

/** Runs `body`, turning a bad argument into #VALUE! with its message (only #VALUE! and #N/A carry one). */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    const cf = runtime();
    if (e instanceof BadArgument && cf) throw new cf.Error(cf.ErrorCode.invalidValue, e.message);
    throw e;
  }
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
 * 150% of the minimum dollar amount, 150% of the NFA requirement and the SEC early-warning level,
 * rounded half up to the dollar.
 * @customfunction
 * @param riskBased Risk-based capital requirement
 * @param minimumDollar Minimum dollar amount requirement
 * @param nfa NFA capital requirement
 * @param [secEarlyWarning] SEC early-warning level, if the firm is also a broker-dealer
 * @returns The early-warning level, in whole dollars
 */
export function earlyWarning(
  riskBased: number,
  minimumDollar: number,
  nfa: number,
  secEarlyWarning?: number
): number {
  return guard(() => earlyWarningPure(riskBased, minimumDollar, nfa, secEarlyWarning));
}
