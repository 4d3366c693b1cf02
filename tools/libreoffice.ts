/**
 * Recalculate an .xlsx in LibreOffice Calc, headless: the independent spreadsheet engine the tests
 * hold our generated formulas against.
 *
 * LibreOffice keeps the results stored in a file unless its profile says to recalculate on load, so
 * every run gets a private, throw-away profile whose OOXMLRecalcMode is 0 ("always"). A private
 * profile also lets test files run in parallel: two soffice processes cannot share one profile.
 */
import { spawn } from "child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";

export const LIBREOFFICE_MISSING =
  "LibreOffice is required: apt-get install -y libreoffice-calc-nogui";

/** A cold start with a fresh profile takes a few seconds; a slow CI machine, many more. */
const DEFAULT_TIMEOUT_MS = 180_000;

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface RecalcOptions {
  timeoutMs?: number;
  /** The LibreOffice command (default: soffice, found on the PATH). */
  soffice?: string;
}

/** The workbook as LibreOffice saves it after recalculating every formula on load. Never skips: no soffice, it throws. */
export async function recalcWithLibreOffice(
  xlsx: Uint8Array,
  opts: RecalcOptions = {}
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "focus-libreoffice-"));
  try {
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
    const input = join(dir, "in", "book.xlsx");
    const outdir = join(dir, "out");
    mkdirSync(join(dir, "in"));
    writeFileSync(input, xlsx);
    const output = await run(
      opts.soffice ?? "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outdir,
        input,
      ],
      opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
    );
    try {
      return new Uint8Array(readFileSync(join(outdir, "book.xlsx")));
    } catch {
      throw new Error(`LibreOffice wrote no output\n${output}`.trim());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); // a killed soffice.bin may still be writing its profile
  }
}

/** Runs a command to its end and gives its output. soffice.bin ends with its launcher, so a timeout kills the launcher. */
function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === "ENOENT" ? new Error(LIBREOFFICE_MISSING) : e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
      reject(new Error(`${command} ${why}\n${output}`.trim()));
    });
  });
}
