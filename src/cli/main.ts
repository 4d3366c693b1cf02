import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { userInfo } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import {
  type ScopeReport,
  DEFAULT_THRESHOLDS,
  Dec,
  compareWithPriorFile,
  sha256Bytes,
} from "../engine";
import type { ReviewPackage } from "../report/package";
import { validateWorkbook, type WorkbookReport } from "../workbook/validate";
import { XlsxReader } from "../workbook/xlsx-reader";
import type { FindingMark } from "../workbook/annotate-findings";
import { WorkbookFileError } from "../workbook/xlsx/zip";
import { parseArgs, USAGE, UsageError, type CliArgs } from "./args";
import { renderHuman } from "./human";
import { toJson, type FileResult } from "./json";
import { nativeInflate } from "./native-inflate";
import { printable } from "./printable";
import { Progress } from "./progress";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** Node's own zlib inflates the package's parts. */
const NATIVE = { inflateRaw: nativeInflate };

/** Files larger than this are refused before reading: no FOCUS workbook comes near it. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The package's root, found from here whether running from src/ (tests) or lib/src/ (built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const EXAMPLE = join(packageRoot(), "examples", "hsbc-2020-11-30.xlsx");

export async function run(argv: string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`focus-check: ${(e as Error).message}\n${USAGE.split("\n")[0]}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  if (args.version) {
    io.stdout(`focus-check ${version()}\n`);
    return 0;
  }
  const files = args.files.length ? args.files : [EXAMPLE];
  const color = io.stdoutIsTTY && !io.env.NO_COLOR;
  const progress = new Progress(io.stderrIsTTY && !io.env.NO_COLOR, io.stderr);
  const results: FileResult[] = [];
  let unusable = false;

  if (args.annotate) {
    const problem = annotateProblem(files[0], args.annotate);
    if (problem) {
      io.stderr(`focus-check: ${problem}\n`);
      return 2;
    }
  }

  const thresholds = {
    percent: new Dec(args.changePercent ?? DEFAULT_THRESHOLDS.percent),
    amount: new Dec(args.changeAmount ?? DEFAULT_THRESHOLDS.amount),
  };
  let prior: WorkbookReport | null = null;
  if (args.compare) {
    try {
      prior = await validateWorkbook(new XlsxReader(readWorkbookFile(args.compare), NATIVE), {
        detect: args.detect,
        dateHint: basename(args.compare),
        thresholds,
      });
    } catch (e) {
      const message = e instanceof WorkbookFileError ? e.message : unexpected(e);
      io.stderr(`focus-check: --compare ${printable(args.compare)}: ${printable(message)}\n`);
      return 2;
    }
  }
  if (args.report) {
    const problem = outProblem(args.report, args.out!);
    if (problem) {
      io.stderr(`focus-check: ${problem}\n`);
      return 2;
    }
  }

  for (const [i, file] of files.entries()) {
    const shown = args.files.length ? file : displayExample();
    try {
      const bytes = readWorkbookFile(file);
      const reader = new XlsxReader(bytes, NATIVE);
      const report = await validateWorkbook(reader, {
        detect: args.detect,
        dateHint: basename(file),
        thresholds,
        onProgress: (done, total) =>
          progress.update(`${basename(file)} ${done}/${total}`, (i + done / total) / files.length),
      });
      const comparisons = [...report.review.comparisons];
      if (prior) {
        const compared = new Set(comparisons.map((c) => c.scope));
        comparisons.push(
          ...compareWithPriorFile(report, prior, compared, basename(args.compare!), thresholds)
        );
      }
      results.push({ file: shown, error: null, scopes: report.scopes, report, comparisons });
      // The check stands whatever happens to the copies it writes: a failure there is named
      // by its option, and the file is not listed a second time as unchecked.
      const written =
        (!args.annotate ||
          (await outputStep("--annotate", shown, io, () =>
            writeAnnotated(bytes, report.scopes, args.annotate!)
          ))) &&
        (!args.report ||
          (await outputStep("--report", shown, io, async () => {
            // The writers load only when asked: a plain check starts faster without them.
            const { reviewPackage } = await import("../report/package");
            const pkg = reviewPackage(
              report,
              {
                file: basename(file),
                fileSha256: sha256Bytes(bytes),
                generatedAt: new Date().toISOString(),
                by: args.by ?? osUser(),
              },
              comparisons.filter((c) => c.priorSource !== "this workbook")
            );
            await writeReport(args.report!, args.out!, pkg, report);
          })));
      if (!written) unusable = true;
    } catch (e) {
      const message =
        e instanceof WorkbookFileError || e instanceof UsageError ? e.message : unexpected(e);
      unusable = true;
      progress.clear();
      io.stderr(`focus-check: ${printable(shown)}: ${printable(message)}\n`);
      results.push({ file: shown, error: message, scopes: [] });
    }
  }
  progress.clear();

  io.stdout(
    args.json
      ? JSON.stringify(toJson(results), null, 2) + "\n"
      : renderHuman(results, { color }) + "\n"
  );
  if (unusable) return 2;
  // A reviewer's acknowledgement settles a finding for the exit code, except a regulatory breach.
  const all = results
    .flatMap((r) => r.scopes.flatMap((s) => s.findings))
    .filter((f) => !f.acknowledgement || ALWAYS_FAIL.has(f.kind));
  if (all.some((f) => f.severity === "error")) return 1;
  if (args.strict && all.some((f) => f.severity === "warning")) return 1;
  return 0;
}

const ALWAYS_FAIL = new Set(["deficiency", "below-minimum"]);

function osUser(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}

function outProblem(format: "html" | "csv", out: string): string | null {
  const target = resolve(out);
  if (format === "html") {
    if (!existsSync(dirname(target))) return `--out: folder ${dirname(out)} does not exist`;
    if (existsSync(target) && statSync(target).isDirectory())
      return `--out ${out} is a folder; --report html writes a file`;
    return null;
  }
  if (existsSync(target) && !statSync(target).isDirectory())
    return `--out ${out} is a file; --report csv writes a folder`;
  if (!existsSync(target) && !existsSync(dirname(target)))
    return `--out: folder ${dirname(out)} does not exist`;
  return null;
}

/** The review package, written whole or not at all (a temporary file renamed into place). */
async function writeReport(
  format: "html" | "csv",
  out: string,
  pkg: ReviewPackage,
  report: WorkbookReport
): Promise<void> {
  if (format === "html") {
    const { renderHtml } = await import("../report/html");
    writeWhole(out, renderHtml(pkg));
    return;
  }
  const { codeValueCsv, findingsCsv, noticesCsv, scopeFileName, summariesCsv } =
    await import("../report/csv");
  mkdirSync(out, { recursive: true });
  writeWhole(join(out, "findings.csv"), findingsCsv(pkg));
  writeWhole(join(out, "summaries.csv"), summariesCsv(pkg));
  writeWhole(join(out, "notices.csv"), noticesCsv(pkg));
  const used = new Set<string>();
  for (const s of report.scopes) {
    let name = scopeFileName(s.scope, report.periods.find((p) => p.scope === s.scope)?.asOf);
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = name.replace(/(-\d+)?\.csv$/, `-${n}.csv`);
    used.add(name.toLowerCase());
    writeWhole(join(out, name), codeValueCsv(s));
  }
}

