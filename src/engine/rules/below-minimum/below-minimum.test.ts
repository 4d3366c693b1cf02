import { checkScope } from "../../check";
import { Dec } from "../../decimal";
import { CAPITAL_BASE, flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

const base = CAPITAL_BASE;

describe("below-minimum", () => {
  test("net capital under the minimum is below-minimum", () => {
    const below = checkScope(scopeOf({ ...base, "3750": 1_100_000 }));
    expect(kinds(below)).toEqual(["below-minimum:3750"]);
    expect(below.summaries.find((s) => s.statement === "cftc-capital")).toMatchObject({
      status: "deficient",
    });
    const fine = checkScope(scopeOf({ ...base, "3750": 1_600_000 }));
    expect(kinds(fine)).toEqual([]);
    expect(fine.summaries.find((s) => s.statement === "cftc-capital")!.excess!.toFixed()).toBe(
      "400000"
    );
  });

  test("the $1,000,000 minimum applies when every requirement is smaller, and scales with the unit", () => {
    // A reported 7490 that ignores the floor breaks its identity; the flag uses the reported value.
    const reported = checkScope(scopeOf({ "7455": 300_000, "7490": 300_000, "3750": 900_000 }));
    expect(kinds(reported)).toEqual(["identity:7490"]);
    expect(reported.findings.find((f) => f.kind === "identity")!.expected!.toFixed()).toBe(
      "1000000"
    );
    // Unbound, 7490 is computed: the floor applies and net capital falls under it.
    const computed = checkScope(scopeOf({ "7455": 300_000, "3750": 900_000 }));
    expect(kinds(computed)).toEqual(["below-minimum:3750"]);
    expect(computed.findings.find((f) => f.kind === "below-minimum")!.expected!.toFixed()).toBe(
      "1000000"
    );
    const thousands = checkScope(
      scopeOf({ "7455": 300, "7490": 1000, "3750": 1200 }, { unit: new Dec(1000) })
    );
    expect(kinds(thousands)).toEqual([]);
  });
});
