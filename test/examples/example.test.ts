import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleBytes } from "../../examples/make-example";
import { validateWorkbook } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";

const committed = readFileSync(join(__dirname, "..", "..", "examples", "hsbc-2020-11-30.xlsx"));

test("the bundled example is exactly what examples/make-example.ts writes from the seed's figures", () => {
  expect(Buffer.from(exampleBytes()).equals(committed)).toBe(true);
});

test("the example is bound by names and laid out so that --detect finds the same lines", async () => {
  const named = await validateWorkbook(new XlsxReader(committed));
  // Strip the names: layout detection alone must find every line, in per-sheet scopes.
  const reader = new XlsxReader(committed);
  const structure = await reader.structure();
  reader.structure = async () => ({ ...structure, names: [] });
  const detected = await validateWorkbook(reader, { detect: true });
  const boundCells = (r: typeof named) =>
    r.scopes
      .flatMap((s) => s.lines.filter((l) => l.bound).map((l) => `${l.code}@${l.cell}`))
      .sort();
  expect(boundCells(detected)).toEqual(boundCells(named));
  const errors = (r: typeof named) =>
    r.scopes.flatMap((s) =>
      s.findings.filter((f) => f.severity === "error").map((f) => `${f.kind}:${f.code}`)
    );
  expect(errors(named)).toEqual(["identity:7180"]);
  expect(errors(detected)).toEqual(["identity:7180"]);
});
