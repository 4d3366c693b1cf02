/**
 * The production bundles of the add-in page: raw and gzip size per file. The first load is what
 * taskpane.html's own <script> tags load (the pane, the functions and the commands share the page);
 * chunks it does not name are loaded later, when a panel is first opened. The budget is the first load.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFigure {
  file: string;
  rawKb: number;
  gzipKb: number;
  /** Named by taskpane.html: loaded before the pane can start. */
  firstLoad: boolean;
}

export interface BundlesFigure {
  files: BundleFigure[];
  firstLoadGzipKb: number;
  totalGzipKb: number;
}

const kb1 = (bytes: number) => Math.round(bytes / 102.4) / 10;
const sum = (files: BundleFigure[]) =>
  Math.round(files.reduce((n, f) => n + f.gzipKb, 0) * 10) / 10;

/** The page's own scripts (office.js comes from Microsoft's CDN and is not ours to count). */
export function pageScripts(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src))
  );
}

export function productionBundles(root: string): BundlesFigure {
  const build = spawnSync("npx", ["webpack", "--mode", "production"], {
    cwd: root,
    encoding: "utf8",
  });
  if (build.status !== 0)
    throw new Error(`production build failed:\n${build.stdout}${build.stderr}`);
  const dist = join(root, "dist");
  const first = pageScripts(readFileSync(join(dist, "taskpane.html"), "utf8"));
  const files = readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const bytes = readFileSync(join(dist, f));
      return {
        file: f,
        rawKb: kb1(bytes.length),
        gzipKb: kb1(gzipSync(bytes, { level: 9 }).length),
        firstLoad: first.has(f),
      };
    })
    .sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzipKb - a.gzipKb);
  const missing = [...first].filter((src) => !files.some((f) => f.file === src));
  if (missing.length)
    throw new Error(`taskpane.html loads ${missing.join(", ")}, which the build did not write`);
  return { files, firstLoadGzipKb: sum(files.filter((f) => f.firstLoad)), totalGzipKb: sum(files) };
}

/**
 * HyperFormula is GPL-3.0 and only the bench may use it: no built file may carry its code.
 * Its licence-key literals and its name survive minification, so they mark it; the scan is
 * first run on HyperFormula's own build, so "none found" cannot come from a blind scan.
 */
const HYPERFORMULA = /gpl-v3|internal-use-in-handsontable|hyperformula/i;

export interface GplScan {
  scanned: number;
  /** Built files (relative to the root) in which HyperFormula's markers were found. */
  found: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file of the given build folders (dist/, dist-preview/), scanned for HyperFormula's code. */
export function scanForHyperFormula(root: string, folders: string[]): GplScan {
  const own = readFileSync(
    join(root, "node_modules", "hyperformula", "dist", "hyperformula.full.min.js"),
    "latin1"
  );
  if (!HYPERFORMULA.test(own))
    throw new Error(
      "the HyperFormula scan does not recognise HyperFormula's own build: update its markers"
    );
  const files = folders
    .filter((f) => {
      try {
        return statSync(join(root, f)).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap((f) => filesUnder(join(root, f)));
  const found = files
    .filter((f) => HYPERFORMULA.test(readFileSync(f, "latin1")))
    .map((f) => relative(root, f));
  return { scanned: files.length, found };
}
