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

export function publishRibbonResult(result: RibbonResult): void {
  if (typeof window !== "undefined")
    window.dispatchEvent(new CustomEvent<RibbonResult>(EVENT, { detail: result }));
}

/** Listen for ribbon results; returns the unsubscribe. */
export function onRibbonResult(listener: (result: RibbonResult) => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  const handler = (e: Event) => listener((e as CustomEvent<RibbonResult>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
