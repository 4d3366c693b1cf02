import { checkScope } from "../../check";
import { Dec } from "../../decimal";
import { flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

describe("identity", () => {
  test("percentage lines round half up to the dollar and allow $1; in thousands, a dollar is 0.001", () => {
    // 8% of 1,234,567 = 98,765.36 -> 98,765
    expect(kinds(checkScope(scopeOf({ "7415": 1_234_567, "7425": 98_765 })))).toEqual([]);
    expect(kinds(checkScope(scopeOf({ "7415": 1_234_567, "7425": 98_766 })))).toEqual([]);
    expect(kinds(checkScope(scopeOf({ "7415": 1_234_567, "7425": 98_767 })))).toEqual([
      "identity:7425",
    ]);
    // 110% of 471,057,307 = 518,163,037.7 -> 518,163,038
    expect(kinds(checkScope(scopeOf({ "7455": 471_057_307, "7495": 518_163_038 })))).toEqual([]);
    // In thousands: 8% of 1,234.567 thousand = 98.76536 -> 98.765 (to the dollar)
    const k = checkScope(scopeOf({ "7415": 1234.567, "7425": 98.765 }, { unit: new Dec(1000) }));
    expect(k.lines.find((l) => l.code === "7425")!.computed!.toFixed()).toBe("98.765");
    expect(kinds(k)).toEqual([]);
  });

  test("a total whose subtotal is not bound uses the subtotal's own lines", () => {
    // 7060 = 7040 + 7050, with 7040 unbound: 7010 + 7020 - |7033| = 115
    expect(kinds(checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7060": 115 })))).toEqual(
      []
    );
    expect(kinds(checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7060": 125 })))).toEqual(
      ["identity:7060"]
    );
  });

  test("a deduct line keyed as added gives a suspect", () => {
    // total keyed as 100 + 20 + 5 (the preparer added 7033)
    const r = checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7040": 125 }));
    expect(r.findings.find((f) => f.kind === "identity")).toMatchObject({
      code: "7040",
      suspect: "7033",
    });
  });
});
