import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { CORPUS, type Hostile } from "./corpus";

/**
 * Every bad workbook through the real command, in a child process capped at
 * 1 GB of heap with a 60 s watchdog: a guard against hangs and blow-ups, not a
 * timing. Exit code, a clear message, no stack trace; --annotate changes no
 * value or formula.
 */
const BIN = join(__dirname, "..", "..", "bin", "focus-check.js");
const dir = mkdtempSync(join(tmpdir(), "focus-hostile-"));

function focusCheck(args: string[]) {
  return spawnSync(process.execPath, ["--max-old-space-size=1024", BIN, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 1 << 28,
  });
}

const STACK = /\n\s+at .+:\d+:\d+\)?$/m;

function cellsOf(bytes: Uint8Array) {
  const wb = XlsxWorkbook.fromBytes(bytes);
  wb.load(new Map(wb.sheets.filter((s) => s.kind === "worksheet").map((s) => [s.index, "all"])));
  return wb.sheets.map((s) => [...(wb.sheet(s.index)?.cells ?? [])]);
}

describe.each(CORPUS.map((c) => [c.name, c] as [string, Hostile]))("%s", (name, c) => {
  const file = join(dir, name);
  beforeAll(() => writeFileSync(file, c.make()));

  test(`exits ${c.exit} with a clear answer and no stack trace`, () => {
    const r = focusCheck(["--json", ...(c.args ?? []), file]);
    expect(r.error).toBeUndefined(); // the watchdog did not fire
    expect(r.signal).toBeNull();
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status).toBe(c.exit);
    const report = JSON.parse(r.stdout);
    const f = report.files[0];
    if (c.exit === 2) {
      expect(f.error).toMatch(c.error!);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(name);
    } else {
      expect(f.error).toBeNull();
      const got = f.scopes.flatMap(
        (s: {
          findings: { kind: string; code: string | null; cell: string | null; message: string }[];
        }) => s.findings
      );
      for (const want of c.findings ?? [])
        expect(
          got.map((x: { kind: string; code: string | null }) => `${x.kind}:${x.code}`)
        ).toContain(want);
      // Every finding about a cell names it, and no message is a wall of text.
      for (const x of got) {
        if (x.kind === "bad-input" && x.cell) expect(x.message.length).toBeLessThan(400);
      }
    }
  });

  if (c.annotate) {
    test("--annotate marks a copy and changes no value or formula", () => {
      const out = join(dir, `annotated-${name}`);
      const r = focusCheck(["--annotate", out, ...(c.args ?? []), file]);
      expect(r.status).toBe(c.exit);
      expect(r.stderr).not.toMatch(STACK);
      const before = cellsOf(readFileSync(file));
      const after = cellsOf(readFileSync(out));
      expect(after).toEqual(before);
    });
  }
});
