import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { run, type Io } from "../../src/cli/main";
import { writeXlsx } from "../../sim";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { boundSheet, SMALL_SEG } from "../workbook/fixtures";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "focus-check.js");
const dir = mkdtempSync(join(tmpdir(), "focus-cli-"));

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function cli(args: string[], opts: Partial<Io> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    ...opts,
  });
  return { code, stdout, stderr };
}

function workbook(
  values: Record<string, number | string | null>,
  extra: { calcMode?: "manual" } = {}
): Uint8Array {
  const s = boundSheet("Seg", values, "sheet");
  return writeXlsx({ sheets: [{ name: "Seg", cells: s.cells }], names: s.names, ...extra });
}

const clean = file("clean.xlsx", workbook(SMALL_SEG));
const broken = file("broken.xlsx", workbook({ ...SMALL_SEG, "7070": 140 }));
const warned = file("warned.xlsx", workbook(SMALL_SEG, { calcMode: "manual" }));

describe("focus-check", () => {
  test("with no FILE it checks the bundled example and shows the seed's line-13 gap", async () => {
    const r = await cli([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("examples/hsbc-2020-11-30.xlsx");
    expect(r.stdout).toMatch(/identity · line 13 \(7180\) Total amount in segregation/);
    expect(r.stdout).toContain(
      "reported 3,893,682,134 · computed 3,416,643,297 · difference 477,038,837"
    );
    expect(r.stdout).toMatch(
      /4d\(2\) segregation · excess 134,116,777 · target 122,000,000 · over target 12,116,777: OK/
    );
  });

  test("a statement bound in part says what its verdict lacks, not that it is not bound", async () => {
    // The example binds the capital page's requirement lines but not net capital itself.
    const r = await cli([]);
    expect(r.stdout).toMatch(
      /CFTC capital · no net capital \(\d{4}\) keyed · early-warning level 518,163,038: not judged/
    );
    expect(r.stdout).not.toContain("excess net capital -");
  });

  test("exit 0 when clean, 1 on an error, 1 on a warning only with --strict", async () => {
    expect((await cli([clean])).code).toBe(0);
    expect((await cli([broken])).code).toBe(1);
    expect((await cli([warned])).code).toBe(0);
    expect((await cli(["--strict", warned])).code).toBe(1);
  });

  test("--json has the contract's shape, plain decimals, quoted cells and ordered findings", async () => {
    const r = await cli(["--json", broken, clean]);
    const j = JSON.parse(r.stdout);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual([broken, clean]);
    const scope = j.files[0].scopes[0];
    expect(scope.scope).toBe("Seg");
    expect(j.files[0].error).toBeNull();
    const seg = scope.summaries.find((s: { statement: string }) => s.statement === "seg-4d2");
    // 7190 is bound: its reported value is the excess, even though 7180 is off.
    expect(seg).toMatchObject({ excess: "35", target: null, status: "ok" });
    const id = scope.findings.find((f: { kind: string }) => f.kind === "identity");
    expect(id).toMatchObject({
      code: "7180",
      severity: "error",
      cell: "'Seg'!C8",
      reported: "150",
      expected: "140",
      difference: "10",
      suspect: null,
    });
    for (const f of scope.findings) {
      for (const k of [
        "code",
        "kind",
        "severity",
        "cell",
        "reported",
        "expected",
        "difference",
        "suspect",
        "message",
      ])
        expect(f).toHaveProperty(k);
      for (const k of ["reported", "expected", "difference"])
        if (f[k] !== null) expect(f[k]).toMatch(/^-?\d+(\.\d*[1-9])?$/);
    }
    expect(j.files[1].scopes[0].summaries.map((s: { status: string }) => s.status)).toEqual([
      "ok",
      "not-bound",
      "not-bound",
      "not-bound",
      "not-bound",
    ]);
  });

  test("suspect names the part keyed with the wrong sign", async () => {
    // 7130 (net settlement from (to) DCOs) keyed +7 where the total used -7: difference -14.
    const p = file("sign.xlsx", workbook({ "7070": 100, "7130": 7, "7180": 93 }));
    const j = JSON.parse((await cli(["--json", p])).stdout);
    const f = j.files[0].scopes[0].findings.find((x: { kind: string }) => x.kind === "identity");
    expect(f).toMatchObject({ code: "7180", difference: "-14", suspect: "7130" });
  });

  test("unusable files exit 2 with one line each, and --json still reports the other files", async () => {
    const notZip = file("notes.xlsx", "just some text");
    const truncated = file("truncated.xlsx", readFileSync(clean).subarray(0, 300));
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = file("legacy.xls", cfb);
    const enc = new Uint8Array(cfb);
    enc.set(
      Array.from("EncryptionInfo").flatMap((c) => [c.charCodeAt(0), 0]),
      1024
    );
    const encrypted = file("encrypted.xlsx", enc);
    const xlsb = file(
      "binary.xlsb",
      zipSync({
        "xl/workbook.bin": new Uint8Array([1, 2, 3]),
        "[Content_Types].xml": strToU8("<Types/>"),
      })
    );
    const docx = file("letter.xlsx", zipSync({ "word/document.xml": strToU8("<w:document/>") }));
    const r = await cli([
      "--json",
      clean,
      join(dir, "missing.xlsx"),
      notZip,
      truncated,
      legacy,
      encrypted,
      xlsb,
      docx,
    ]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.files[0].error).toBeNull();
    const errors = j.files.slice(1).map((f: { error: string }) => f.error);
    expect(errors[0]).toMatch(/no such file/);
    expect(errors[1]).toMatch(/not a workbook/);
    expect(errors[2]).toMatch(/truncated or corrupt/);
    expect(errors[3]).toMatch(/legacy \.xls/);
    expect(errors[4]).toMatch(/encrypted/);
    expect(errors[5]).toMatch(/\.xlsb/);
    expect(errors[6]).toMatch(/no workbook part/);
    expect(r.stderr.trim().split("\n")).toHaveLength(7);
    expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  test("wrong arguments exit 2 with one line", async () => {
    const r = await cli(["--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("focus-check: unknown option --bogus");
    expect((await cli(["--annotate", join(dir, "o.xlsx"), clean, broken])).code).toBe(2);
    expect((await cli(["--annotate"])).code).toBe(2);
  });

  test(".xlsm is read like .xlsx", async () => {
    const p = file("macro.xlsm", readFileSync(broken));
    expect((await cli([p])).code).toBe(1);
  });

  test("colour only on a terminal and never with NO_COLOR", async () => {
    expect((await cli([broken])).stdout).not.toContain("\u001b[");
    expect((await cli([broken], { stdoutIsTTY: true })).stdout).toContain("\u001b[");
    expect(
      (await cli([broken], { stdoutIsTTY: true, env: { NO_COLOR: "1" } })).stdout
    ).not.toContain("\u001b[");
  });

  test("a progress bar goes to stderr on a terminal only", async () => {
    expect((await cli([broken], { stderrIsTTY: true })).stderr).toContain("[");
    expect((await cli([broken], { stderrIsTTY: false })).stderr).toBe("");
    expect((await cli([broken], { stderrIsTTY: true, env: { NO_COLOR: "" + 1 } })).stderr).toBe("");
  });
});

describe("--annotate", () => {
  test("writes a marked copy and never touches the input", async () => {
    const before = createHash("sha256").update(readFileSync(broken)).digest("hex");
    const out = join(dir, "annotated.xlsx");
    const r = await cli(["--annotate", out, broken]);
    expect(r.code).toBe(1);
    expect(createHash("sha256").update(readFileSync(broken)).digest("hex")).toBe(before);
    const wb = XlsxWorkbook.fromBytes(readFileSync(out));
    wb.load(new Map([[0, "all"]]));
    const original = XlsxWorkbook.fromBytes(readFileSync(broken));
    original.load(new Map([[0, "all"]]));
    // Every value and formula is as it was.
    for (const [key, content] of original.sheet(0)!.cells)
      expect(wb.sheet(0)!.cells.get(key)).toEqual(content);
    const comments = wb.zip.names().filter((n) => /comments/i.test(n));
    expect(comments.length).toBe(1);
    expect(wb.zip.text(comments[0])).toContain("identity");
  });

  test("a copy that cannot be made is named by its option; the check stands, listed once (failed before: the file listed again as not checked)", async () => {
    const parts = unzipSync(readFileSync(broken));
    // A part the check never reads, but the annotated copy must patch.
    parts["[Content_Types].xml"] = strToU8(
      strFromU8(parts["[Content_Types].xml"]).replace("<Default ", '<Default "')
    );
    const input = file("types-malformed.xlsx", zipSync(parts));
    const out = join(dir, "types-malformed-annotated.xlsx");
    const json = await cli(["--json", "--annotate", out, input]);
    expect(json.code).toBe(2);
    const files = JSON.parse(json.stdout).files;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ file: input, error: null });
    expect(files[0].scopes[0].findings.map((f: { kind: string }) => f.kind)).toContain("identity");
    expect(json.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^focus-check: .*types-malformed\.xlsx: --annotate: corrupt workbook: \[Content_Types\]\.xml is malformed XML \(.+\)$/
      ),
    ]);
    expect(readdirSync(dir).filter((f) => f.startsWith("types-malformed-annotated"))).toEqual([]);
    const human = await cli(["--annotate", out, input]);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain("identity");
    expect(human.stdout).not.toMatch(/cannot check/);
  });

  test("refuses to write over its input", async () => {
    const r = await cli(["--annotate", broken, broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/overwrite the input/);
  });
});

describe("the installed command", () => {
  test("real exit codes and no stack trace from a child process", () => {
    const ok = spawnSync(process.execPath, [BIN, clean], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [BIN, join(dir, "nope.xlsx")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const json = execFileSync(process.execPath, [BIN, "--json", clean], { encoding: "utf8" });
    expect(JSON.parse(json).files[0].scopes[0].scope).toBe("Seg");
  });
});

test("text from a hostile workbook cannot drive the terminal", async () => {
  const s = boundSheet("Day", { ...SMALL_SEG, "7020": "OSC-owned-n/a" }, "sheet");
  // XML cannot carry ESC or BEL, but a crafted file can spell them as character references.
  const parts = unzipSync(writeXlsx({ sheets: [{ name: "Day", cells: s.cells }], names: s.names }));
  parts["xl/sharedStrings.xml"] = strToU8(
    strFromU8(parts["xl/sharedStrings.xml"]).replace("OSC-owned-n/a", "&#27;]0;owned&#7;n/a")
  );
  const p = file("escapes.xlsx", zipSync(parts));
  const r = await cli([p], { stdoutIsTTY: true });
  // Only our own colour codes (ESC [ digits m) may appear.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  expect(r.stdout.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  expect(r.stdout).toContain("?]0;owned?n/a");
});
