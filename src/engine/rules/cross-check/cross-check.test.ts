import { checkScope } from "../../check";
import { Dec } from "../../decimal";
import { flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

describe("soft cross-checks", () => {
  const soft = (v: Record<string, number>, extra = {}) =>
    checkScope(scopeOf(v, extra))
      .findings.filter((f) => f.kind === "cross-check")
      .map((f) => `${f.code}:${f.severity}`);

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

  test("the message gives how far outside the relation the figures lie, beside the rounding allowed", () => {
    // 190 against 100, or up to 180 with the funds on hand (7150): 10 beyond the relation.
    const f = checkScope(scopeOf({ "7020": 190, "7090": 100, "7150": 80 })).findings.find(
      (x) => x.kind === "cross-check"
    )!;
    expect(f.message).toContain(
      ": 190 against 100 (up to 180), a gap of 10 where rounding allows "
    );
    expect(f.difference!.toFixed()).toBe("90");
  });

  test("a side that was not keyed says nothing", () => {
    expect(kinds(checkScope(scopeOf({ "7032": 100 })))).toEqual([]);
  });
});

describe("soft checks allow for the rounding of each printed figure", () => {
  const soft = (v: Record<string, number>, extra = {}) =>
    checkScope(scopeOf(v, extra))
      .findings.filter((f) => f.kind === "cross-check")
      .map((f) => `${f.code}:${f.severity}`);
  const M = 1_000_000;

  test("a statement in millions (FOCUS_UNIT): one printed unit over two figures is rounding, two are not", () => {
    const millions = { unit: new Dec(M) };
    expect(soft({ "7045": 100, "7047": 101, "7010": 2_345 }, millions)).toEqual([]); // exactly one unit: half a unit per figure
    expect(soft({ "7045": 100, "7047": 102, "7010": 2_345 }, millions)).toEqual(["7047:warning"]);
    // Four figures (7020 against 7090 + 7120 + 7170, with 7150 absent): two units.
    expect(soft({ "7020": 102, "7090": 50, "7120": 30, "7170": 20 }, millions)).toEqual([]);
    expect(soft({ "7020": 103, "7090": 50, "7120": 30, "7170": 20 }, millions)).toEqual([
      "7020:info",
    ]);
  });

  test("a statement keyed in dollars whose figures are all whole millions was rounded to millions", () => {
    expect(soft({ "7045": 100 * M, "7047": 101 * M, "7010": 2_345 * M })).toEqual([]);
    expect(soft({ "7045": 100 * M, "7047": 102 * M, "7010": 2_345 * M })).toEqual(["7047:warning"]);
    // One figure not in whole millions: the statement is in dollars, and half a dollar per figure is all rounding explains.
    expect(soft({ "7045": 100 * M, "7047": 101 * M, "7010": 2_345 * M + 7 })).toEqual([
      "7047:warning",
    ]);
    expect(soft({ "7045": 100, "7047": 101, "7010": 2_345 })).toEqual([]); // one dollar over two figures
    expect(soft({ "7045": 100, "7047": 102, "7010": 2_345 })).toEqual(["7047:warning"]);
  });

  test("identities keep their exact tolerance, even in millions", () => {
    const r = checkScope(scopeOf({ "7045": 100 * M, "7047": 40 * M, "7050": 61 * M }));
    expect(r.findings.filter((f) => f.kind === "identity").map((f) => f.code)).toEqual(["7050"]);
  });
});
