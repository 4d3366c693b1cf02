import { scanLabels, CONFIDENT } from "../../src/engine/labels";
import { num, SEG_TITLE, text } from "./cells";
import { layOut, loadReference, referenceSlugs } from "./reference";

describe("scanLabels: the reference statements line by line", () => {
  for (const slug of referenceSlugs()) {
    test(`${slug}: every coded amount bound to its code, no heading bound`, () => {
      const ref = loadReference(slug);
      const { cells, truth, headings } = layOut(ref.sections);
      const scan = scanLabels("Stmt", cells);
      const bound = new Map(
        scan.proposals.filter((p) => p.confident).map((p) => [`${p.row}:${p.col}`, p.code])
      );
      const wrong = [...bound].filter(([k, code]) => truth.get(k) !== code);
      expect(wrong).toEqual([]);
      expect([...truth].filter(([k]) => !bound.has(k))).toEqual([]);
      expect(scan.proposals.filter((p) => headings.includes(p.row))).toEqual([]);
    });
  }
});

describe("scanLabels: context", () => {
  test("'Cash' means the line of the heading above it", () => {
    const cells = [
      text(
        1,
        1,
        "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges"
      ),
      text(2, 1, "Net ledger balance"),
      text(3, 2, "Cash"),
      num(3, 4, 10),
      text(4, 1, "Deposited in segregated funds bank accounts"),
      text(5, 2, "Cash"),
      num(5, 4, 20),
      text(6, 1, "Margins on deposit with derivatives clearing organizations of contract markets"),
      text(7, 2, "Cash"),
      num(7, 4, 30),
    ];
    const scan = scanLabels("Seg", cells);
    expect(scan.proposals.map((p) => [p.address, p.code, p.confident])).toEqual([
      ["D3", "7010", true],
      ["D5", "7070", true],
      ["D7", "7100", true],
    ]);
    expect(scan.proposals[0].cell).toBe("'Seg'!D3");
    expect(scan.proposals[0].confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  test("a printed unit proposes FOCUS_UNIT", () => {
    const scan = scanLabels("S", [
      text(1, 1, "(in millions)"),
      text(2, 1, "Net ledger balance - cash"),
      num(2, 3, 5),
    ]);
    expect(scan.unit).toEqual({ unit: "1000000", text: "(in millions)", cell: "'S'!A1" });
  });

  test("a row no line fits is listed as unmatched with its words", () => {
    const scan = scanLabels("S", [
      text(
        1,
        1,
        "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges"
      ),
      text(2, 1, "Total amount in segregation"),
      num(2, 3, 5),
      text(3, 1, "Accrued interest receivable from affiliates"),
      num(3, 3, 7),
    ]);
    expect(scan.proposals.map((p) => p.code)).toEqual(["7180"]);
    expect(scan.unmatched).toEqual([
      {
        cell: "'S'!C3",
        address: "C3",
        row: 3,
        col: 3,
        text: "Accrued interest receivable from affiliates",
      },
    ]);
  });
});

const codesOf = (scan: ReturnType<typeof scanLabels>, confidentOnly = true) =>
  Object.fromEntries(
    scan.proposals.filter((p) => !confidentOnly || p.confident).map((p) => [p.address, p.code])
  );

describe("scanLabels: how firms print", () => {
  test("ambiguous words under a heading no line has are not bound, and listed as unmatched", () => {
    const scan = scanLabels("S", [
      text(1, 1, SEG_TITLE),
      text(2, 1, "Net ledger balance"),
      text(3, 2, "Cash"),
      num(3, 4, 10),
      text(4, 1, "Other receivables"),
      text(5, 2, "Cash"),
      num(5, 4, 20),
      text(6, 2, "Securities"),
      num(6, 4, 30),
    ]);
    expect(codesOf(scan)).toEqual({ D3: "7010" });
    expect(scan.unmatched.map((u) => [u.address, u.text])).toEqual([
      ["D5", "Cash"],
      ["D6", "Securities"],
    ]);
  });

  test("no line numbers, indentation only", () => {
    const rows = [
      ["Net ledger balance", null],
      ["    Cash", 100],
      ["    Securities (at market)", 20],
      ["Net unrealized profit/(loss) on open futures contracts", 5],
      ["Net equity (deficit)", 125],
      ["Funds on deposit in segregation", null],
      ["Deposited in segregated funds bank accounts", null],
      ["    Cash", 90],
      ["    Securities representing investments of customers' funds", 10],
      ["Margins on deposit with derivatives clearing organizations of contract markets", null],
      ["    Cash", 30],
      ["Total amount in segregation", 130],
    ] as const;
    const cells = [
      text(1, 1, SEG_TITLE),
      ...rows.flatMap(([t, v], i) =>
        v === null ? [text(i + 2, 1, t)] : [text(i + 2, 1, t), num(i + 2, 3, v)]
      ),
    ];
    expect(codesOf(scanLabels("S", cells))).toEqual({
      C3: "7010",
      C4: "7020",
      C5: "7030",
      C6: "7040",
      C9: "7070",
      C10: "7080",
      C12: "7100",
      C13: "7180",
    });
  });

  test("lines left out: the rest still bound, nothing shifted onto the missing codes", () => {
    const cells = [
      text(1, 1, SEG_TITLE),
      text(2, 1, "1. Net ledger balance"),
      text(3, 1, "A. Cash"),
      num(3, 4, 1),
      // 1B, 2 and 3 are not printed
      text(4, 1, "4. Net equity (deficit)"),
      num(4, 4, 1),
      text(5, 1, "6. Amount required to be segregated"),
      num(5, 4, 1),
      text(6, 1, "12. Segregated funds on hand"),
      num(6, 4, 1),
      text(7, 1, "14. Excess (deficiency) funds in segregation"),
      num(7, 4, 1),
    ];
    expect(codesOf(scanLabels("S", cells))).toEqual({
      D3: "7010",
      D4: "7040",
      D5: "7060",
      D6: "7150",
      D7: "7190",
    });
  });

  test("two figures on one printed line: the offset in the inner column, the net line 5 in the main column", () => {
    const cells = [
      text(1, 1, SEG_TITLE),
      text(
        2,
        1,
        "5. Accounts liquidating to a deficit and accounts with debit balances - gross amount"
      ),
      num(2, 3, 50),
      text(3, 1, "Deduct – Amount offset against U.S. Treasury obligations owned by customers"),
      num(3, 3, 40),
      num(3, 4, 10),
      text(4, 1, "6. Amount required to be segregated (add lines 4 and 5)"),
      num(4, 4, 10),
    ];
    expect(codesOf(scanLabels("S", cells))).toEqual({
      C2: "7045",
      C3: "7047",
      D3: "7050",
      D4: "7060",
    });
  });

  test("a typo still binds", () => {
    const cells = [
      text(1, 1, SEG_TITLE),
      text(2, 1, "13. Totl amount in segragation"),
      num(2, 3, 1),
      text(3, 1, "12. Segregated funds on hnad"),
      num(3, 3, 2),
    ];
    expect(codesOf(scanLabels("S", cells))).toEqual({ C2: "7180", C3: "7150" });
  });

  test("statements stacked on one sheet: 'Cash' read in its statement; one code once", () => {
    const cells = [
      text(1, 1, SEG_TITLE),
      text(2, 1, "1. Net ledger balance"),
      text(3, 1, "A. Cash"),
      num(3, 4, 1),
      text(
        5,
        1,
        "Statement of cleared swaps customer segregation requirements and funds in cleared swaps customer accounts under 4d(f) of the CEA"
      ),
      text(6, 1, "1. Net ledger balance"),
      text(7, 1, "A. Cash"),
      num(7, 4, 2),
      text(
        9,
        1,
        "Statement of secured amounts and funds held in separate accounts pursuant to Commission Regulation 30.7"
      ),
      text(
        10,
        1,
        "1. Net ledger balance - foreign futures and foreign option trading - all customers"
      ),
      text(11, 1, "A. Cash"),
      num(11, 4, 3),
      text(12, 1, "Funds deposited in separate regulation 30.7 accounts"),
      text(13, 1, "3. Equities with registered futures commission merchants"),
      text(14, 1, "A. Cash"),
      num(14, 3, 4),
      text(15, 1, "A. Cash"),
      num(15, 3, 5),
    ];
    const scan = scanLabels("S", cells);
    expect(codesOf(scan)).toEqual({ D3: "7010", D7: "8500", D11: "7315", C14: "7580" });
    expect(scan.statements.map((s) => s.statement)).toEqual([
      "seg-4d2",
      "cleared-swaps-4df",
      "secured-30.7",
    ]);
    expect(scan.unmatched.map((u) => u.address)).toEqual(["C15"]);
  });

  test("a heading repeated on a continuation page keeps the statement and its codes", () => {
    const cells = [
      text(1, 1, SEG_TITLE),
      text(2, 1, "FUNDS IN SEGREGATED ACCOUNTS"),
      text(3, 1, "7. Deposited in segregated funds bank accounts"),
      text(4, 1, "A. Cash"),
      num(4, 4, 1),
      text(6, 1, SEG_TITLE + " (continued)"),
      text(7, 1, "FUNDS IN SEGREGATED ACCOUNTS (continued)"),
      text(8, 1, "12. Segregated funds on hand"),
      num(8, 4, 2),
    ];
    const scan = scanLabels("S", cells);
    expect(codesOf(scan)).toEqual({ D4: "7070", D8: "7150" });
    expect(scan.statements.map((s) => s.statement)).toEqual(["seg-4d2"]);
  });

  test("units as printed", () => {
    expect(scanLabels("S", [text(1, 1, "(Dollars in thousands)")]).unit?.unit).toBe("1000");
    expect(scanLabels("S", [text(1, 2, "$000")]).unit?.unit).toBe("1000");
    expect(scanLabels("S", [text(1, 1, "(in millions)")]).unit?.unit).toBe("1000000");
    expect(scanLabels("S", [text(1, 1, "Net ledger balance")]).unit).toBeNull();
  });

  test("cells already bound are not proposed again", () => {
    const cells = [
      text(1, 1, SEG_TITLE),
      text(2, 1, "13. Total amount in segregation"),
      num(2, 3, 1),
      text(3, 1, "12. Segregated funds on hand"),
      num(3, 3, 2),
    ];
    expect(codesOf(scanLabels("S", cells, { taken: [{ code: "7180", row: 2, col: 3 }] }))).toEqual({
      C3: "7150",
    });
  });
});
