import { type CellContent, firmInHeading, type HeadingCell } from "../../src/engine";
import type { CellModel, WorkbookModel } from "../../sim";
import { boundSheet, check, SMALL_SEG } from "../workbook/fixtures";

const text = (t: string): CellContent => ({ value: { type: "text", text: t } });
/** Heading lines from the top, one a row, in column A unless "B:…". */
const heading = (...lines: string[]): HeadingCell[] =>
  lines.flatMap((l, i) =>
    l === ""
      ? []
      : [{ row: i + 1, col: l.startsWith("B:") ? 2 : 1, content: text(l.replace(/^B:/, "")) }]
  );

describe("the firm a sheet prints at its top", () => {
  it.each([
    [
      [
        "Goldman Sachs & Co. LLC",
        "Statement of Segregation Requirements and Funds in Segregation for Customers Trading on U.S. Commodity Exchanges",
        "December 31, 2017",
        "(in millions)",
      ],
      "Goldman Sachs & Co. LLC",
    ],
    // The seed's heading: a label, the name, the date, then the title.
    [
      [
        "BROKER OR DEALER",
        "HSBC SECURITIES (USA) INC.",
        "11/30/20",
        "as of",
        "STATEMENT OF SEGREGATION REQUIREMENTS AND FUNDS IN SEGREGATION FOR CUSTOMERS TRADING ON U.S. COMMODITY EXCHANGES",
      ],
      "HSBC SECURITIES (USA) INC.",
    ],
    [
      [
        "Schedule I",
        "Supplementary Schedule (Unaudited)",
        "Acme Futures",
        "Statement of Secured Amounts and Funds Held in Separate Accounts Pursuant to Commission Regulation 30.7",
      ],
      "Acme Futures",
    ],
    [
      [
        "Name of firm: Riverside Clearing",
        "Statement of Cleared Swaps Customer Segregation Requirements",
      ],
      "Riverside Clearing",
    ],
    [
      [
        "Bench FCM",
        "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges",
        "as of day 1",
      ],
      "Bench FCM",
    ],
    // No title in the rows read: only a legal name is taken.
    [["Northbank Securities LLC", "", "Line", "1A"], "Northbank Securities LLC"],
  ])("reads %j as %s", (lines, firm) => {
    expect(firmInHeading(heading(...lines))?.name).toBe(firm);
  });

  it.each([
    [["Name of firm", "Statement of Segregation Requirements and Funds in Segregation"]], // the template's placeholder
    [["Statement of Segregation Requirements", "Goldman Sachs & Co. LLC"]], // below the title: a caption, not the heading
    [["Segregation", "Line", "Description"]], // no title and no legal name
    [["December 31, 2017", "(in millions)", "Statement of Segregation Requirements"]],
  ])("reads no firm from %j", (lines) => {
    expect(firmInHeading(heading(...lines))).toBeNull();
  });

  it("gives the cell the name was read from", () => {
    expect(
      firmInHeading(heading("", "B:Acme Futures Inc.", "Statement of Segregation Requirements"))
    ).toEqual({ name: "Acme Futures Inc.", row: 2, col: 2 });
  });
});

/** A consistent 4d(2) statement with excess `excess`, under a heading naming `firm` (or none). */
function statementSheet(name: string, firm: string | null, excess: number) {
  const values = { ...SMALL_SEG, "7070": 115 + excess, "7180": 115 + excess, "7190": excess };
  const bound = boundSheet(name, values, "sheet");
  // boundSheet uses rows 2 onwards in C and D; the heading sits in A, above the title.
  const head: CellModel[] = firm === null ? [] : [{ ref: "A1", value: firm }];
  return {
    sheet: {
      name,
      cells: [
        ...head,
        { ref: "A2", value: "Statement of Segregation Requirements and Funds in Segregation" },
        ...bound.cells,
      ],
    },
    names: bound.names,
  };
}

