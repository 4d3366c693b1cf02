/**
 * The form templates' native formulas, computed by LibreOffice, give the engine's values: every
 * statement, keyed several ways, in one workbook and one LibreOffice run.
 */
import {
  STATEMENTS,
  statementTemplate,
  templateCellOf,
  type Code,
  type StatementDef,
} from "../../src/engine";
import { validateWorkbook } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { type SheetModel, type WorkbookModel, writeXlsx } from "../../sim";
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

/** Amounts below 1,000 (the $1,000,000 floor wins), 1,000,000 and 10,000,000,000. */
const MAGNITUDES = [1e3, 1e6, 1e10];

/**
 * Capital amounts on the half dollar: 8% of 6.25 is 0.5 and 8% of 18.75 is 1.5, 150% of 3 is 4.5.
 * Half up gives 1, 2 and 5 where banker's rounding would give 0, 2 and 4.
 */
const HALF_DOLLARS: Record<Code, number> = {
  "7415": 6.25,
  "7435": 18.75,
  "7465": 3,
  "7475": 1,
  "3750": 5,
};

interface TemplateSheet {
  model: SheetModel;
  names: NonNullable<WorkbookModel["names"]>;
  expectations: Expectation[];
}

/** A statement's template on `sheet` with `values` keyed, and what the engine says its totals are. */
function templateSheet(
  statement: StatementDef,
  sheet: string,
  values: Record<Code, number | string | null>
): TemplateSheet {
  const t = statementTemplate(statement, { sheet, derived: "formulas", values });
  const model: SheetModel = {
    name: sheet,
    cells: t.cells.map(({ formula, ...cell }) =>
      formula === undefined
        ? cell
        : { ...cell, formula: formula.replace(/^=/, ""), value: STALE_RESULT }
    ),
  };
  const names = t.names.map((n) => ({
    name: n.name,
    refersTo: `'${sheet}'!${n.address}`,
    localSheet: sheet,
  }));
  const keyedLines = statement.lines
    .filter((l) => l.kind !== "derived")
    .map((l) => boundLine(l.code, values[l.code] ?? null));
  const computed = engineComputed(sheet, keyedLines);
  const expectations = statement.lines
    .filter((l) => l.kind === "derived")
    .map((l) => ({
      sheet,
      code: l.code,
      address: templateCellOf(t, l.code)!,
      expected: computed.get(l.code)!,
    }));
  return { model, names, expectations };
}

const sheets: { statement: StatementDef; sheet: TemplateSheet }[] = [];
STATEMENTS.forEach((statement, s) => {
  MAGNITUDES.forEach((magnitude, m) => {
    const random = seeded(1000 * s + m + 1);
    const values = Object.fromEntries(
      statement.lines.map((l) => [l.code, keyed(random, l, magnitude)])
    );
    sheets.push({ statement, sheet: templateSheet(statement, `${statement.id} ${m + 1}`, values) });
  });
});
const capital = STATEMENTS.find((s) => s.id === "cftc-capital")!;
const halfDollars = templateSheet(capital, "half dollars", HALF_DOLLARS);

let recalculated: XlsxReader;
beforeAll(async () => {
  const all = [...sheets.map((s) => s.sheet), halfDollars];
  const book = writeXlsx({ sheets: all.map((s) => s.model), names: all.flatMap((s) => s.names) });
  recalculated = new XlsxReader(await recalcWithLibreOffice(book));
}, 300_000);

it.each(STATEMENTS.map((s) => [s.id, s] as const))(
  "%s: every total LibreOffice computes is the engine's, to the dollar",
  async (_, statement) => {
    const expectations = sheets
      .filter((s) => s.statement === statement)
      .flatMap((s) => s.sheet.expectations);
    expect(expectations.length).toBeGreaterThanOrEqual(MAGNITUDES.length);
    expect(await disagreements(recalculated, expectations)).toEqual([]);
  }
);

it("rounds percentage lines half up, as the engine does", async () => {
  const engine = new Map(halfDollars.expectations.map((e) => [e.code, e.expected.toFixed()]));
  expect(Object.fromEntries(engine)).toMatchObject({
    "7425": "1",
    "7445": "2",
    "7455": "3",
    "7490": "1000000",
    "7495": "5",
  });
  expect(await disagreements(recalculated, halfDollars.expectations)).toEqual([]);
});

it("keeps the sheet-level names: focus-check finds every sheet a scope whose totals all tie", async () => {
  const report = await validateWorkbook(recalculated);
  expect(report.scopes.map((s) => s.scope)).toEqual([
    ...sheets.map((s) => s.sheet.model.name),
    "half dollars",
  ]);
  const broken = report.scopes
    .flatMap((s) => s.findings)
    .filter((f) => f.kind === "identity" || f.kind === "bad-input");
  expect(broken.map((f) => f.message)).toEqual([]);
});
