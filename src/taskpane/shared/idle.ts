/** How long a task asked for when idle may wait for an idle moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 2000;
/** Where there is no requestIdleCallback (Safari's WebKit, so Excel on Mac): a short delay. */
const FALLBACK_DELAY_MS = 200;

/**
 * Run `task` once the page has nothing else to do: after the pane's first render and paint,
 * not during them. Returns a cancel function (for an effect's clean-up).
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
}
