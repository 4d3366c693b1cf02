/**
 * The pane's recompute formulas for scopes where only some lines are bound: excelFormula names the
 * bound parts and inlines the unbound ones as the engine's values. Written into the bound totals of
 * a workbook that has names for the bound lines only, LibreOffice computes the engine's values.
 */
import {
  Dec,
  Evaluator,
  excelFormula,
  lineOf,
  readAmount,
  STATEMENTS,
  type AmountRead,
  type Code,
  type StatementDef,
} from "../../src/engine";
import { validateWorkbook } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { type CellModel, type SheetModel, type WorkbookModel, writeXlsx } from "../../sim";
import { recalcWithLibreOffice } from "../../tools/libreoffice";
import {
  boundLine,
  disagreements,
  engineComputed,
  keyed,
  seeded,
  STALE_RESULT,
  type Expectation,
} from "./fixtures";

const VARIANTS = 3;

interface PartialSheet {
  model: SheetModel;
  names: NonNullable<WorkbookModel["names"]>;
  expectations: Expectation[];
  /** Unbound totals inlined with a value other than 0: the path this file is about. */
  inlinedTotals: number;
}

/**
 * About half the keyed lines and half the totals of `statement` bound (at least one total), one per
 * row in column C; the bound totals hold their recompute formulas.
 */
function partialSheet(
  statement: StatementDef,
  sheet: string,
  random: () => number,
  unit: Dec,
  magnitude: number
): PartialSheet {
  const keyedLines = statement.lines
    .filter((l) => l.kind !== "derived" && l.kind !== "text" && random() < 0.5)
    .map((l) => boundLine(l.code, keyed(random, l, magnitude)));
  const totals = statement.lines.filter((l) => l.kind === "derived");
  const boundTotals = totals.filter(() => random() < 0.5);
  if (boundTotals.length === 0) boundTotals.push(totals[totals.length - 1]);

  const bound = new Set<Code>([
    ...keyedLines.map((b) => b.code),
    ...boundTotals.map((l) => l.code),
  ]);
  const reads = new Map<Code, AmountRead>(keyedLines.map((b) => [b.code, readAmount(b.content)]));
  const evaluator = new Evaluator(reads, unit);
  const computed = engineComputed(sheet, keyedLines, unit);

  const cells: CellModel[] = [];
  const names: PartialSheet["names"] = [
    { name: "FOCUS_UNIT", refersTo: unit.toFixed(), localSheet: sheet },
  ];
  const expectations: Expectation[] = [];
  let inlinedTotals = 0;
  [...keyedLines.map((b) => b.code), ...boundTotals.map((l) => l.code)].forEach((code, i) => {
    const ref = `C${i + 2}`;
    cells.push({ ref: `D${i + 2}`, value: Number(code) });
    names.push({ name: `FOCUS_${code}`, refersTo: `'${sheet}'!$C$${i + 2}`, localSheet: sheet });
    const line = lineOf(code)!;
    if (line.kind !== "derived") {
      const v = keyedLines.find((b) => b.code === code)!.content.value;
      if (v?.type === "number") cells.push({ ref, value: v.value });
      return;
    }
    const formula = excelFormula(code, { isBound: (c) => bound.has(c), evaluator, unit });
    cells.push({ ref, formula: formula.replace(/^=/, ""), value: STALE_RESULT });
    expectations.push({ sheet, code, address: ref, expected: computed.get(code)! });
    inlinedTotals += line.formula!.terms.filter(
      (t) =>
        !bound.has(t.code) &&
        lineOf(t.code)!.kind === "derived" &&
        !evaluator.value(t.code).value.isZero()
    ).length;
  });
  return { model: { name: sheet, cells }, names, expectations, inlinedTotals };
}

const sheets: { statement: StatementDef; sheet: PartialSheet }[] = [];
STATEMENTS.forEach((statement, s) => {
  for (let v = 0; v < VARIANTS; v++) {
    const random = seeded(7919 * (s + 1) + v);
    sheets.push({
      statement,
      sheet: partialSheet(statement, `${statement.id} ${v + 1}`, random, new Dec(1), 1e9),
    });
  }
});
// Keyed in thousands: the $1,000,000 floor is 1,000 and percentage lines round to the dollar, 0.001.
const capital = STATEMENTS.find((s) => s.id === "cftc-capital")!;
for (const [v, magnitude] of [100, 100_000].entries()) {
  const random = seeded(104729 + v);
  sheets.push({
    statement: capital,
    sheet: partialSheet(capital, `thousands ${v + 1}`, random, new Dec(1000), magnitude),
  });
}

let recalculated: XlsxReader;
beforeAll(async () => {
  const book = writeXlsx({
    sheets: sheets.map((s) => s.sheet.model),
    names: sheets.flatMap((s) => s.sheet.names),
  });
  recalculated = new XlsxReader(await recalcWithLibreOffice(book));
}, 300_000);

it("inlines unbound totals that carry a value (else this file would test nothing new)", () => {
  expect(sheets.reduce((n, s) => n + s.sheet.inlinedTotals, 0)).toBeGreaterThan(0);
});

it.each(STATEMENTS.map((s) => [s.id, s] as const))(
  "%s: LibreOffice computes each bound total as the engine does",
  async (_, statement) => {
    const expectations = sheets
      .filter((s) => s.statement === statement)
      .flatMap((s) => s.sheet.expectations);
    expect(expectations.length).toBeGreaterThanOrEqual(VARIANTS);
    expect(await disagreements(recalculated, expectations)).toEqual([]);
  }
);

it("scales the floor and the rounding with FOCUS_UNIT, and focus-check finds every total tied", async () => {
  const thousands = sheets
    .filter((s) => s.sheet.model.name.startsWith("thousands"))
    .flatMap((s) => s.sheet.expectations);
  expect(await disagreements(recalculated, thousands)).toEqual([]);
  const report = await validateWorkbook(recalculated);
  expect(report.scopes.map((s) => s.unit.toFixed())).toEqual(
    sheets.map((s) => (s.sheet.model.name.startsWith("thousands") ? "1000" : "1"))
  );
  const broken = report.scopes
    .flatMap((s) => s.findings)
    .filter((f) => f.kind === "identity" || f.kind === "bad-input");
  expect(broken.map((f) => f.message)).toEqual([]);
});
