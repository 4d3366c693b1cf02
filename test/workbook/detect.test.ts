import { check } from "./fixtures";

describe("layout detection (--detect)", () => {
  test("codes as numbers, text and [bracketed] text; the amount is the cell to the left; blank when empty", async () => {
    const cells = [
      { ref: "B2", value: "Cash" },
      { ref: "C2", value: 100 },
      { ref: "D2", value: 7010 },
      { ref: "C3", value: 20 },
      { ref: "D3", value: "7020" },
      { ref: "C4", value: -5 },
      { ref: "D4", value: "[7033]" },
      { ref: "D5", value: 7032 }, // amount cell empty: blank line
      { ref: "C6", value: 115 },
      { ref: "D6", value: 7040 },
    ];
    const r = await check({ sheets: [{ name: "Form", cells }] }, { detect: true });
    expect(r.scopes.map((s) => s.scope)).toEqual(["Form"]);
    const lines = r.scopes[0].lines.filter((l) => l.bound);
    expect(Object.fromEntries(lines.map((l) => [l.code, l.cell]))).toMatchObject({
      "7010": "'Form'!C2",
      "7020": "'Form'!C3",
      "7033": "'Form'!C4",
      "7032": "'Form'!C5",
      "7040": "'Form'!C6",
    });
    expect(r.scopes[0].findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.scopes[0].findings.some((f) => f.kind === "missing" && f.code === "7032")).toBe(true);
  });

  test("a cell that is both a code and the amount of the code to its right is an amount", async () => {
    // 7600 keyed as an amount beside code 7600; 7580 beside code 7580.
    const cells = [
      { ref: "C2", value: 7600 },
      { ref: "D2", value: 7600 },
      { ref: "C3", value: 7580 },
      { ref: "D3", value: "7580" },
    ];
    const r = await check({ sheets: [{ name: "P2", cells }] }, { detect: true });
    const bound = r.scopes[0].lines.filter((l) => l.bound);
    expect(bound.map((l) => [l.code, l.cell, l.reported?.toFixed()])).toEqual([
      ["7580", "'P2'!C3", "7580"],
      ["7600", "'P2'!C2", "7600"],
    ]);
  });

  test("without --detect an unbound sheet gives no-bindings; sheets with FOCUS_ names are never detected", async () => {
    const cells = [
      { ref: "C2", value: 100 },
      { ref: "D2", value: 7010 },
    ];
    const plain = await check({ sheets: [{ name: "Form", cells }] });
    expect(plain.scopes[0].findings.map((f) => f.kind)).toEqual(["no-bindings"]);
    const named = await check(
      {
        sheets: [
          { name: "Form", cells },
          {
            name: "Other",
            cells: [
              { ref: "B1", value: 5 },
              { ref: "C1", value: 7020 },
            ],
          },
        ],
        names: [{ name: "FOCUS_7010", refersTo: "'Form'!$C$2", localSheet: "Form" }],
      },
      { detect: true }
    );
    expect(named.scopes.map((s) => s.scope)).toEqual(["Form", "Other"]);
    expect(named.scopes[0].lines.filter((l) => l.bound).map((l) => l.code)).toEqual(["7010"]);
  });

  test("a code found twice on one sheet is a duplicate", async () => {
    const cells = [
      { ref: "C2", value: 1 },
      { ref: "D2", value: 7010 },
      { ref: "C9", value: 2 },
      { ref: "D9", value: 7010 },
    ];
    const r = await check({ sheets: [{ name: "Form", cells }] }, { detect: true });
    expect(r.scopes[0].findings.map((f) => `${f.kind}:${f.code}`)).toContain("duplicate:7010");
  });

  test("a statement recognised with nothing bound on it is a scope with no-bindings and its amounts listed", async () => {
    // Two columns of figures on every line and nothing to say which is the current period.
    const cells = [
      {
        ref: "A1",
        value:
          "Statement of segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges",
      },
      { ref: "A2", value: "1. Net ledger balance" },
      { ref: "A3", value: "A. Cash" },
      { ref: "C3", value: 100 },
      { ref: "D3", value: 90 },
      { ref: "A4", value: "B. Securities (at market)" },
      { ref: "C4", value: 20 },
      { ref: "D4", value: 25 },
      { ref: "A5", value: "4. Net equity (deficit)" },
      { ref: "C5", value: 120 },
      { ref: "D5", value: 115 },
    ];
    const r = await check({ sheets: [{ name: "Seg", cells }] }, { detect: true });
    expect(r.scopes.map((s) => s.scope)).toEqual(["Seg"]);
    expect(r.scopes[0].findings.map((f) => f.kind)).toEqual(["no-bindings"]);
    expect(r.scopes[0].findings[0].message).toBe(
      "sheet Seg prints a statement but no line on it could be bound with confidence: its 6 amounts are listed as unmatched, for binding by hand"
    );
    expect(r.bindings?.[0].unmatched?.map((u) => u.cell)).toEqual([
      "'Seg'!C3",
      "'Seg'!D3",
      "'Seg'!C4",
      "'Seg'!D4",
      "'Seg'!C5",
      "'Seg'!D5",
    ]);
  });
});
