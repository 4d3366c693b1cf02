import type { WorkbookReport } from "../../workbook/validate";

/**
 * The ribbon's results, for the pane. In the shared runtime the pane and the
 * commands are separate bundles on one page: they share `window`, not modules,
 * so a DOM event is the one channel both see.
 */
const EVENT = "focus-check:report";

export interface RibbonResult {
  report: WorkbookReport;
  /** How many cells were marked; null when highlighting is unavailable. */
  marks: number | null;
  at: Date;
}

/**
 * The latest result, kept on the shared window until a listener has it: the ribbon never opens
 * the pane (office-js#5050), so a pane whose panel was not listening yet when the command ran
 * still shows the result when the user opens it.
 */
const LATEST = Symbol.for("focus-check:latest-ribbon-result");
interface Slot {
  result: RibbonResult;
  delivered: boolean;
}
const slots = () => window as unknown as Record<symbol, Slot | undefined>;

export function publishRibbonResult(result: RibbonResult): void {
  if (typeof window === "undefined") return;
  slots()[LATEST] = { result, delivered: false };
  window.dispatchEvent(new CustomEvent<RibbonResult>(EVENT, { detail: result }));
}

/** Listen for ribbon results (first, one published before anyone listened); returns the unsubscribe. */
export function onRibbonResult(listener: (result: RibbonResult) => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  const handler = (e: Event) => {
    const slot = slots()[LATEST];
    if (slot) slot.delivered = true;
    listener((e as CustomEvent<RibbonResult>).detail);
  };
  window.addEventListener(EVENT, handler);
  const waiting = slots()[LATEST];
  if (waiting && !waiting.delivered) {
    waiting.delivered = true;
    listener(waiting.result);
  }
  return () => window.removeEventListener(EVENT, handler);
}
