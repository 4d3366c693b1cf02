import { checkScope } from "../../check";
import { flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

describe("deficiency", () => {
  test("a reported excess below zero is a deficiency naming the rule; status deficient", () => {
    const r = checkScope(
      scopeOf({ "7060": 200, "7180": 150, "7190": -50, "7194": 10, "7198": -60 })
    );
    expect(kinds(r)).toEqual(["deficiency:7190", "below-target:7198"]);
    const f = r.findings.find((x) => x.kind === "deficiency")!;
    expect(f.rule).toMatch(/Reg 1\.20/);
    expect(f.severity).toBe("error");
    expect(f.reported!.toFixed()).toBe("-50");
    const s = r.summaries.find((x) => x.statement === "seg-4d2")!;
    expect(s.status).toBe("deficient");
  });

  test("an unbound excess is computed from its bound parts", () => {
    const r = checkScope(scopeOf({ "8590": 1000, "8720": 900 }));
    expect(kinds(r)).toEqual(["deficiency:8730"]);
    expect(r.findings.find((f) => f.kind === "deficiency")!.cell).toBeNull();
    expect(r.summaries.find((x) => x.statement === "cleared-swaps-4df")!.excess!.toFixed()).toBe(
      "-100"
    );
  });

  test("dealer options: 7240 is funds minus requirement", () => {
    const r = checkScope(
      scopeOf({ "7200": 500, "7210": 300, "7220": 100, "7230": 400, "7240": -100 })
    );
    expect(kinds(r)).toEqual(["deficiency:7240"]);
  });
});
