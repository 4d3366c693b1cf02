/**
 * Mutation fuzzing of the one file read and of --annotate, in this process: the example
 * workbook with parts damaged at random (seeded: test/hostile/mutate.ts). Whatever the damage,
 * the check answers a report or refuses the file as unusable (WorkbookFileError, the CLI's
 * exit 2 with one line), never another error; an annotated copy keeps every value, formula
 * and number format of the input, or is refused the same way. The named hostile cases are
 * in hostile.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nativeInflate } from "../../src/cli/native-inflate";
import { annotateFindings, type FindingMark } from "../../src/workbook/annotate-findings";
import { validateWorkbook } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { WorkbookFileError } from "../../src/workbook/xlsx/zip";
import { dailyWorkbook } from "../../bench/workbooks";
import { mutants, seeded } from "./mutate";

const NATIVE = { inflateRaw: nativeInflate };
const EXAMPLE = readFileSync(join(__dirname, "..", "..", "examples", "hsbc-2020-11-30.xlsx"));
const CASES = 200;

/** Every cell of every worksheet, keyed by sheet and cell; null when some part cannot be read. */
function everyCell(bytes: Uint8Array): Map<string, unknown> | null {
  try {
    const wb = XlsxWorkbook.fromBytes(bytes, NATIVE);
    const sheets = wb.sheets.filter((s) => s.kind === "worksheet");
    wb.load(new Map(sheets.map((s) => [s.index, "all" as const])));
    const out = new Map<string, unknown>();
    for (const s of sheets)
      for (const [key, content] of wb.sheet(s.index)?.cells ?? [])
        out.set(`${s.name}!${key}`, content);
    return out;
  } catch (e) {
    if (e instanceof WorkbookFileError) return null;
    throw e;
  }
}

/** What focus-check --annotate marks: errors and warnings with a cell. */
function marksOf(report: Awaited<ReturnType<typeof validateWorkbook>>): FindingMark[] {
  return report.scopes.flatMap((s) =>
    s.findings
      .filter((f) => f.location && f.severity !== "info")
      .map((f) => ({ ...f.location!, severity: f.severity, note: `FOCUS ${f.kind}: ${f.message}` }))
  );
}

/**
 * Damaged copies of `bytes`: each checked, then annotated and the copy read back. Throws on
 * the first case that breaks the contract, naming it; returns what happened to them all.
 */
async function fuzz(bytes: Uint8Array, cases: number, seed: number) {
  const tally = { checked: 0, refused: 0, annotated: 0, annotateRefused: 0 };
  const pick = seeded(seed + 1);
  for (const [n, m] of mutants(bytes, cases, seed).entries()) {
    const where = `case ${n} (damaged: ${m.parts.join(", ")})`;
    let report;
    try {
      // Every other case with layout detection and labels too (--detect): more of the reader runs.
      report = await validateWorkbook(new XlsxReader(m.bytes, NATIVE), {
        dateHint: "x.xlsx",
        detect: n % 2 === 0,
      });
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw new Error(`${where}: the check threw ${e}`);
      tally.refused++;
      continue;
    }
    tally.checked++;
    // Beside the findings' own marks, one on a cell that may be empty: a new cell to make.
    const wb = XlsxWorkbook.fromBytes(m.bytes, NATIVE);
    const worksheets = wb.sheets.filter((s) => s.kind === "worksheet");
    const extra: FindingMark[] = worksheets.length
      ? [
          {
            sheet: worksheets[pick(worksheets.length)].name,
            address: "B2",
            severity: "error",
            note: "x & <y>",
          },
        ]
      : [];
    let copy: Uint8Array;
    try {
      copy = annotateFindings(m.bytes, [...marksOf(report), ...extra], NATIVE);
    } catch (e) {
      // A sheet the reader reads as cells but the workbook's relationships call another kind.
      const notAWorksheet =
        e instanceof Error && /is (?:a chart sheet|not a worksheet)/.test(e.message);
      if (!(e instanceof WorkbookFileError) && !notAWorksheet)
        throw new Error(`${where}: --annotate threw ${e}`);
      tally.annotateRefused++;
      continue;
    }
    const before = everyCell(m.bytes);
    if (!before) continue; // a sheet the check never read is malformed: nothing to compare
    const after = everyCell(copy);
    if (!after) throw new Error(`${where}: the annotated copy cannot be read`);
    for (const [key, content] of before)
      if (JSON.stringify(after.get(key)) !== JSON.stringify(content))
        throw new Error(
          `${where}: ${key} was ${JSON.stringify(content)}, the copy has ${JSON.stringify(after.get(key))}`
        );
    for (const [key, content] of after)
      if (!before.has(key) && JSON.stringify(content) !== '{"value":{"type":"blank"}}')
        throw new Error(`${where}: the copy has a new cell ${key} that is not blank`);
    tally.annotated++;
  }
  return tally;
}

test(`${CASES} damaged copies of the example: a report or a clean refusal, and an annotated copy that changes no cell`, async () => {
  const tally = await fuzz(EXAMPLE, CASES, 20261203);
  // Not a vacuous pass: most damage leaves a workbook to check, and many copies are made.
  expect(tally.checked).toBeGreaterThan(CASES * 0.4);
  expect(tally.refused).toBeGreaterThan(CASES * 0.1);
  expect(tally.annotated).toBeGreaterThan(CASES * 0.25);
});

test("100 damaged copies of three daily sheets (sheet-level names, shared strings): the same", async () => {
  const tally = await fuzz(dailyWorkbook(3), 100, 42);
  expect(tally.checked).toBeGreaterThan(40);
  expect(tally.annotated).toBeGreaterThan(25);
});
