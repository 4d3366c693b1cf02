import { check, boundSheet } from "./fixtures";

describe("reading bound cells from a real .xlsx", () => {
  test("bad cells are bad input naming the cell; numeric text is read with stored-as-text; blanks are missing", async () => {
    const s = boundSheet(
      "Daily O'Brien",
      {
        "7010": "(1,482,000)", // numeric text
        "7020": { error: "#N/A" },
        "7032": "n/a",
        "7033": true,
        "7045": { value: 44165, numberFormat: "m/d/yyyy" },
        "7047": { formula: "C2+C3" }, // no cached result
        "7070": { formula: "100+50", value: 150 },
        "7100": null,
        "7180": 150,
      },
      "sheet"
    );
    const r = await check({ sheets: [{ name: "Daily O'Brien", cells: s.cells }], names: s.names });
    const f = r.scopes[0].findings;
    const by = (code: string) => f.filter((x) => x.code === code).map((x) => x.kind);
    expect(by("7010")).toEqual(["stored-as-text"]);
    expect(by("7020")).toEqual(["bad-input"]);
    expect(by("7032")).toEqual(["bad-input"]);
    expect(by("7033")).toEqual(["bad-input"]);
    expect(by("7045")).toEqual(["bad-input"]);
    expect(by("7047")).toEqual(["bad-input"]);
    expect(by("7070")).toEqual([]);
    expect(by("7100")).toEqual(["missing"]);
    expect(f.find((x) => x.code === "7020")!.cell).toBe("'Daily O''Brien'!C3");
    expect(f.find((x) => x.code === "7020")!.message).toMatch(/#N\/A/);
    expect(f.find((x) => x.code === "7047")!.message).toMatch(/no cached result/);
    expect(f.find((x) => x.code === "7010")!.reported!.toFixed()).toBe("-1482000");
  });
});
