import { checkScope, Dec } from "../../src/engine";
import { scopeOf } from "./helpers";

const kinds = (r: ReturnType<typeof checkScope>) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}:${f.code}`);

describe("regulatory flags", () => {
  test("a reported excess below zero is a deficiency naming the rule; status deficient", () => {
    const r = checkScope(scopeOf({ "7060": 200, "7180": 150, "7190": -50, "7194": 10, "7198": -60 }));
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
    expect(r.summaries.find((x) => x.statement === "cleared-swaps-4df")!.excess!.toFixed()).toBe("-100");
  });

  test("residual interest under the target is below-target (warning) naming the notice rule", () => {
    const r = checkScope(scopeOf({ "7360": 100, "7770": 130, "7380": 30, "7780": 50, "7785": -20 }));
    expect(kinds(r)).toEqual(["below-target:7785"]);
    const f = r.findings.find((x) => x.kind === "below-target")!;
    expect(f.severity).toBe("warning");
    expect(f.rule).toMatch(/Reg 1\.12/);
    expect(r.summaries.find((x) => x.statement === "secured-30.7")!.status).toBe("below-target");
  });

  test("dealer options: 7240 is funds minus requirement", () => {
    const r = checkScope(scopeOf({ "7200": 500, "7210": 300, "7220": 100, "7230": 400, "7240": -100 }));
    expect(kinds(r)).toEqual(["deficiency:7240"]);
  });

  test("net capital under the minimum is below-minimum; under the early-warning level, early-warning", () => {
    const base = { "7415": 10_000_000, "7425": 800_000, "7435": 5_000_000, "7445": 400_000, "7455": 1_200_000, "7465": 1_000_000, "7475": 0, "7490": 1_200_000, "7495": 1_500_000 };
    const below = checkScope(scopeOf({ ...base, "3750": 1_100_000 }));
    expect(kinds(below)).toEqual(["below-minimum:3750"]);
    expect(below.summaries.find((s) => s.statement === "cftc-capital")).toMatchObject({ status: "deficient" });
    const early = checkScope(scopeOf({ ...base, "3750": 1_400_000 }));
    expect(kinds(early)).toEqual(["early-warning:3750"]);
    expect(early.findings.find((f) => f.kind === "early-warning")!.expected!.toFixed()).toBe("1500000");
    const fine = checkScope(scopeOf({ ...base, "3750": 1_600_000 }));
    expect(kinds(fine)).toEqual([]);
    expect(fine.summaries.find((s) => s.statement === "cftc-capital")!.excess!.toFixed()).toBe("400000");
  });

  test("the $1,000,000 minimum applies when every requirement is smaller, and scales with the unit", () => {
    // A reported 7490 that ignores the floor breaks its identity; the flag uses the reported value.
    const reported = checkScope(scopeOf({ "7455": 300_000, "7490": 300_000, "3750": 900_000 }));
    expect(kinds(reported)).toEqual(["identity:7490"]);
    expect(reported.findings.find((f) => f.kind === "identity")!.expected!.toFixed()).toBe("1000000");
    // Unbound, 7490 is computed: the floor applies and net capital falls under it.
    const computed = checkScope(scopeOf({ "7455": 300_000, "3750": 900_000 }));
    expect(kinds(computed)).toEqual(["below-minimum:3750"]);
    expect(computed.findings.find((f) => f.kind === "below-minimum")!.expected!.toFixed()).toBe("1000000");
    const thousands = checkScope(scopeOf({ "7455": 300, "7490": 1000, "3750": 1200 }, { unit: new Dec(1000) }));
    expect(kinds(thousands)).toEqual([]);
  });

  test("percentage lines round half up to the dollar and allow $1; in thousands, a dollar is 0.001", () => {
    // 8% of 1,234,567 = 98,765.36 -> 98,765
    expect(kinds(checkScope(scopeOf({ "7415": 1_234_567, "7425": 98_765 })))).toEqual([]);
    expect(kinds(checkScope(scopeOf({ "7415": 1_234_567, "7425": 98_766 })))).toEqual([]);
    expect(kinds(checkScope(scopeOf({ "7415": 1_234_567, "7425": 98_767 })))).toEqual(["identity:7425"]);
    // 110% of 471,057,307 = 518,163,037.7 -> 518,163,038
    expect(kinds(checkScope(scopeOf({ "7455": 471_057_307, "7495": 518_163_038 })))).toEqual([]);
    // In thousands: 8% of 1,234.567 thousand = 98.76536 -> 98.765 (to the dollar)
    const k = checkScope(scopeOf({ "7415": 1234.567, "7425": 98.765 }, { unit: new Dec(1000) }));
    expect(k.lines.find((l) => l.code === "7425")!.computed!.toFixed()).toBe("98.765");
    expect(kinds(k)).toEqual([]);
  });
});

describe("soft cross-checks", () => {
  const soft = (v: Record<string, number>, extra = {}) =>
    checkScope(scopeOf(v, extra)).findings.filter((f) => f.kind === "cross-check").map((f) => `${f.code}:${f.severity}`);

  test("options seen from both sides: an inference, so a note, and a warning only far beyond rounding", () => {
    expect(soft({ "7032": 100, "7132": 100, "7033": -40, "7133": 40 })).toEqual([]);
    const r = checkScope(scopeOf({ "7032": 100, "7132": 90 }));
    const cc = r.findings.filter((f) => f.kind === "cross-check");
    expect(cc.map((f) => [f.code, f.severity])).toEqual([["7032", "info"]]);
    expect(cc[0].difference!.toFixed()).toBe("10");
    expect(cc[0].message).toContain("An inference of ours, not a rule");
    // 100 against 30: the sides disagree on most of the amount.
    expect(soft({ "7032": 100, "7132": 30 })).toEqual(["7032:warning"]);
    expect(soft({ "7032": 100, "7132": 51 })).toEqual(["7032:info"]); // 49 past the $1 allowance: not more than half of 100
    expect(soft({ "7032": 100, "7132": -100 })).toEqual(["7032:warning"]); // a sign reversed
  });

  test("offsets never exceed the gross: a rule (Reg 1.32(b), 30.7(a)), so a warning", () => {
    const r = checkScope(scopeOf({ "7045": 100, "7047": -120, "7050": -20 }));
    const f = r.findings.find((x) => x.kind === "cross-check")!;
    expect([f.code, f.severity]).toEqual(["7047", "warning"]);
    expect(f.message).toContain("Rests on Reg 1.32(b)");
    expect(soft({ "7351": 100, "7352": 100, "7354": 0 })).toEqual([]);
    expect(soft({ "7351": 100, "7352": 103 })).toEqual(["7352:warning"]);
  });

  test("7020 may include securities among funds on hand (7150)", () => {
    expect(soft({ "7020": 150, "7090": 100, "7150": 80 })).toEqual([]);
    expect(soft({ "7020": 100, "7090": 100, "7150": 80 })).toEqual([]);
    expect(soft({ "7020": 190, "7090": 100, "7150": 80 })).toEqual(["7020:info"]);
    expect(soft({ "7020": 90, "7090": 100, "7150": 80 })).toEqual(["7020:info"]);
  });

  test("a side that was not keyed says nothing", () => {
    expect(kinds(checkScope(scopeOf({ "7032": 100 })))).toEqual([]);
  });
});

describe("soft checks allow for the rounding of each printed figure", () => {
  const soft = (v: Record<string, number>, extra = {}) =>
    checkScope(scopeOf(v, extra)).findings.filter((f) => f.kind === "cross-check").map((f) => `${f.code}:${f.severity}`);
  const M = 1_000_000;

  test("a statement in millions (FOCUS_UNIT): one printed unit over two figures is rounding, two are not", () => {
    const millions = { unit: new Dec(M) };
    expect(soft({ "7045": 100, "7047": 101, "7010": 2_345 }, millions)).toEqual([]); // exactly one unit: half a unit per figure
    expect(soft({ "7045": 100, "7047": 102, "7010": 2_345 }, millions)).toEqual(["7047:warning"]);
    // Four figures (7020 against 7090 + 7120 + 7170, with 7150 absent): two units.
    expect(soft({ "7020": 102, "7090": 50, "7120": 30, "7170": 20 }, millions)).toEqual([]);
    expect(soft({ "7020": 103, "7090": 50, "7120": 30, "7170": 20 }, millions)).toEqual(["7020:info"]);
  });

  test("a statement keyed in dollars whose figures are all whole millions was rounded to millions", () => {
    expect(soft({ "7045": 100 * M, "7047": 101 * M, "7010": 2_345 * M })).toEqual([]);
    expect(soft({ "7045": 100 * M, "7047": 102 * M, "7010": 2_345 * M })).toEqual(["7047:warning"]);
    // One figure not in whole millions: the statement is in dollars, and half a dollar per figure is all rounding explains.
    expect(soft({ "7045": 100 * M, "7047": 101 * M, "7010": 2_345 * M + 7 })).toEqual(["7047:warning"]);
    expect(soft({ "7045": 100, "7047": 101, "7010": 2_345 })).toEqual([]); // one dollar over two figures
    expect(soft({ "7045": 100, "7047": 102, "7010": 2_345 })).toEqual(["7047:warning"]);
  });

  test("identities keep their exact tolerance, even in millions", () => {
    const r = checkScope(scopeOf({ "7045": 100 * M, "7047": 40 * M, "7050": 61 * M }));
    expect(r.findings.filter((f) => f.kind === "identity").map((f) => f.code)).toEqual(["7050"]);
  });
});

describe("identities, locally", () => {
  test("a condensed presentation is not checked (info), a derived line not bound is no error", () => {
    const r = checkScope(scopeOf({ "7060": 100, "7180": 150, "7190": 50 }));
    expect(r.findings.filter((f) => f.kind !== "plugged-total").map((f) => `${f.kind}:${f.code}`)).toEqual(["not-checked:7060", "not-checked:7180"]);
  });

  test("a total whose subtotal is not bound uses the subtotal's own lines", () => {
    // 7060 = 7040 + 7050, with 7040 unbound: 7010 + 7020 - |7033| = 115
    expect(kinds(checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7060": 115 })))).toEqual([]);
    expect(kinds(checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7060": 125 })))).toEqual(["identity:7060"]);
  });

  test("a deduct line keyed as added gives a suspect", () => {
    // total keyed as 100 + 20 + 5 (the preparer added 7033)
    const r = checkScope(scopeOf({ "7010": 100, "7020": 20, "7033": 5, "7040": 125 }));
    expect(r.findings.find((f) => f.kind === "identity")).toMatchObject({ code: "7040", suspect: "7033" });
  });

  test("an unreadable part suspends the identities over it; the part itself is reported", () => {
    const r = checkScope(scopeOf({ "7010": 100, "7020": "n/a", "7040": 120 }));
    expect(kinds(r)).toEqual(["bad-input:7020"]);
  });

  test("a blank total whose parts are keyed is missing; a statement with no value at all is silent", () => {
    const r = checkScope(scopeOf({ "7210": 10, "7220": 5, "7230": null }));
    expect(r.findings.map((f) => `${f.kind}:${f.code}`)).toEqual(["missing:7230"]);
    const silent = checkScope(scopeOf({ "7200": null, "7210": null, "7220": null, "7230": null, "7240": null }));
    expect(silent.findings).toEqual([]);
  });
});
