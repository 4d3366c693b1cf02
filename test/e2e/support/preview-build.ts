import { spawn } from "child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
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
 * process at a time checks and builds (a lock file), and a suite that serves the build holds a
 * lease until its server stops: while another process holds one, the build it serves is reused
 * as it is, even if a source changed since (it was fresh when that suite started).
 */
const LOCKS = join(ROOT, "test-results", "preview-build");
const LOCK = join(LOCKS, "lock");
const LEASES = join(LOCKS, "leases");
const LEASE = join(LEASES, String(process.pid));
const LOCK_WAIT_MS = 200_000;

/** When a process started (Linux: /proc), so that a pid used again by another process is told apart. */
function startTime(pid: number): string {
  try {
    // Field 22; the command name before it (field 2, in parentheses) may hold spaces itself.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

/** What lock and lease files hold: this process, as "pid start-time". */
const SELF = `${process.pid} ${startTime(process.pid)}`;

/**
 * Whether the file names a process that is still running: false once the file is gone, or the
 * process (killed mid-build, say) is; null while it is being written.
 */
function held(file: string): boolean | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return false;
  }
  const [pid, start = ""] = text.split(" ");
  if (!/^\d+$/.test(pid)) return null;
  try {
    process.kill(Number(pid), 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return start === startTime(Number(pid));
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(LOCKS, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(LOCK, SELF, { flag: "wx" }); // created only if absent: atomic
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (held(LOCK) === false) rmSync(LOCK, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`the preview build is still locked after ${LOCK_WAIT_MS} ms: ${LOCK}`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** Whether another running process serves dist-preview/ (see above). Leases of ended ones are removed. */
function servedByAnother(): boolean {
  if (!existsSync(LEASES)) return false;
  return readdirSync(LEASES).some((entry) => {
    const file = join(LEASES, entry);
    if (file === LEASE) return false;
    const holds = held(file);
    if (holds === false) rmSync(file, { force: true });
    return holds !== false;
  });
}

/** The suite's server has stopped: another suite may rebuild the preview. */
export function releasePreviewBuild(): void {
  rmSync(LEASE, { force: true });
}

/**
 * `npx webpack --config webpack.preview.js`, unless dist-preview/ is newer than its sources or
 * another suite is serving it; then this suite holds a lease on it until releasePreviewBuild()
 * (its server's stop) or its process ends.
 */
export async function ensurePreviewBuilt(): Promise<"reused" | "built"> {
  return withBuildLock(async () => {
    const outcome = await buildUnlessFresh();
    mkdirSync(LEASES, { recursive: true });
    writeFileSync(LEASE, SELF);
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
