/**
 * Sentences the adapter has for the user after a write went through in a form they should
 * know of (OfficeWorkbookOptions.onNotice: a write Excel would not group into one undo step).
 * A DOM event, like the ribbon's results (report-channel.ts): the pane and the commands share
 * `window` in the shared runtime, not modules.
 */
const EVENT = "focus-check:notice";

export function publishNotice(message: string): void {
  if (typeof window !== "undefined")
    window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
}

/** Listen for notices; returns the unsubscribe. */
export function onNotice(listener: (message: string) => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  const handler = (e: Event) => listener((e as CustomEvent<string>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
