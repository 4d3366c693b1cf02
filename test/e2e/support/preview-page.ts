import type { Browser, BrowserContext, Page } from "playwright-core";
import { isLocal } from "../../../tools/chromium";

/** A page of the preview, with what it asked the network for and what went wrong in it. */
export interface PreviewPage {
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions (a refused Content-Security-Policy is one). */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh context (fresh workbook), every request recorded and anything not local refused. */
export async function openPreview(browser: Browser, url: string): Promise<PreviewPage> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  await context.route("**/*", (route) =>
    isLocal(route.request().url()) ? route.continue() : route.abort("blockedbyclient")
  );
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(url);
  // The example is open once its first cell is drawn.
  await page.getByTestId("cell-A1").filter({ hasText: "HSBC" }).waitFor();
  return { page, requests, problems, close: () => context.close() };
}
