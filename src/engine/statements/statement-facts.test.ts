import { STATEMENT_ALIASES } from "../../functions/bound";
import { INNER_COLUMN, statementTemplate } from "../template";
import { STATEMENTS } from ".";
import { secured307 } from "./secured307";

describe("facts kept in the statement files", () => {
  test("the inner print column: the lines marked `inner`, the same set the template had typed out", () => {
    expect([...INNER_COLUMN].sort()).toEqual(
      [
        "7045",
        "7047",
        "7351",
        "7352",
        "8560",
        "8570",
        "7500",
        "7520",
        "7540",
        "7560",
        "7580",
        "7590",
        "7600",
        "7610",
        "7615",
        "7640",
        "7650",
        "7660",
        "7670",
        "7675",
        "7700",
        "7710",
        "7720",
        "7730",
        "7735",
      ].sort()
    );
    // The template puts them in C/D: unmark one and it moves to E/F.
    const at = (st: typeof secured307, code: string) =>
      statementTemplate(st, { sheet: "S", derived: "formulas" }).names.find((n) => n.code === code)!
        .address;
    expect(at(secured307, "7351")).toMatch(/^\$C\$/);
    const unmarked = {
      ...secured307,
      lines: secured307.lines.map((l) => (l.code === "7351" ? { ...l, inner: false } : l)),
    };
    expect(at(unmarked, "7351")).toMatch(/^\$E\$/);
  });

  test("statement aliases come from each statement's `aliases`, ids first, in print order", () => {
    expect([...STATEMENT_ALIASES.keys()]).toEqual([
      ...STATEMENTS.map((s) => s.id),
      "4d2",
      "4d(2)",
      "32.6",
      "30.7",
      "4df",
      "4d(f)",
      "capital",
    ]);
    expect(STATEMENT_ALIASES.get("4d(f)")).toBe("cleared-swaps-4df");
    expect(STATEMENT_ALIASES.get("capital")).toBe("cftc-capital");
  });
});
