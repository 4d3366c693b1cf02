import { writeXlsx } from "../../sim";
import { boundSheet, check, checkBytes, SMALL_SEG, withRawNames } from "./fixtures";

const kinds = (fs: { kind: string; code: string | null }[]) =>
  fs.map((f) => `${f.kind}:${f.code ?? "-"}`);

describe("bindings and scopes", () => {
  test("workbook-level names make one scope called workbook", async () => {
    const s = boundSheet("Seg", SMALL_SEG, "workbook");
    const r = await check({ sheets: [{ name: "Seg", cells: s.cells }], names: s.names });
    expect(r.scopes.map((x) => x.scope)).toEqual(["workbook"]);
    expect(r.scopes[0].findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.scopes[0].summaries.find((x) => x.statement === "seg-4d2")!.excess!.toFixed()).toBe(
      "35"
    );
  });

  test("each sheet with sheet-level names is a scope, in sheet order; the workbook scope then disappears", async () => {
    const a = boundSheet("Day 2", SMALL_SEG, "sheet");
    const b = boundSheet("Day 1", { ...SMALL_SEG, "7070": 140 }, "sheet");
    const r = await check({
      sheets: [
        { name: "Day 2", cells: a.cells },
        { name: "Day 1", cells: b.cells },
      ],
      names: [...a.names, ...b.names],
    });
    expect(r.scopes.map((x) => x.scope)).toEqual(["Day 2", "Day 1"]);
    expect(kinds(r.scopes[0].findings.filter((f) => f.severity === "error"))).toEqual([]);
    // Day 1: 7070 = 140 against a reported 7180 of 150: one broken identity, on 7180 only.
    expect(kinds(r.scopes[1].findings.filter((f) => f.severity === "error"))).toEqual([
      "identity:7180",
    ]);
    expect(r.scopes[1].findings.find((f) => f.kind === "identity")!.cell).toBe("'Day 1'!C8");
  });

  test("a sheet-level name wins over a workbook-level one, which still serves other sheets; both levels give shadowed", async () => {
    const day = boundSheet("Day", SMALL_SEG, "sheet");
    // A workbook-level target on another sheet serves every day.
    const targets = {
      cells: [
        { ref: "B2", value: 30 },
        { ref: "B3", value: 99 },
      ],
    };
    const names = [
      ...day.names,
      { name: "FOCUS_7194", refersTo: "'Targets'!$B$2" },
      { name: "FOCUS_7070", refersTo: "'Targets'!$B$3" }, // shadowed by Day's own 7070
    ];
    const r = await check({
      sheets: [
        { name: "Day", cells: day.cells },
        { name: "Targets", ...targets },
      ],
      names,
    });
    expect(r.scopes.map((x) => x.scope)).toEqual(["Day"]);
    const f = r.scopes[0].findings;
    expect(kinds(f.filter((x) => x.kind === "shadowed"))).toEqual(["shadowed:7070"]);
    expect(f.some((x) => x.kind === "identity")).toBe(false); // Day's 150 was used, not Targets' 99
    const seg = r.scopes[0].summaries.find((x) => x.statement === "seg-4d2")!;
    expect(seg.target!.toFixed()).toBe("30");
    expect(seg.overTarget!.toFixed()).toBe("5");
  });

  test("names are matched case-insensitively; two names for one code in one scope are a duplicate and neither is used", async () => {
    const s = boundSheet("S", SMALL_SEG, "workbook");
    const bytes = writeXlsx({
      sheets: [{ name: "S", cells: [...s.cells, { ref: "C20", value: 1 }] }],
      names: s.names,
    });
    const r = await checkBytes(
      withRawNames(bytes, `<definedName name="focus_7070">'S'!$C$20</definedName>`)
    );
    const f = r.scopes[0].findings;
    expect(kinds(f.filter((x) => x.kind === "duplicate"))).toEqual(["duplicate:7070"]);
    expect(f.find((x) => x.kind === "duplicate")!.severity).toBe("error");
  });

  test("names at #REF!, into another workbook, over several cells or areas, by OFFSET or INDIRECT, or at a missing sheet are bad input", async () => {
    const names = [
      { name: "FOCUS_7010", refersTo: "#REF!" },
      { name: "FOCUS_7020", refersTo: "[1]Other!$A$1" },
      { name: "FOCUS_7030", refersTo: "'S'!$C$2:$C$4" },
      { name: "FOCUS_7032", refersTo: "OFFSET('S'!$C$2,1,0)" },
      { name: "FOCUS_7033", refersTo: 'INDIRECT("S!C2")' },
      { name: "FOCUS_7045", refersTo: "'S'!$C$2,'S'!$C$3" },
      { name: "FOCUS_7047", refersTo: "'Gone'!$C$2" },
      { name: "FOCUS_7050", refersTo: "'S'!#REF!" },
    ];
    const r = await check({ sheets: [{ name: "S", cells: [{ ref: "C2", value: 1 }] }], names });
    const bad = r.scopes[0].findings.filter((f) => f.kind === "bad-input");
    expect(bad.map((f) => f.code).sort()).toEqual([
      "7010",
      "7020",
      "7030",
      "7032",
      "7033",
      "7045",
      "7047",
      "7050",
    ]);
    const msg = (code: string) => bad.find((f) => f.code === code)!.message;
    expect(msg("7010")).toMatch(/#REF!/);
    expect(msg("7020")).toMatch(/another workbook/);
    expect(msg("7030")).toMatch(/3 cells/);
    expect(msg("7032")).toMatch(/formula/);
    expect(msg("7045")).toMatch(/several areas/);
    expect(msg("7047")).toMatch(/'Gone'/);
    expect(bad.find((f) => f.code === "7030")!.cell).toBe("'S'!C2:C4");
  });

  test("a name over exactly one merged area reads its top-left cell; a name inside a merge is bad input", async () => {
    const r = await check({
      sheets: [
        {
          name: "S",
          cells: [
            { ref: "C2", value: 100 },
            { ref: "C3", value: 20 },
          ],
          merges: ["C2:D2", "C3:D3"],
        },
      ],
      names: [
        { name: "FOCUS_7010", refersTo: "'S'!$C$2:$D$2" },
        { name: "FOCUS_7020", refersTo: "'S'!$D$3" },
      ],
    });
    const f = r.scopes[0].findings;
    expect(f.some((x) => x.code === "7010" && x.severity === "error")).toBe(false);
    expect(f.find((x) => x.code === "7020")!.message).toMatch(/merged area C3:D3/);
  });

  test("a workbook with no binding at all gets no-bindings", async () => {
    const r = await check({ sheets: [{ name: "S", cells: [{ ref: "A1", value: "hello" }] }] });
    expect(kinds(r.scopes[0].findings)).toEqual(["no-bindings:-"]);
    expect(r.scopes[0].findings[0].severity).toBe("error");
  });

  test("FOCUS_UNIT and FOCUS_TOLERANCE are declared, never guessed, and validated", async () => {
    const s = boundSheet("S", { ...SMALL_SEG, "7180": 151 }, "workbook");
    const withTol = await check({
      sheets: [{ name: "S", cells: s.cells }],
      names: [
        ...s.names,
        { name: "FOCUS_UNIT", refersTo: "1000" },
        { name: "FOCUS_TOLERANCE", refersTo: "2" },
      ],
    });
    expect(withTol.scopes[0].unit.toFixed()).toBe("1000");
    expect(withTol.scopes[0].findings.some((f) => f.kind === "identity")).toBe(false); // 1 within tolerance 2
    const noTol = await check({ sheets: [{ name: "S", cells: s.cells }], names: s.names });
    // 7180 is off by one, and 7190 (which uses 7180's reported value directly) with it.
    expect(
      noTol.scopes[0].findings.filter((f) => f.kind === "identity").map((f) => f.code)
    ).toEqual(["7180", "7190"]);
    const badUnit = await check({
      sheets: [{ name: "S", cells: [...s.cells, { ref: "H1", value: 100 }] }],
      names: [...s.names, { name: "FOCUS_UNIT", refersTo: "'S'!$H$1" }],
    });
    const f = badUnit.scopes[0].findings.find((x) => x.kind === "bad-input")!;
    expect(f.cell).toBe("'S'!H1");
    expect(f.message).toMatch(/1, 1000 or 1000000/);
    expect(badUnit.scopes[0].unit.toFixed()).toBe("1");
  });

  test("manual calculation is flagged once", async () => {
    const s = boundSheet("S", SMALL_SEG, "workbook");
    const r = await check({
      sheets: [{ name: "S", cells: s.cells }],
      names: s.names,
      calcMode: "manual",
    });
    expect(kinds(r.scopes[0].findings.filter((f) => f.kind === "manual-calculation"))).toEqual([
      "manual-calculation:-",
    ]);
  });

  test("unknown FOCUS codes are reported and ignored", async () => {
    const s = boundSheet("S", SMALL_SEG, "workbook");
    const r = await check({
      sheets: [{ name: "S", cells: s.cells }],
      names: [...s.names, { name: "FOCUS_9999", refersTo: "'S'!$C$2" }],
    });
    expect(r.scopes[0].findings.find((f) => f.kind === "unknown-code")!.message).toMatch(
      /FOCUS_9999/
    );
  });
});
