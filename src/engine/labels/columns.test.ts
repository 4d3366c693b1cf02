import { scanLabels, type LabelCell } from ".";
import { num, SEG_TITLE, text } from "../../../test/labels/cells";
import { columnRoles, periodKey } from "./columns";

/** A title, a heading row (or none), then three lines with a figure in each of `cols`. */
function statement(heading: LabelCell[], cols: number[]): LabelCell[] {
  const cells = [text(1, 1, SEG_TITLE), ...heading, text(3, 1, "1. Net ledger balance")];
  const lines = ["A. Cash", "B. Securities (at market)", "4. Net equity (deficit)"];
  lines.forEach((l, i) => {
    cells.push(text(4 + i, 1, l));
    cols.forEach((c, k) => cells.push(num(4 + i, c, 100 * (i + 1) + k)));
  });
  return cells;
}

const bound = (cells: LabelCell[]) =>
  scanLabels("Seg", cells)
    .proposals.filter((p) => p.confident)
    .map((p) => [p.code, p.address]);

describe("period headings", () => {
  test("dates, years and words order the periods; other text is no period", () => {
    expect(
      periodKey({ value: { type: "number", value: 44165 }, numberFormat: "m/d/yyyy" })
    ).toEqual({ kind: "date", value: 44165 - 25569 });
    const later = (a: string, b: string) =>
      periodKey({ value: { type: "text", text: a } })!.value >
      periodKey({ value: { type: "text", text: b } })!.value;
    expect(later("11/30/2020", "10/31/2020")).toBe(true);
    expect(later("As of November 30, 2020", "Dec. 31, 2019")).toBe(true);
    expect(later("2020-11-30", "2020-10-31")).toBe(true);
    expect(later("Nov-20", "Oct-20")).toBe(true);
    expect(later("FY2020", "FY2019")).toBe(true);
    expect(later("Current period", "Prior period")).toBe(true);
    expect(later("This month", "Last month")).toBe(true);
    expect(periodKey({ value: { type: "text", text: "Cash" } })).toBeNull();
    expect(periodKey({ value: { type: "number", value: 1234 } })).toBeNull();
  });

  test("the latest period's column is read, whichever side it stands", () => {
    const dates = [num(2, 3, 44135, "m/d/yyyy"), num(2, 4, 44165, "m/d/yyyy")];
    expect(bound(statement(dates, [3, 4]))).toEqual([
      ["7010", "D4"],
      ["7020", "D5"],
      ["7040", "D6"],
    ]);
    expect(scanLabels("Seg", statement(dates, [3, 4])).period).toEqual({
      text: "2020-11-30",
      cell: "'Seg'!D2",
    });
    const words = [text(2, 3, "Current"), text(2, 4, "Prior")];
    expect(bound(statement(words, [3, 4]))).toEqual([
      ["7010", "C4"],
      ["7020", "C5"],
      ["7040", "C6"],
    ]);
  });

  test("the other period's figures are neither bound nor listed; headings that do not order them change nothing", () => {
    const scan = scanLabels("Seg", statement([text(2, 3, "2019"), text(2, 4, "2020")], [3, 4]));
    expect(scan.unmatched).toEqual([]);
    expect(scan.period).toEqual({ text: "2020", cell: "'Seg'!D2" });
    // Two columns headed alike: which is current is not said, so no figure is bound.
    const alike = statement([text(2, 3, "11/30/2020"), text(2, 4, "11/30/2020")], [3, 4]);
    expect(bound(alike)).toEqual([]);
    expect(scanLabels("Seg", alike).unmatched).toHaveLength(6);
    expect(scanLabels("Seg", alike).period).toBeNull();
  });

  test("a period's inner column is the one just left of its heading", () => {
    const roles = columnRoles([
      text(2, 3, "Current"),
      text(2, 5, "Prior"),
      text(4, 1, "Cash"),
      num(4, 2, 1),
      num(4, 3, 2),
      num(4, 4, 3),
      num(4, 5, 4),
    ]);
    expect([...roles.headingCells]).toEqual(["2:3", "2:5"]);
    expect([...roles.skip].sort()).toEqual(["4:4", "4:5"]);
  });
});

describe("headings beside the title, and a change column", () => {
  test("period headings on the title row: the title still opens the statement", () => {
    const cells = statement([], [3, 4]);
    cells.push(text(1, 3, "As of 10/31/2020"), text(1, 4, "As of 11/30/2020"));
    expect(bound(cells)).toEqual([
      ["7010", "D4"],
      ["7020", "D5"],
      ["7040", "D6"],
    ]);
  });

  test("a 'Change' column right of the periods is neither bound nor listed", () => {
    const heading = [text(2, 3, "Current"), text(2, 4, "Prior"), text(2, 5, "Increase (decrease)")];
    const scan = scanLabels("Seg", statement(heading, [3, 4, 5]));
    expect(scan.proposals.map((p) => [p.code, p.address])).toEqual([
      ["7010", "C4"],
      ["7020", "C5"],
      ["7040", "C6"],
    ]);
    expect(scan.unmatched).toEqual([]);
  });

  test("bare years beside a line's words are its figures, not headings", () => {
    const roles = columnRoles([text(2, 1, "A. Cash"), num(2, 3, 2019), num(2, 4, 2020)]);
    expect(roles.headingCells.size).toBe(0);
  });
});

describe("reference columns", () => {
  test("figures under a 'Note' heading are references, not amounts", () => {
    const cells = statement([text(2, 2, "Note")], [3]);
    cells.push(num(4, 2, 3), num(6, 2, 12));
    expect(bound(cells)).toEqual([
      ["7010", "C4"],
      ["7020", "C5"],
      ["7040", "C6"],
    ]);
  });

  test("a label standing under a reference heading is still a label", () => {
    const roles = columnRoles([text(1, 1, "Ref"), text(2, 1, "Cash"), num(2, 3, 5), num(3, 1, 4)]);
    expect([...roles.skip]).toEqual(["3:1"]);
  });
});
