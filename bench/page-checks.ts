/**
 * What the pane bench waits for, checked in the page at every animation frame
 * (page.waitForFunction with polling "raf"). Playwright's own waiting (a locator's click or
 * waitFor) tries again after 20, 50, 100 and 100 ms and then only every 500 ms, so the time it
 * reports can trail the page by up to half a second; a check each frame trails it by one frame.
 *
 * These functions run in the page, serialised by Playwright: they use nothing from this module's
 * scope. The bench compiles without the DOM's types, hence the few declared below.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface PageElement {
  textContent: string | null;
  disabled?: boolean;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  contains(other: unknown): boolean;
}
interface PageGlobals {
  document: {
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    elementFromPoint(x: number, y: number): unknown;
  };
  /** The Validate button's box at the previous frame, to judge that it stands still. */
  focusBenchBox?: string | null;
}

/**
 * The pane's Validate button (a button, not the tab of the same name) as Playwright's
 * actionability checks want it for a click: there, visible, enabled, at the same place in two
 * frames running, and the element found at its centre.
 */
export function validateActionable(): boolean {
  const page = globalThis as unknown as PageGlobals;
  const button = Array.from(page.document.querySelectorAll("button")).find(
    (b) => b.textContent === "Validate" && !b.hasAttribute("role")
  );
  if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") {
    page.focusBenchBox = null;
    return false;
  }
  const box = button.getBoundingClientRect();
  const key = [box.x, box.y, box.width, box.height].join(" ");
  const still = box.width > 0 && box.height > 0 && page.focusBenchBox === key;
  page.focusBenchBox = key;
  if (!still) return false;
  const hit = page.document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return hit !== null && button.contains(hit);
}

/** The example's broken total listed: a finding's button reading "Error Identity line 13 (7180)…". */
export function brokenTotalListed(): boolean {
  const page = globalThis as unknown as PageGlobals;
  return Array.from(page.document.querySelectorAll("button")).some((b) =>
    /^\s*Error\s+Identity line 13 \(7180\)/.test(b.textContent ?? "")
  );
}
