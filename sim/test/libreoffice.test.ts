import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExcelSim } from "..";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { writeXlsx, type CellModel, type WorkbookModel } from "../xlsx-writer";
import { parseA1 } from "../../src/grid";
import type { CellValue } from "../../src/engine";

/**
 * Formulas of the subset the add-in writes, by sheet; each must come out as LibreOffice
 * computes it. Left out: logical values in arithmetic and comparisons (SUM over a TRUE cell,
 * TRUE>1), where LibreOffice, whose TRUE is the number 1, differs from Excel; the unit
 * tests hold Excel's answers for those.
 */
const FORMULAS: Record<string, string[]> = {
  Calc: [
    "ROUND(A1,2)",
    "ROUND(A2,0)",
    "ROUND(-2.675,2)",
    "ROUND(A8,0)",
    "ROUND(A9,0)",
    "ROUND(A10,-2)",
    "ROUND(1.005,2)",
    "ROUND(-A10,0)",
    "MAX(A1:A4)",
    "MIN(A1:A4)",
    "SUM(A1:A5)",
    "SUM(A8:A10,A1)",
    "MAX(A3,-7,A9)",
    "-ABS(A3)",
    "-ABS(FOCUS_7010)",
    "((A4+2)*(A3-1))/4",
    "2^3^2",
    "-2^2",
    "10/4",
    "-(A3-(A4-(2*A1)))",
    "A4>A3",
    'A5="TEXT"',
    'A5&"-"&A4',
    "A4=10",
    "A4<>10",
    "A3<=-3",
    "A1>=2.675",
    '"abc"<"abd"',
    'IF(A4>5,"big","small")',
    "IF(A3>0,1)",
    "AND(A6,A4>0)",
    "OR(A3>0,FALSE)",
    "NOT(A6)",
    "AND(A1:A4)",
    "N(A5)",
    "N(A6)",
    "N(A4)",
    'N("focus-check:identity:7040")=0',
    "A7+1",
    'A7=""',
    'A7&"x"',
    "1/0",
    "A5+1",
    "FOCUS_9999+1",
    "SUM(A1,1/0)",
    "ROUND(A5,0)",
    "IF(1/0,1,2)",
    "FOCUS_7010*2",
    "LIMIT/4",
    "MAX(FOCUS_7010,FOCUS_7020,LIMIT)",
  ],
  "Day 1": [
    "FOCUS_7010*2",
    "FOCUS_7020+FOCUS_7010",
    "-ABS(FOCUS_7010)+FOCUS_7020",
    'AND(N("focus-check:identity:7040")=0,ROUND(ABS(FOCUS_7020-(FOCUS_7010+150)),6)>0)',
    'AND(N("focus-check:identity:7040")=0,ROUND(ABS(FOCUS_7020-(FOCUS_7010+149.5)),6)>0)',
    "ROUND((FOCUS_7020-FOCUS_7010)*1000,0)/1000",
    "'Day 1'!C5+Calc!A4",
  ],
};

/** A value no formula here yields: if it survives the conversion, LibreOffice did not recalculate. */
const STALE = -987654321;

function workbook(): WorkbookModel {
  const inputs: CellModel[] = [
    { ref: "A1", value: 2.675 },
    { ref: "A2", value: 518163037.7 },
    { ref: "A3", value: -3 },
    { ref: "A4", value: 10 },
    { ref: "A5", value: "text" },
    { ref: "A6", value: true },
    { ref: "A8", value: 0.5 },
    { ref: "A9", value: -2.5 },
    { ref: "A10", value: 1234.5 },
  ];
  const formulaCells = (sheet: string): CellModel[] =>
    FORMULAS[sheet].map((formula, i) => ({ ref: `F${i + 1}`, formula, value: STALE }));
  return {
    sheets: [
      { name: "Calc", cells: [...inputs, ...formulaCells("Calc")] },
      {
        name: "Day 1",
        cells: [{ ref: "C5", value: 100 }, { ref: "C6", value: 250 }, ...formulaCells("Day 1")],
      },
    ],
    names: [
      { name: "FOCUS_7010", refersTo: "Calc!$A$4" },
      { name: "FOCUS_7010", refersTo: "'Day 1'!$C$5", localSheet: "Day 1" },
      { name: "FOCUS_7020", refersTo: "'Day 1'!$C$6" },
      { name: "LIMIT", refersTo: "1000" },
    ],
  };
}

/** A profile that makes LibreOffice recalculate every formula on load, not trust stored results. */
const RECALC_ALWAYS =
  '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
  'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>' +
  "</oor:items>\n";

function convertWithLibreOffice(bytes: Uint8Array): Uint8Array {
  if (spawnSync("soffice", ["--version"], { encoding: "utf8" }).error) {
    throw new Error("LibreOffice is required: apt-get install -y libreoffice-calc-nogui");
  }
  const dir = mkdtempSync(join(tmpdir(), "focus-sim-lo-"));
  try {
    mkdirSync(join(dir, "profile", "user"), { recursive: true });
    writeFileSync(join(dir, "profile", "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in", "formulas.xlsx"), bytes);
    const run = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        join(dir, "out"),
        join(dir, "in", "formulas.xlsx"),
      ],
      { encoding: "utf8", timeout: 120_000 }
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
    return readFileSync(join(dir, "out", "formulas.xlsx"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const plain = (v: CellValue | null | undefined): unknown =>
  !v
    ? undefined
    : v.type === "number"
      ? v.value
      : v.type === "text"
        ? v.text
        : v.type === "boolean"
          ? v.value
          : v.type === "error"
            ? v.error
            : null;

describe("the simulator's formulas against LibreOffice", () => {
  it("computes every formula of the subset as LibreOffice does", async () => {
    const model = workbook();
    const lo = XlsxWorkbook.fromBytes(convertWithLibreOffice(writeXlsx(model)));
    lo.load(new Map(lo.sheets.map((s) => [s.index, "all" as const])));
    const sim = createExcelSim({ workbook: model });
    await sim.state.calculate();
    const rows: [string, string, unknown, unknown][] = [];
    for (const [sheet, formulas] of Object.entries(FORMULAS)) {
      const index = lo.sheets.findIndex((s) => s.name === sheet);
      formulas.forEach((formula, i) => {
        const at = parseA1(`F${i + 1}`)!;
        rows.push([
          sheet,
          formula,
          sim.state.value(sheet, `F${i + 1}`),
          plain(lo.cell(index, at.row, at.col)?.value),
        ]);
      });
    }
    expect(rows.filter(([, , , theirs]) => theirs === STALE)).toEqual([]);
    expect(rows.map(([s, f, ours]) => [s, f, ours])).toEqual(
      rows.map(([s, f, , theirs]) => [s, f, theirs])
    );
  });
});
