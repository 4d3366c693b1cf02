/**
 * One browser session per suite file: Chromium, the preview build (reused when fresh, built
 * once under its lock) and a server, for the whole file; a fresh page, and so a fresh example
 * workbook, per test. After every test the page must have asked nothing of any host but this
 * one and logged no error. Also the pane's common locators and the per-step checkpoint.
 */
import type { Browser, Page } from "playwright-core";
import { screenshot } from "./artifacts";
import { seriousAxeViolations } from "./axe";
import { isLocal, launchChromium } from "../../../tools/chromium";
import { ensurePreviewBuilt } from "./preview-build";
import { openPreview, type PreviewPage } from "./preview-page";
import { startPreviewServer, type PreviewServer } from "./preview-server";

export interface PreviewSuiteOptions {
  /** Printed with the suite's total time. */
  label: string;
  /** Prefix of screenshot and axe report names, e.g. "teams-". */
  artifactPrefix?: string;
  /** Playwright's per-action timeout, so a failing step says so well inside the test's minute. */
  stepTimeoutMs?: number;
}

export function previewSuite(opts: PreviewSuiteOptions) {
  const started = Date.now();
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  let preview: PreviewPage | undefined;

  beforeAll(async () => {
    browser = await launchChromium(); // first: a missing Chromium fails at once, saying how to install it
    const build = await ensurePreviewBuilt();
    server = await startPreviewServer();
    console.log(`preview ${build} in ${Date.now() - started} ms, served at ${server.url}`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`${opts.label}: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  });

  beforeEach(async () => {
    preview = await openPreview(browser!, server!.url);
    if (opts.stepTimeoutMs) preview.page.setDefaultTimeout(opts.stepTimeoutMs);
  });

  afterEach(async () => {
    if (!preview) return;
    const { requests, problems } = preview;
    await preview.close();
    preview = undefined;
    expect(requests).toContain(server!.url); // the recorder saw the page itself
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(problems).toEqual([]);
  });

  const page = (): Page => preview!.page;
  const button = (name: string | RegExp) =>
    page().getByRole("button", { name, exact: typeof name === "string" });
  return {
    page,
    serverUrl: () => server!.url,
    pane: () => page().getByRole("main"),
    paneTab: (name: string) =>
      page().getByRole("tablist", { name: "FOCUS tasks" }).getByRole("tab", { name }),
    button,
    /** A step's state: its screenshot, and no serious or critical axe violation in it. */
    async checkpoint(step: string): Promise<void> {
      const name = `${opts.artifactPrefix ?? ""}${step}`;
      await screenshot(page(), name);
      expect(await seriousAxeViolations(page(), name)).toEqual([]);
    },
  };
}
