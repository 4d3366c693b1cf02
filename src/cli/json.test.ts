import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dailyWorkbook } from "../../bench/workbooks";
import { compareWithPriorFile, DEFAULT_THRESHOLDS } from "../engine";
import { validateWorkbook } from "../workbook/validate";
import { XlsxReader } from "../workbook/xlsx-reader";
import { jsonText, toJson, type FileResult } from "./json";

async function checked(file: string, bytes: Uint8Array): Promise<FileResult> {
  const report = await validateWorkbook(new XlsxReader(bytes), {
    dateHint: file,
    thresholds: DEFAULT_THRESHOLDS,
  });
  return {
    file,
    error: null,
    scopes: report.scopes,
    report,
    comparisons: [...report.review.comparisons],
  };
}

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "examples", "hsbc-2020-11-30.xlsx"));

describe("--json written a scope at a time", () => {
  test("is the text of one JSON.stringify, for every shape of result", async () => {
    const daily = await checked("daily-30.xlsx", dailyWorkbook(30));
    const example = await checked("hsbc-2020-11-30.xlsx", EXAMPLE);
    const compared = await checked("daily-3.xlsx", dailyWorkbook(3));
    compared.comparisons!.push(
      ...compareWithPriorFile(
        compared.report!,
        daily.report!,
        new Set(),
        "daily-30.xlsx",
        DEFAULT_THRESHOLDS
      )
    );
    const unreadable: FileResult = { file: 'bad "name".xlsx', error: "not a workbook", scopes: [] };
    const cases: FileResult[][] = [
      [],
      [daily],
      [example],
      [unreadable],
      [daily, unreadable, example, compared],
    ];
    for (const results of cases)
      expect([...jsonText(results)].join("")).toBe(JSON.stringify(toJson(results), null, 2));
  });

  test("no piece holds more than one scope", async () => {
    const daily = await checked("daily-30.xlsx", dailyWorkbook(30));
    const pieces = [...jsonText([daily])];
    // A scope's object is the one with its summaries.
    const scopes = pieces.filter((p) => p.includes('"summaries": ['));
    expect(scopes).toHaveLength(30);
    for (const p of scopes) expect(p.match(/"summaries": \[/g)).toHaveLength(1);
  });
});
