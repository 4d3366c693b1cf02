/**
 * The task pane's start-up in headless Chromium, on the production build of the browser preview
 * (the real pane beside the grid, over the in-browser Excel), served by scripts/serve-preview.js
 * on 127.0.0.1 and driven through playwright-core as test/e2e does.
 *
 * "Interactive" is measured from the moment page.goto is called to the moment the pane's Validate
 * button meets Playwright's actionability checks for a click: attached, visible, stable (not
 * moving), enabled (no action busy, the workbook's names readable) and the one element hit at its
 * centre, checked in the page at every frame (page-checks.ts); Playwright's own trial click then
 * confirms it. It is then clicked, and the run counts only if the report follows: the example's
 * broken total, line 13 (7180), listed among the findings (seen at the frame it appears, then
 * confirmed by its accessible name). Each run is a fresh browser context (an empty
 * cache, a fresh workbook), so every run loads the page as a first visit does.
 *
 * No request is intercepted: Playwright's routing turns the browser's HTTP cache off ("Enabling
 * routing disables http cache", playwright-core's types for route()) and passes
 * every request through this process, a cost per file a user never pays (and it made a chunk
 * fetched ahead of use be fetched again). The browser itself refuses anything but this machine
 * (OFFLINE_ARGS), and a run in which the page asked for anything else fails.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { CHROMIUM, isLocal, launchChromium, OFFLINE_ARGS } from "../tools/chromium";
import { pageScripts } from "./bundle";
import { brokenTotalListed, validateActionable } from "./page-checks";
import { median } from "./median";

export interface PaneRun {
  /** page.goto called → the Validate button actionable (checked at every frame). */
  interactiveMs: number;
  /** The click → the report listed (Validate's own work and its render). */
  validateMs: number;
  /** In the page, from navigation start: DOMContentLoaded and load (the bundle fetched and run). */
  domContentLoadedMs: number;
  loadMs: number;
}

export type PaneFigure =
  | { skipped: string }
  | {
      runs: PaneRun[];
      medianMs: number;
      minMs: number;
      maxMs: number;
      medianValidateMs: number;
      previewGzipKb: number;
    };

const RUNS = 7;
const TIMEOUT_MS = 30_000;
const EVERY_FRAME = { polling: "raf", timeout: TIMEOUT_MS } as const;

/** npx webpack --config webpack.preview.js --mode production: always rebuilt, so never a development build. */
function buildPreview(root: string): void {
  const webpack = require.resolve("webpack/bin/webpack.js", { paths: [root] });
  const r = spawnSync(
    process.execPath,
    [webpack, "--config", "webpack.preview.js", "--mode", "production"],
    { cwd: root, encoding: "utf8" }
  );
  if (r.status !== 0) throw new Error(`preview build failed:\n${r.stdout}${r.stderr}`);
}

/** scripts/serve-preview.js on a free port: its URL once it prints it. */
function servePreview(root: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(root, "scripts", "serve-preview.js"), "--port", "0"],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] }
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve-preview.js printed no URL:\n${output}`)),
      10_000
    );
    const read = (d: Buffer) => {
      output += d.toString();
      const url = /FOCUS preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve-preview.js exited (${code}):\n${output}`));
    });
  });
}

const msSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function oneRun(browser: Browser, url: string): Promise<PaneRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    // A page error or a request for anything but this machine (refused by the browser) spoils the run.
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => {
      if (!isLocal(r.url())) problems.push(`asked for ${r.url()}`);
    });
    const validate = page.getByRole("button", { name: "Validate", exact: true });
    const t0 = process.hrtime.bigint();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(validateActionable, undefined, EVERY_FRAME);
    const interactiveMs = msSince(t0);
    await validate.click({ trial: true, timeout: TIMEOUT_MS });
    const t1 = process.hrtime.bigint();
    await validate.click();
    await page.waitForFunction(brokenTotalListed, undefined, EVERY_FRAME);
    const validateMs = msSince(t1);
    await page
      .getByRole("button", { name: /^Error Identity line 13 \(7180\)/ })
      .waitFor({ timeout: TIMEOUT_MS });
    // An expression, not a function: the bench compiles without the DOM's types.
    const nav = JSON.parse(
      await page.evaluate<string>('JSON.stringify(performance.getEntriesByType("navigation")[0])')
    ) as { domContentLoadedEventEnd: number; loadEventEnd: number };
    if (problems.length) throw new Error(`the preview failed: ${problems.join("; ")}`);
    return {
      interactiveMs: Math.round(interactiveMs),
      validateMs: Math.round(validateMs),
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
    };
  } finally {
    await context.close();
  }
}

export async function benchPane(root: string): Promise<PaneFigure> {
  if (!existsSync(CHROMIUM)) return { skipped: "chromium not installed" };
  buildPreview(root);
  // The preview's first load: the scripts its index.html names (panels opened later load more).
  const dir = join(root, "dist-preview");
  const scripts = [...pageScripts(readFileSync(join(dir, "index.html"), "utf8"))];
  const previewGzipKb = Math.round(
    scripts.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) /
      1024
  );
  const browser = await launchChromium(OFFLINE_ARGS);
  let server: { url: string; child: ChildProcess } | undefined;
  try {
    server = await servePreview(root);
    const runs: PaneRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, server.url));
    const interactive = runs.map((r) => r.interactiveMs);
    return {
      runs,
      medianMs: median(interactive),
      minMs: Math.min(...interactive),
      maxMs: Math.max(...interactive),
      medianValidateMs: median(runs.map((r) => r.validateMs)),
      previewGzipKb,
    };
  } finally {
    await browser.close();
    server?.child.kill("SIGTERM");
  }
}
