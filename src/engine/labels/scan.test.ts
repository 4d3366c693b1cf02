import { scanLabels, type LabelCell } from ".";
import { num, SEG_TITLE, text } from "../../../test/labels/cells";

/** The 4d(2) requirement lines, each with a figure in every column of `cols`. */
function requirement(cols: number[], firstRow = 2): LabelCell[] {
  const lines = [
    "1. Net ledger balance",
    "A. Cash",
    "B. Securities (at market)",
    "2. Net unrealized profit (loss) in open futures contracts traded on a contract market",
    "3. Exchange traded options",
    "A. Add market value of open option contracts purchased on a contract market",
    "B. Deduct market value of open option contracts granted (sold) on a contract market",
    "4. Net equity (deficit) (add lines 1, 2 and 3)",
  ];
  const cells: LabelCell[] = [];
  lines.forEach((l, i) => {
    const row = firstRow + i;
    cells.push(text(row, 1, l));
    if (/^\d\. (Net ledger|Exchange)/.test(l)) return; // headings
    cols.forEach((c, k) => cells.push(num(row, c, 1000 * (i + 1) + k)));
  });
  return cells;
}

describe("scanLabels: more figures on a row than the form prints", () => {
  test("two columns of figures with nothing to say which is current: none bound, every row listed", () => {
    const scan = scanLabels("Seg", [text(1, 1, SEG_TITLE), ...requirement([3, 4])]);
    expect(scan.proposals).toEqual([]);
    expect(scan.unmatched.map((u) => u.address)).toEqual([
      "C3",
      "D3",
      "C4",
      "D4",
      "C5",
      "D5",
      "C7",
      "D7",
      "C8",
      "D8",
      "C9",
      "D9",
    ]);
  });

  test("a line's row with a second figure it does not print beside a total is left unmatched", () => {
    // "Cash" is not printed beside its total (net equity has its own row): the 12 is not the line's.
    const cells = [text(1, 1, SEG_TITLE), ...requirement([4])];
    cells.push(num(3, 3, 12));
    const scan = scanLabels("Seg", cells);
    expect(scan.proposals.find((p) => p.row === 3)).toBeUndefined();
    expect(scan.proposals.map((p) => p.code)).toEqual(["7020", "7030", "7032", "7033", "7040"]);
    expect(scan.unmatched.map((u) => u.address)).toEqual(["C3", "D3"]);
  });
});

describe("scanLabels: a label wrapped over two rows", () => {
  const offsets = (first: string, second: string) => [
    text(1, 1, SEG_TITLE),
    text(2, 1, "4. Net equity (deficit)"),
    num(2, 4, 100),
    text(3, 1, first),
    text(4, 1, second),
    num(4, 3, 40),
    text(5, 1, "Less: amount offset by customer owned securities"),
    num(5, 3, 10),
    num(5, 4, 30),
    text(6, 1, "6. Amount required to be segregated"),
    num(6, 4, 130),
  ];
  const codes = (cells: LabelCell[]) =>
    scanLabels("Seg", cells)
      .proposals.filter((p) => p.confident)
      .map((p) => [p.code, p.address]);
  const expected = [
    ["7040", "D2"],
    ["7045", "C4"],
    ["7047", "C5"],
    ["7050", "D5"],
    ["7060", "D6"],
  ];

  test("cut mid-phrase, the figure on the second row", () => {
    expect(
      codes(
        offsets(
          "5. Accounts liquidating to a deficit and accounts with",
          "debit balances - gross amount"
        )
      )
    ).toEqual(expected);
  });

  test("the second row opening with a dash or a parenthesis, as the seed prints line 5", () => {
    expect(
      codes(
        offsets(
          "5. Accounts liquidating to a deficit and accounts with debit balances",
          "- gross amount"
        )
      )
    ).toEqual(expected);
  });

  test("a 30.7 line cut after its first words: the second row alone does not say which line", () => {
    const cells = [
      text(
        1,
        1,
        "Statement of secured amounts and funds held in separate accounts pursuant to Commission Regulation 30.7"
      ),
      text(2, 1, "Foreign futures and foreign options secured amounts"),
      text(3, 1, "Amount required to be set aside pursuant to law, rule or"),
      text(4, 1, "regulation of a foreign government or a rule of a self-regulatory organization"),
      num(4, 4, 0),
      text(
        5,
        1,
        "1. Net ledger balance - Foreign futures and foreign option trading - All customers"
      ),
      text(6, 1, "A. Cash"),
      num(6, 4, 50),
    ];
    expect(codes(cells)).toEqual([
      ["7305", "D4"],
      ["7315", "D6"],
    ]);
  });

  test("a heading above a line of its own is not joined to it, in any case", () => {
    const rows = (heading: string, line: string) => [
      text(1, 1, SEG_TITLE),
      text(2, 1, heading),
      text(3, 1, line),
      num(3, 4, 5),
      text(4, 1, "deposited in segregated funds bank accounts"),
      text(5, 1, "cash"),
      num(5, 4, 6),
    ];
    expect(codes(rows("net ledger balance", "cash"))).toEqual([
      ["7010", "D3"],
      ["7070", "D5"],
    ]);
    expect(scanLabels("Seg", rows("Net ledger balance", "Cash")).proposals[0].label).toBe("Cash");
  });

  test("lines in lower case under a capitalised heading, with or without a colon, stay lines of their own", () => {
    for (const heading of ["Net ledger balance:", "Net ledger balance"]) {
      const cells = [
        text(1, 1, SEG_TITLE),
        text(2, 1, heading),
        text(3, 1, "cash"),
        num(3, 3, 5),
        text(4, 1, "securities (at market)"),
        num(4, 3, 6),
        text(5, 1, "Deposited in segregated funds bank accounts"),
        text(6, 1, "cash"),
        num(6, 3, 7),
      ];
      expect(codes(cells)).toEqual([
        ["7010", "C3"],
        ["7020", "C4"],
        ["7070", "C6"],
      ]);
    }
  });
});
