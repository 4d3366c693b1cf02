/** The production bundles the add-in page loads: raw and gzip size per file, and the page's total. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFigure {
  file: string;
  rawKb: number;
  gzipKb: number;
}

export function productionBundles(root: string): { files: BundleFigure[]; totalGzipKb: number } {
  const build = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}${build.stderr}`);
  const dist = join(root, "dist");
  const files = readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const bytes = readFileSync(join(dist, f));
      return { file: f, rawKb: Math.round(bytes.length / 102.4) / 10, gzipKb: Math.round(gzipSync(bytes, { level: 9 }).length / 102.4) / 10 };
    })
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return { files, totalGzipKb: Math.round(files.reduce((n, f) => n + f.gzipKb, 0) * 10) / 10 };
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
  const own = readFileSync(join(root, "node_modules", "hyperformula", "dist", "hyperformula.full.min.js"), "latin1");
  if (!HYPERFORMULA.test(own)) throw new Error("the HyperFormula scan does not recognise HyperFormula's own build: update its markers");
  const files = folders.filter((f) => { try { return statSync(join(root, f)).isDirectory(); } catch { return false; } }).flatMap((f) => filesUnder(join(root, f)));
  const found = files.filter((f) => HYPERFORMULA.test(readFileSync(f, "latin1"))).map((f) => relative(root, f));
  return { scanned: files.length, found };
}
