import { scanLabels, CONFIDENT } from "../../src/engine/labels/scan";
import { layOut, loadReference, referenceSlugs } from "./reference";

const text = (row: number, col: number, t: string) => ({ row, col, content: { value: { type: "text" as const, text: t } } });
const num = (row: number, col: number, n: number) => ({ row, col, content: { value: { type: "number" as const, value: n } } });

describe("scanLabels: the reference statements line by line", () => {
  for (const slug of referenceSlugs()) {
    test(`${slug}: every coded amount bound to its code, no heading bound`, () => {
      const ref = loadReference(slug);
      const { cells, truth, headings } = layOut(ref.sections);
      const scan = scanLabels("Stmt", cells);
      const bound = new Map(scan.proposals.filter((p) => p.confident).map((p) => [`${p.row}:${p.col}`, p.code]));
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
      text(1, 1, "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges"),
      text(2, 1, "Net ledger balance"), text(3, 2, "Cash"), num(3, 4, 10),
      text(4, 1, "Deposited in segregated funds bank accounts"), text(5, 2, "Cash"), num(5, 4, 20),
      text(6, 1, "Margins on deposit with derivatives clearing organizations of contract markets"), text(7, 2, "Cash"), num(7, 4, 30),
    ];
    const scan = scanLabels("Seg", cells);
    expect(scan.proposals.map((p) => [p.address, p.code, p.confident])).toEqual([["D3", "7010", true], ["D5", "7070", true], ["D7", "7100", true]]);
    expect(scan.proposals[0].cell).toBe("'Seg'!D3");
    expect(scan.proposals[0].confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  test("a printed unit proposes FOCUS_UNIT", () => {
    const scan = scanLabels("S", [text(1, 1, "(in millions)"), text(2, 1, "Net ledger balance - cash"), num(2, 3, 5)]);
    expect(scan.unit).toEqual({ unit: "1000000", text: "(in millions)", cell: "'S'!A1" });
  });

  test("a row no line fits is listed as unmatched with its words", () => {
    const scan = scanLabels("S", [
      text(1, 1, "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges"),
      text(2, 1, "Total amount in segregation"), num(2, 3, 5),
      text(3, 1, "Accrued interest receivable from affiliates"), num(3, 3, 7),
    ]);
    expect(scan.proposals.map((p) => p.code)).toEqual(["7180"]);
    expect(scan.unmatched).toEqual([{ cell: "'S'!C3", address: "C3", row: 3, col: 3, text: "Accrued interest receivable from affiliates" }]);
  });
});
