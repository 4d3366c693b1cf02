import { join } from "path";
import type { Page } from "playwright-core";
import { ROOT } from "./preview-build";

/** Screenshots and axe reports (test-results/ is not committed). */
export const ARTIFACTS = join(ROOT, "test-results", "preview");

/** Transitions (a dialog fading in, a tab's underline moving) are finished first: the state as it settles. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: "disabled" });
}