function displayExample(): string {
  return join("examples", basename(EXAMPLE));
}

function readWorkbookFile(file: string): Uint8Array {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new WorkbookFileError("no such file");
  }
  if (st.isDirectory()) throw new WorkbookFileError("is a directory, not a workbook");
  if (st.size > MAX_FILE_BYTES)
    throw new WorkbookFileError(`too large (${Math.round(st.size / 1048576)} MB); refused`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new WorkbookFileError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function annotateProblem(input: string, out: string): string | null {
  if (!/\.xls[xm]$/i.test(out)) return `--annotate writes an .xlsx or .xlsm file, not ${out}`;
  const a = resolve(input);
  const b = resolve(out);
  if (a === b) return "--annotate would overwrite the input; choose another output file";
  try {
    if (existsSync(b) && realpathSync(a) === realpathSync(b))
      return "--annotate would overwrite the input; choose another output file";
  } catch {
    /* an unreadable input is reported when it is read */
  }
  if (!existsSync(dirname(b))) return `--annotate: folder ${dirname(out)} does not exist`;
  return null;
}

/** Errors and warnings with a cell get a fill and a note; the input file is never touched. */
async function writeAnnotated(
  bytes: Uint8Array,
  scopes: ScopeReport[],
  out: string
): Promise<void> {
  const { annotateFindings } = await import("../workbook/annotate-findings");
  const marks: FindingMark[] = [];
  for (const s of scopes) {
    for (const f of s.findings) {
      if (!f.location || f.severity === "info") continue;
      marks.push({ ...f.location, severity: f.severity, note: `FOCUS ${f.kind}: ${f.message}` });
    }
  }
  writeWhole(out, annotateFindings(bytes, marks, NATIVE));
}

/**
 * A file written whole or not at all: into a temporary file beside it, then renamed over it;
 * a failed write (a full disk, a folder gone) removes the temporary file.
 */
function writeWhole(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Write one of the copies a check makes; false (with one line on stderr) if it could not be written. */
async function outputStep(
  option: string,
  shown: string,
  io: Io,
  write: () => Promise<void>
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    io.stderr(`focus-check: ${printable(shown)}: ${option}: ${printable(reason.split("\n")[0])}\n`);
    return false;
  }
}

function unexpected(e: unknown): string {
  // Never a stack trace on the terminal: one line that says what happened.
  const msg = e instanceof Error ? e.message : String(e);
  return `could not be checked: ${msg.split("\n")[0]}`;
}

function version(): string {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version;
  } catch {
    return "unknown";
  }
}

/** The command as a process: real streams, exit code, and never a stack trace on the terminal. */
export function main(): void {
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`focus-check: ${unexpected(e)}\n`);
      process.exitCode = 2;
    }
  );
}
