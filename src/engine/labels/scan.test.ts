import { scanLabels, type LabelCell } from ".";

const text = (row: number, col: number, t: string): LabelCell => ({
  row,
  col,
  content: { value: { type: "text", text: t } },
});
const num = (row: number, col: number, n: number, numberFormat?: string): LabelCell => ({
  row,
  col,
  content: { value: { type: "number", value: n }, numberFormat },
});

const TITLE =
  "Statement of segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges";

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
    const scan = scanLabels("Seg", [text(1, 1, TITLE), ...requirement([3, 4])]);
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
    const cells = [text(1, 1, TITLE), ...requirement([4])];
    cells.push(num(3, 3, 12));
    const scan = scanLabels("Seg", cells);
    expect(scan.proposals.find((p) => p.row === 3)).toBeUndefined();
    expect(scan.proposals.map((p) => p.code)).toEqual(["7020", "7030", "7032", "7033", "7040"]);
    expect(scan.unmatched.map((u) => u.address)).toEqual(["C3", "D3"]);
  });
});