const book = (
  parts: ReturnType<typeof statementSheet>[],
  extra: Partial<WorkbookModel> = {}
): WorkbookModel => ({
  sheets: parts.map((p) => p.sheet),
  names: parts.flatMap((p) => p.names),
  ...extra,
});

describe("several firms in one workbook, each sheet printing its firm", () => {
  const examiner = book([
    statementSheet("GS 2020-11-30", "Goldman Sachs & Co. LLC", 100),
    statementSheet("JPM 2020-11-30", "J.P. Morgan Securities LLC", 500),
    statementSheet("GS 2020-12-01", "Goldman Sachs & Co. LLC", 60),
    statementSheet("JPM 2020-12-01", "J.P. Morgan Securities LLC", 510),
  ]);

  it("reads each sheet's firm, shown as read from the heading, with its cell", async () => {
    const r = await check(examiner);
    expect(r.periods.map((p) => [p.scope, p.entity, p.entitySource, p.entityCell])).toEqual([
      ["GS 2020-11-30", "Goldman Sachs & Co. LLC", "sheet heading", "'GS 2020-11-30'!A1"],
      ["JPM 2020-11-30", "J.P. Morgan Securities LLC", "sheet heading", "'JPM 2020-11-30'!A1"],
      ["GS 2020-12-01", "Goldman Sachs & Co. LLC", "sheet heading", "'GS 2020-12-01'!A1"],
      ["JPM 2020-12-01", "J.P. Morgan Securities LLC", "sheet heading", "'JPM 2020-12-01'!A1"],
    ]);
  });

  it("never flags two firms on the same date as duplicates, and compares each firm only with itself (the reported bug)", async () => {
    const r = await check(examiner);
    const kinds = r.scopes.flatMap((s) => s.findings.map((f) => `${s.scope}: ${f.kind}`));
    expect(kinds.filter((k) => /period-|residual/.test(k))).toEqual([
      "GS 2020-12-01: residual-withdrawal",
    ]);
    expect(r.review.order.series.map((s) => [s.entity, s.periods.map((p) => p.scope)])).toEqual([
      ["Goldman Sachs & Co. LLC", ["GS 2020-11-30", "GS 2020-12-01"]],
      ["J.P. Morgan Securities LLC", ["JPM 2020-11-30", "JPM 2020-12-01"]],
    ]);
    expect(r.review.comparisons.map((c) => [c.scope, c.priorScope])).toEqual([
      ["GS 2020-12-01", "GS 2020-11-30"],
      ["JPM 2020-12-01", "JPM 2020-11-30"],
    ]);
  });

  it("lets FOCUS_ENTITY win over the heading", async () => {
    const bound = book([statementSheet("Seg 2020-11-30", "Printed Name LLC", 100)], {});
    bound.sheets[0].cells.push({ ref: "H1", value: "Bound Name Inc." });
    bound.names!.push({ name: "FOCUS_ENTITY", refersTo: "'Seg 2020-11-30'!$H$1" });
    const r = await check(bound);
    expect(r.periods[0]).toMatchObject({
      entity: "Bound Name Inc.",
      entitySource: "FOCUS_ENTITY",
      entityCell: "'Seg 2020-11-30'!H1",
    });
  });

  it("leaves the firm unknown when a sheet prints none", async () => {
    const r = await check(book([statementSheet("Seg 2020-11-30", null, 100)]));
    expect(r.periods[0]).toMatchObject({ entity: null, entitySource: null, entityCell: null });
  });

  it('keeps one firm\'s series whole when its name changes form ("Goldman, Sachs & Co." became "Goldman Sachs & Co. LLC")', async () => {
    const r = await check(
      book([
        statementSheet("2016-12-31", "Goldman, Sachs & Co.", 100),
        statementSheet("2017-12-31", "Goldman Sachs & Co. LLC", 90),
        statementSheet("2018-12-31", "Goldman Sachs & Co. LLC", 95),
      ])
    );
    expect(r.review.order.series.map((s) => [s.cadence, s.periods.length])).toEqual([
      ["annual", 3],
    ]);
  });
});
