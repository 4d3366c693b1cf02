import { scopeOf } from "../../test/engine/helpers";
import { checkScope } from "./check";
import { finding } from "./findings";
import { locationOfLabel, placeOf } from "./location";

describe("a finding's location as structure", () => {
  test("the engine's findings carry the bound cell's sheet and address beside the label", () => {
    const r = checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7040": 125 }));
    const f = r.findings.find((x) => x.kind === "identity")!;
    expect(f.cell).toBe("'S'!C4");
    expect(f.location).toEqual({ sheet: "S", address: "C4" });
    expect(r.findings.every((x) => (x.cell === null) === (x.location === null))).toBe(true);
  });

  test("a finding raised with only the label gets its structure from it once", () => {
    expect(finding("duplicate", { cell: "'Daily O''Brien'!$B$7", message: "m" }).location).toEqual({
      sheet: "Daily O'Brien",
      address: "B7",
    });
    expect(finding("duplicate", { cell: null, message: "m" }).location).toBeNull();
    expect(
      finding("duplicate", {
        cell: "'S'!C3",
        location: { sheet: "T", address: "D4" },
        message: "m",
      }).location
    ).toEqual({ sheet: "T", address: "D4" });
  });

  test("labels: quoted with doubled quotes, unquoted, absolute, a range's top-left; anything else is none", () => {
    expect(locationOfLabel("'Day 1'!E29")).toEqual({ sheet: "Day 1", address: "E29" });
    expect(locationOfLabel("Sheet1!$a$1")).toEqual({ sheet: "Sheet1", address: "A1" });
    expect(locationOfLabel("'S'!C3:C5")).toEqual({ sheet: "S", address: "C3" });
    expect(locationOfLabel("'A!B'!C3")).toEqual({ sheet: "A!B", address: "C3" });
    expect(locationOfLabel("FOCUS_7010")).toBeNull();
    expect(locationOfLabel("'S'!")).toBeNull();
  });

  test("a bound line's place: its label and structure, or nowhere for a constant name", () => {
    expect(placeOf({ cell: "'S'!C3", sheet: "S", address: "$C$3" })).toEqual({
      cell: "'S'!C3",
      location: { sheet: "S", address: "C3" },
    });
    expect(placeOf({ cell: null })).toEqual({ cell: null, location: null });
    expect(placeOf(undefined)).toEqual({ cell: null, location: null });
  });
});
