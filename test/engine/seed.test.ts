import { checkScope, Dec, STATEMENTS } from "../../src/engine";
import { SEED } from "../../examples/seed-figures";
import { scopeOf } from "./helpers";

describe("the seed filing (HSBC Securities (USA) Inc., 11/30/20)", () => {
  const report = checkScope(scopeOf(SEED));
  const errors = report.findings.filter((f) => f.severity === "error");

  test("the only broken identity is line 13 (7180): the OCR lost 477,038,837 of funds", () => {
    expect(errors.map((f) => [f.kind, f.code])).toEqual([["identity", "7180"]]);
    const f = errors[0];
    expect(f.reported!.toFixed()).toBe("3893682134");
    expect(f.expected!.toFixed()).toBe("3416643297");
    expect(f.difference!.toFixed()).toBe("477038837");
    expect(f.suspect).toBeNull();
  });

  test("summaries carry each statement's excess, target and status", () => {
    const byId = Object.fromEntries(report.summaries.map((s) => [s.statement, s]));
    expect(byId["seg-4d2"].excess!.toFixed()).toBe("134116777");
    expect(byId["seg-4d2"].target!.toFixed()).toBe("122000000");
    expect(byId["seg-4d2"].overTarget!.toFixed()).toBe("12116777");
    expect(byId["seg-4d2"].status).toBe("ok");
    expect(byId["secured-30.7"].excess!.toFixed()).toBe("26031707");
    expect(byId["secured-30.7"].overTarget!.toFixed()).toBe("11031707");
    expect(byId["cleared-swaps-4df"].excess!.toFixed()).toBe("83398438");
    expect(byId["cleared-swaps-4df"].overTarget!.toFixed()).toBe("10398438");
    // Dealer options: every line blank, nothing fires.
    expect(byId["dealer-options-32.6"].status).toBe("ok");
    expect(report.findings.filter((f) => f.statement === "dealer-options-32.6")).toEqual([]);
    // Capital: no net capital in the seed, but the early-warning level is computed.
    expect(byId["cftc-capital"].status).toBe("not-bound");
    expect(byId["cftc-capital"].target!.toFixed()).toBe("518163038");
  });

  test("no deficiency and no below-target flag fires", () => {
    expect(
      report.findings.filter((f) =>
        ["deficiency", "below-target", "below-minimum", "early-warning"].includes(f.kind)
      )
    ).toEqual([]);
  });

  test("every derived line of every statement recomputes to its printed value, but 7180", () => {
    for (const st of STATEMENTS) {
      for (const line of st.lines.filter((l) => l.kind === "derived")) {
        const r = report.lines.find((l) => l.code === line.code);
        const printed = SEED[line.code];
        if (typeof printed !== "number" || line.code === "7180" || !r?.computed) continue;
        // 7455 is printed without its parts: it computes to 0 and is not checked.
        if (line.code === "7455") continue;
        expect([line.code, r.computed.toFixed()]).toEqual([line.code, new Dec(printed).toFixed()]);
      }
    }
  });

  test("the early-warning level is 110% of the risk-based line, rounded half up to the dollar", () => {
    const ew = report.lines.find((l) => l.code === "7495")!;
    expect(ew.computed!.toFixed()).toBe("518163038");
    expect(report.findings.some((f) => f.code === "7495" && f.kind === "identity")).toBe(false);
  });
});
