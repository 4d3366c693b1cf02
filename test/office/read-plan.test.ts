import { cellCount, type Area, type CellPos } from "../../src/grid";
import { officeCellContent } from "../../src/workbook/office/cell-content";
import { coverCells } from "../../src/workbook/office/rectangles";

const covers = (rects: Area[], c: CellPos) =>
  rects.some((r) => c.row >= r.r1 && c.row <= r.r2 && c.col >= r.c1 && c.col <= r.c2);
const total = (plan: Map<string, { r1: number; c1: number; r2: number; c2: number }[]>) =>
  [...plan.values()].flat().reduce((n, r) => n + cellCount(r), 0);

describe("choosing the rectangles to read", () => {
  const form = [...Array(60).keys()].map((i) => ({ row: 6 + i, col: i % 3 === 0 ? 3 : 5 }));

  it("reads each sheet as one rectangle while they fit the budget", () => {
    const plan = coverCells(
      new Map([
        ["Day 1", form],
        [
          "Day 2",
          [
            { row: 6, col: 3 },
            { row: 500, col: 10 },
          ],
        ],
      ]),
      200_000
    );
    expect(plan).toEqual(
      new Map([
        ["Day 1", [{ r1: 6, c1: 3, r2: 65, c2: 5 }]],
        ["Day 2", [{ r1: 6, c1: 3, r2: 500, c2: 10 }]],
      ])
    );
  });

  it("splits the most wasteful rectangle first, along its widest empty band", () => {
    const plan = coverCells(
      new Map([
        ["Day 1", form],
        [
          "Day 2",
          [
            { row: 6, col: 3 },
            { row: 7, col: 3 },
            { row: 5000, col: 27 },
          ],
        ],
      ]),
      1000
    );
    expect(plan.get("Day 1")).toEqual([{ r1: 6, c1: 3, r2: 65, c2: 5 }]);
    expect(plan.get("Day 2")).toEqual([
      { r1: 6, c1: 3, r2: 7, c2: 3 },
      { r1: 5000, c1: 27, r2: 5000, c2: 27 },
    ]);
  });

  it("fits the budget when it can, else reads no cell for nothing, and always covers every cell", () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 40; round++) {
      const sheets = new Map<string, CellPos[]>();
      for (let s = 0; s < 1 + (round % 4); s++) {
        sheets.set(
          `S${s}`,
          [...Array(1 + next(300)).keys()].map(() => ({
            row: 1 + next(round % 2 ? 200 : 20000),
            col: 1 + next(round % 3 ? 8 : 300),
          }))
        );
      }
      const budget = 50 + next(3000);
      const plan = coverCells(sheets, budget);
      const unique = [...sheets.values()].reduce(
        (n, cells) => n + new Set(cells.map((c) => `${c.row}:${c.col}`)).size,
        0
      );
      expect(total(plan)).toBeLessThanOrEqual(Math.max(budget, unique));
      for (const [sheet, cells] of sheets)
        expect(cells.every((c) => covers(plan.get(sheet)!, c))).toBe(true);
    }
  });

  it("keeps each rectangle under 20,000 cells", () => {
    const dense = [...Array(30000).keys()].map((i) => ({
      row: 1 + (i % 3000),
      col: 1 + Math.floor(i / 3000),
    }));
    const rects = coverCells(new Map([["Big", dense]]), 1e9).get("Big")!;
    expect(rects.length).toBeGreaterThan(1);
    expect(rects.every((r) => cellCount(r) <= 20000)).toBe(true);
    expect(rects.reduce((n, r) => n + cellCount(r), 0)).toBe(30000);
  });
});

describe("Office values as the engine reads them", () => {
  it.each([
    [
      [1500, "=A1*3", "Double", "#,##0"],
      { value: { type: "number", value: 1500 }, formula: "A1*3", numberFormat: "#,##0" },
    ],
    [[7, 7, "Integer", "General"], { value: { type: "number", value: 7 } }],
    [["", "", "Empty", "m/d/yyyy"], { value: { type: "blank" }, numberFormat: "m/d/yyyy" }],
    [
      ["=not a formula", "=not a formula", "String", "@"],
      { value: { type: "text", text: "=not a formula" }, numberFormat: "@" },
    ],
    [
      ["#REF!", "=#REF!+1", "Error", "General"],
      { value: { type: "error", error: "#REF!" }, formula: "#REF!+1" },
    ],
    [[true, true, "Boolean", "General"], { value: { type: "boolean", value: true } }],
    [
      ["Microsoft", "Microsoft", "RichValue", "General"],
      { value: { type: "error", error: "a RichValue value" } },
    ],
  ])("%j", ([value, formula, type, format], expected) => {
    expect(officeCellContent(value, formula, type, format)).toEqual(expected);
  });
});
