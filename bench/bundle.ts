/** The production bundles the add-in page loads: raw and gzip size per file, and the page's total. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
