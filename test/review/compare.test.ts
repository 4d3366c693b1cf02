import { checkScope, compareScopes, Dec } from "../../src/engine";
import { scopeOf } from "../engine/helpers";

/** A consistent 4d(2) statement whose excess (7190) is `excess`: funds = required + excess. */
function seg(scope: string, netLedger: number, excess: number, unit = 1) {
  const funds = netLedger + excess;
  return checkScope({
    ...scopeOf({
      "7010": netLedger,
      "7040": netLedger,
      "7060": netLedger,
      "7070": funds,
      "7180": funds,
      "7190": excess,
    }),
    scope,
    unit: new Dec(unit),
  });
}

/** Consecutive business days: the withdrawal rule's own window. */
const DAY = { current: "2020-12-01", prior: "2020-11-30" };

describe("comparing a period with the one before", () => {
  it("gives the change and % change per line, in dollars", () => {
    const c = compareScopes(
      seg("12/01", 1_200_000, 100_000),
      seg("11/30", 1_000_000, 100_000),
      "this workbook"
    );
    const row = c.rows.find((r) => r.code === "7010")!;
    expect(row.prior!.toFixed()).toBe("1000000");
    expect(row.current!.toFixed()).toBe("1200000");
    expect(row.change!.toFixed()).toBe("200000");
    expect(row.percent!.toFixed()).toBe("20");
    expect(row.notable).toBe(true);
    const same = c.rows.find((r) => r.code === "7190")!;
    expect(same.change!.isZero()).toBe(true);
    expect(same.notable).toBe(false);
  });

  it("applies each side's unit, so thousands compare with dollars", () => {
    const c = compareScopes(
      seg("now", 1_000, 100, 1000),
      seg("before", 1_000_000, 100_000),
      "PREV.xlsx"
    );
    expect(c.rows.every((r) => r.change!.isZero())).toBe(true);
    expect(c.priorSource).toBe("PREV.xlsx");
  });

  it("marks only changes beyond both thresholds as notable", () => {
    const c = compareScopes(seg("b", 1_050_000, 100_000), seg("a", 1_000_000, 100_000), "x", {
      amount: new Dec(100_000),
      percent: new Dec(1),
    });
    expect(c.rows.find((r) => r.code === "7010")!.notable).toBe(false); // 50,000 < 100,000
    const c2 = compareScopes(seg("b", 1_050_000, 100_000), seg("a", 1_000_000, 100_000), "x", {
      amount: new Dec(10_000),
      percent: new Dec(10),
    });
    expect(c2.rows.find((r) => r.code === "7010")!.notable).toBe(false); // 5% < 10%
    const c3 = compareScopes(seg("b", 1_050_000, 100_000), seg("a", 1_000_000, 100_000), "x", {
      amount: new Dec(10_000),
      percent: new Dec(5),
    });
    expect(c3.rows.find((r) => r.code === "7010")!.notable).toBe(true);
  });

  it("flags a fall in excess of more than 25% of the prior day's residual interest, citing Reg 1.23 and NFA §16", () => {
    const c = compareScopes(
      seg("12/01", 1_000_000, 74_999),
      seg("11/30", 1_000_000, 100_000),
      "this workbook",
      undefined,
      DAY
    );
    expect(c.findings).toHaveLength(1);
    const f = c.findings[0];
    expect(f.kind).toBe("residual-withdrawal");
    expect(f.code).toBe("7190");
    expect(f.rule).toMatch(/Reg 1\.23/);
    expect(f.rule).toMatch(/NFA Financial Requirements §16/);
    expect(f.message).toContain(
      "fell by 25,001 (25.0%) from 100,000 on 11/30 (11/30/2020, the previous business day)"
    );
  });

  it("does not flag a fall of exactly 25%, a rise, or a prior deficiency", () => {
    expect(
      compareScopes(seg("b", 1_000_000, 75_000), seg("a", 1_000_000, 100_000), "x", undefined, DAY)
        .findings
    ).toEqual([]);
    expect(
      compareScopes(seg("b", 1_000_000, 200_000), seg("a", 1_000_000, 100_000), "x", undefined, DAY)
        .findings
    ).toEqual([]);
    expect(
      compareScopes(seg("b", 1_000_000, -50), seg("a", 1_000_000, -10), "x", undefined, DAY)
        .findings
    ).toEqual([]);
  });

  it("cites Reg 30.7 for secured amounts and Reg 22.17 for cleared swaps", () => {
    const secured = (scope: string, excess: number) =>
      checkScope({
        ...scopeOf({ "7360": 1_000_000, "7770": 1_000_000 + excess, "7380": excess }),
        scope,
      });
    const swaps = (scope: string, excess: number) =>
      checkScope({
        ...scopeOf({
          "8500": 1_000_000,
          "8550": 1_000_000,
          "8720": 1_000_000 + excess,
          "8730": excess,
        }),
        scope,
      });
    const f307 = compareScopes(secured("b", 10), secured("a", 100), "x", undefined, DAY).findings;
    const f22 = compareScopes(swaps("b", 10), swaps("a", 100), "x", undefined, DAY).findings;
    expect(f307.map((f) => f.rule)).toEqual([expect.stringMatching(/Reg 30\.7/)]);
    expect(f22.map((f) => f.rule)).toEqual([expect.stringMatching(/Reg 22\.17/)]);
  });

  it("applies the withdrawal rule only against the previous business day: over a weekend and a holiday, yes", () => {
    const fall = (current: string, prior: string) =>
      compareScopes(seg("b", 1_000_000, 50_000), seg("a", 1_000_000, 100_000), "x", undefined, {
        current,
        prior,
      }).findings.map((f) => f.kind);
    expect(fall("2020-11-30", "2020-11-27")).toEqual(["residual-withdrawal"]); // Friday to Monday
    expect(fall("2021-07-06", "2021-07-02")).toEqual(["residual-withdrawal"]); // across Independence Day (observed Monday 7/5)
    expect(fall("2020-12-02", "2020-11-30")).toEqual([]); // a business day (12/01) in between
  });

  it("across a year shows the fall as notable but cites no rule (the reported bug: Reg 1.23(c) on two year ends)", () => {
    // 838 to 578 (millions): the example, 31.0% a year apart.
    const c = compareScopes(
      seg("2015", 10_000, 578, 1_000_000),
      seg("2014", 10_000, 838, 1_000_000),
      "this workbook",
      { amount: new Dec(0), percent: new Dec(50) },
      { current: "2015-12-31", prior: "2014-12-31" }
    );
    expect(c.findings).toEqual([]);
    const row = c.rows.find((r) => r.code === "7190")!;
    expect(row.change!.toFixed()).toBe("-260000000");
    expect(row.percent!.toFixed()).toBe("-31.03");
    expect(row.notable).toBe(true); // below the 50% threshold, notable for the fall itself
  });

  it("cites no rule when either date is unknown, and marks an unbound excess line's fall in a row of its own", () => {
    const bare = (scope: string, excess: number) =>
      checkScope({
        ...scopeOf({
          "7010": 1_000_000,
          "7040": 1_000_000,
          "7060": 1_000_000,
          "7070": 1_000_000 + excess,
          "7180": 1_000_000 + excess,
        }),
        scope,
      });
    const c = compareScopes(bare("b", 10_000), bare("a", 100_000), "x");
    expect(c.findings).toEqual([]);
    const row = c.rows.find((r) => r.code === "7190")!;
    expect([row.prior!.toFixed(), row.current!.toFixed(), row.notable]).toEqual([
      "100000",
      "10000",
      true,
    ]);
  });
});
