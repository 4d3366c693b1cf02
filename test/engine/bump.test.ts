import { checkScope, STATEMENTS, type LineDef } from "../../src/engine";
import { boundValue } from "./helpers";
import { oracleValues } from "./oracle";

/**
 * Generated from the definitions: in a fully bound, consistent statement, moving
 * any one input by $100 breaks exactly the identities of the derived lines that
 * use it directly, and none where it is the smaller term of a greater-of.
 */
const allLines: LineDef[] = STATEMENTS.flatMap((s) => s.lines);
const derived = allLines.filter((l) => l.formula);
const inputs = allLines.filter((l) => !l.formula && l.kind !== "text");

/** Deterministic, distinct magnitudes; the greater-of candidates that should lose are kept small. */
function baseInputs(): Record<string, bigint> {
  const v: Record<string, bigint> = {};
  inputs.forEach((l, i) => {
    let x = BigInt(1_000_003 + i * 7_919_113);
    if (["7305", "7465", "7475"].includes(l.code)) x = 1_000n + BigInt(i); // smaller terms of 7360, 7490, 7495
    if (l.kind === "signed" && i % 3 === 0) x = -x;
    v[l.code] = x;
  });
  return v;
}

function boundScope(values: Record<string, bigint>, keyDeductNegative: boolean) {
  return {
    scope: "bump",
    lines: allLines
      .filter((l) => l.kind !== "text")
      .map((l, i) => {
        let n = values[l.code];
        if (l.kind === "deduct" && keyDeductNegative) n = -n;
        return boundValue(l.code, Number(n), "S", i + 1);
      }),
  };
}

describe.each([false, true])(
  "moving one input by $100 (deduct lines keyed negative: %s)",
  (negativeDeducts) => {
    const base = baseInputs();
    const full = { ...base, ...oracleValues(base) };

    test("the consistent statement has no identity finding", () => {
      const report = checkScope(boundScope(full, negativeDeducts));
      expect(report.findings.filter((f) => f.kind === "identity")).toEqual([]);
    });

    test.each(inputs.map((l) => [l.code, l.kind]))("input %s (%s)", (code) => {
      const moved = { ...full, [code]: full[code] + 100n };
      const report = checkScope(boundScope(moved, negativeDeducts));
      const got = report.findings
        .filter((f) => f.kind === "identity")
        .map((f) => f.code)
        .sort();
      // Expected: each derived line that names the input directly, unless the input is a losing greater-of term
      // (recompute that line with the oracle to see whether the move reaches it).
      const after = oracleValues({ ...base, [code]: base[code] + 100n });
      const expected = derived
        .filter((d) => d.formula!.terms.some((t) => t.code === code))
        .filter((d) => d.formula!.op === "sum" || after[d.code] !== full[d.code])
        .map((d) => d.code)
        .sort();
      expect(got).toEqual(expected);
      for (const f of report.findings.filter((x) => x.kind === "identity")) {
        expect(f.difference!.abs().isZero()).toBe(false);
      }
    });
  }
);

test("the losing terms of a greater-of really are exercised", () => {
  const base = baseInputs();
  const v = oracleValues(base);
  expect(v["7360"]).toBe(v["7355"]); // 7305 loses
  expect(v["7490"] > base["7465"] && v["7490"] > base["7475"]).toBe(true);
});
