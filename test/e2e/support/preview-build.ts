import { spawn } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..", "..");
const BUILT = join(ROOT, "dist-preview", "index.html");
/** Everything the preview build reads: when none is newer than the build, it is reused. */
const INPUTS = [
  "preview",
  "src",
  "webpack.preview.js",
  "package-lock.json",
  "examples/hsbc-2020-11-30.xlsx",
  "assets/icon-16.png",
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs
  );
}

function isFresh(): boolean {
  if (!existsSync(BUILT)) return false;
  const built = statSync(BUILT).mtimeMs;
  return INPUTS.every((input) => newestChange(join(ROOT, input)) <= built);
}

/** `npx webpack --config webpack.preview.js`, unless dist-preview/ is newer than its sources. */
export async function ensurePreviewBuilt(): Promise<"reused" | "built"> {
  if (isFresh()) return "reused";
  const webpack = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [webpack, "--config", "webpack.preview.js"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0 || !existsSync(BUILT)) {
    throw new Error(
      `npx webpack --config webpack.preview.js failed (${code}):\n${output.join("")}`
    );
  }
  return "built";
}
