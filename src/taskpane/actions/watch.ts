import type { WorkbookHost } from "../../workbook/port";
import type { WorkbookReport } from "../../workbook/validate";
import { problemOf } from "./errors";
import type { ActionProblem } from "./types";

/** Quiet time after the last change before re-validating: a burst of edits gives one validation. */
export const WATCH_DEBOUNCE_MS = 400;

/**
 * Re-validate after edits and recalculations, co-authors' included (host.onChange).
 * Changes are coalesced (a trailing
 * debounce); a change during a validation queues exactly one more, so the last
 * edit is always seen. Never writes. Every failure goes to onError, never to an
 * unhandled rejection.
 */
export async function watchWorkbook(
  host: WorkbookHost,
  validate: () => Promise<WorkbookReport>,
  onReport: (r: WorkbookReport) => void,
  onError: (e: ActionProblem) => void
): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let changedWhileRunning = false;
  let stopped = false;

  // A listener that throws must not become an unhandled rejection either.
  const safely = (deliver: () => void) => {
    if (stopped) return;
    try {
      deliver();
    } catch (e) {
      console.error("FOCUS live validation: a listener failed", e);
    }
  };

  const run = async (): Promise<void> => {
    timer = undefined;
    if (running) {
      changedWhileRunning = true;
      return;
    }
    running = true;
    try {
      const r = await validate();
      safely(() => onReport(r));
    } catch (e) {
      safely(() => onError(problemOf(e)));
    } finally {
      running = false;
      if (changedWhileRunning && !stopped) {
        changedWhileRunning = false;
        void run();
      }
    }
  };

  const unsubscribe = await host.onChange(() => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), WATCH_DEBOUNCE_MS);
  });

  return async () => {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    try {
      await unsubscribe();
    } catch (e) {
      // Excel may already have dropped the handler (the workbook closed); nothing is left to stop.
      console.warn("FOCUS: stopping live validation", e);
    }
  };
}
