import { spawn } from "child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "fs";
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
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    // Deleted while the tree was walked (someone is editing src/): nothing newer there.
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw e;
  }
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

/*
 * Several suites (jest workers) share dist-preview/, and webpack empties it before it writes:
 * rebuilding it while another suite serves it would fail that suite's pages at random. So one
 * process at a time checks and builds (a lock file), and a process that serves the build leaves
 * a lease (its pid) until it exits: while another process holds one, the build it serves is
 * reused as it is, even if a source changed since (it was fresh when this run started it).
 */
const LOCKS = join(ROOT, "test-results", "preview-build");
const LOCK = join(LOCKS, "lock");
const LEASES = join(LOCKS, "leases");
/** A lease is dropped on exit; one older than this (a killed run whose pid came back) is ignored. */
const LEASE_MS = 15 * 60_000;
const LOCK_WAIT_MS = 200_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid written in a lock or lease file, or null when the file is gone or not written yet. */
function pidIn(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(LOCKS, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: "wx" }); // created only if absent: atomic
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = pidIn(LOCK);
      // A lock whose process is gone (killed mid-build) is stale; an empty one is being written.
      if (owner !== null && !alive(owner)) rmSync(LOCK, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`the preview build is locked by process ${owner} (${LOCK})`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** Whether another live process serves dist-preview/ (see above). */
function servedByAnother(): boolean {
  if (!existsSync(LEASES)) return false;
  return readdirSync(LEASES).some((entry) => {
    const file = join(LEASES, entry);
    const pid = pidIn(file);
    if (pid === null || pid === process.pid) return false;
    if (alive(pid) && Date.now() - statSync(file).mtimeMs < LEASE_MS) return true;
    rmSync(file, { force: true });
    return false;
  });
}

function takeLease(): void {
  mkdirSync(LEASES, { recursive: true });
  const file = join(LEASES, String(process.pid));
  writeFileSync(file, String(process.pid));
  process.once("exit", () => {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  });
}

/**
 * `npx webpack --config webpack.preview.js`, unless dist-preview/ is newer than its sources or
 * another suite is serving it; then this process serves it too until it exits.
 */
export async function ensurePreviewBuilt(): Promise<"reused" | "built"> {
  return withBuildLock(async () => {
    const outcome = await buildUnlessFresh();
    takeLease();
    return outcome;
  });
}

async function buildUnlessFresh(): Promise<"reused" | "built"> {
  if (isFresh() || (existsSync(BUILT) && servedByAnother())) return "reused";
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
