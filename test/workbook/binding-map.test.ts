import type { CellContent } from "../../src/engine";
import {
  exportBindingMap,
  MAX_MAP_BYTES,
  namesToWrite,
  parseBindingMap,
  planBindingMap,
  rowLabel,
} from "../../src/workbook/binding-map";
import type { WorkbookStructure } from "../../src/workbook/port";

const structure = (
  names: WorkbookStructure["names"],
  sheets = ["Day 1", "Targets"]
): WorkbookStructure => ({
  sheets: sheets.map((name) => ({ name, visibility: "visible", isWorksheet: true })),
  names,
  calculation: "automatic",
});

const LABELS: Record<string, string> = {
  "Day 1!E6": "Net ledger balance: cash",
  "Day 1!E29": "Total amount in segregation",
  "Targets!B2": "Target",
};
const labelOf = (sheet: string, address: string) => LABELS[`${sheet}!${address}`] ?? null;

const source = structure([
  { name: "FOCUS_7010", sheet: "Day 1", formula: "'Day 1'!$E$6" },
  { name: "FOCUS_7180", sheet: "Day 1", formula: "'Day 1'!$E$29" },
  { name: "FOCUS_7194", sheet: null, formula: "Targets!$B$2" },
  { name: "FOCUS_7020", sheet: null, formula: "#REF!" }, // unusable: does not travel
  { name: "Print_Area", sheet: null, formula: "'Day 1'!$A$1:$F$40" },
]);

describe("binding maps", () => {
  test("export keeps every usable FOCUS_ binding with its level and row label, and round-trips through JSON", () => {
    const map = exportBindingMap(source, labelOf, new Date("2020-11-30T00:00:00Z"));
    expect(
      map.bindings.map((b) => `${b.name}@${b.owner ?? "workbook"}:${b.sheet}!${b.address}`)
    ).toEqual([
      "FOCUS_7010@Day 1:Day 1!E6",
      "FOCUS_7180@Day 1:Day 1!E29",
      "FOCUS_7194@workbook:Targets!B2",
    ]);
    const parsed = parseBindingMap(JSON.stringify(map));
    expect(parsed).toEqual({ ok: true, map });
  });

  test("the firm's settings (FOCUS_NFA_MARGIN_BASED, FOCUS_BROKER_DEALER) travel like FOCUS_UNIT", () => {
    const firm = structure([
      { name: "FOCUS_NFA_MARGIN_BASED", sheet: null, formula: "Targets!$B$3" },
      { name: "FOCUS_BROKER_DEALER", sheet: null, formula: "Targets!$B$4" },
    ]);
    const map = exportBindingMap(firm, labelOf, new Date("2020-11-30T00:00:00Z"));
    expect(map.bindings.map((b) => b.name)).toEqual([
      "FOCUS_NFA_MARGIN_BASED",
      "FOCUS_BROKER_DEALER",
    ]);
    expect(parseBindingMap(JSON.stringify(map))).toEqual({ ok: true, map });
  });

  test("untrusted text is refused with one clear sentence: not JSON, wrong shape, extra fields, bad names, too large", () => {
    expect(parseBindingMap("{oops")).toEqual({ ok: false, error: "the file is not JSON" });
    const good = exportBindingMap(source, labelOf);
    const bad = (m: unknown) => parseBindingMap(JSON.stringify(m));
    expect(bad({ ...good, version: 2 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not a binding map \(version/),
    });
    expect(bad({ ...good, extra: true })).toMatchObject({ ok: false });
    expect(bad({ ...good, bindings: [{ ...good.bindings[0], name: "SUM" }] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a FOCUS_ name/),
    });
    expect(
      bad({ ...good, bindings: [{ ...good.bindings[0], address: "OFFSET(A1,1,1)" }] })
    ).toMatchObject({ ok: false, error: expect.stringMatching(/A1 cell address/) });
    expect(bad({ ...good, bindings: [{ ...good.bindings[0], sheet: "a/b" }] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sheet name/),
    });
    expect(parseBindingMap(" ".repeat(MAX_MAP_BYTES + 1))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/larger than/),
    });
  });

  test("the plan shows occupied names, missing sheets and changed labels before anything changes", () => {
    const map = exportBindingMap(source, labelOf);
    const target = structure(
      [
        { name: "FOCUS_7010", sheet: "Day 1", formula: "'Day 1'!$E$6" }, // already there: nothing to do
        { name: "FOCUS_7180", sheet: "Day 1", formula: "'Day 1'!$E$30" }, // occupied elsewhere
      ],
      ["Day 1"] // no Targets sheet
    );
    const moved = (sheet: string, address: string) =>
      address === "E29" ? "Excess (deficiency) funds in segregation" : labelOf(sheet, address);
    const plan = planBindingMap(map, target, moved);
    expect(plan.conflicts.map((c) => `${c.kind}:${c.name}`)).toEqual([
      "occupied:FOCUS_7180",
      "changed-label:FOCUS_7180",
      "missing-sheet:FOCUS_7194",
    ]);
    expect(plan.names).toEqual([{ name: "FOCUS_7180", sheet: "Day 1", refersTo: "'Day 1'!$E$29" }]);
    expect(plan.conflicts[2].message).toMatch(/'Targets' is not in this workbook/);
  });

  test("applied to a workbook of the same layout, the plan recreates every binding and conflicts with nothing", () => {
    const map = exportBindingMap(source, labelOf);
    const plan = planBindingMap(map, structure([]), labelOf);
    expect(plan.conflicts).toEqual([]);
    expect(plan.names.map((n) => `${n.name}|${n.sheet}|${n.refersTo}`)).toEqual([
      "FOCUS_7010|Day 1|'Day 1'!$E$6",
      "FOCUS_7180|Day 1|'Day 1'!$E$29",
      "FOCUS_7194|null|'Targets'!$B$2",
    ]);
  });
});

describe("binding maps: hostile files and choices", () => {
  const good = exportBindingMap(source, labelOf);
  const bad = (m: unknown) => parseBindingMap(JSON.stringify(m));
  const withBinding = (patch: Record<string, unknown>) => ({
    ...good,
    bindings: [{ ...good.bindings[0], ...patch }],
  });

  test("sheet names Excel would refuse, addresses outside the grid and a name twice at one level are refused", () => {
    for (const sheet of ["'Day 1", "Day 1'", "Tab\u0007", "x".repeat(32), ""]) {
      expect(bad(withBinding({ sheet }))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^not a binding map \(bindings\.0\.sheet/),
      });
    }
    expect(bad(withBinding({ owner: "a:b" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/owner: not a valid sheet name/),
    });
    expect(bad(withBinding({ address: "XFE1" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/outside Excel's grid/),
    });
    expect(bad(withBinding({ address: "A1048577" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/outside Excel's grid/),
    });
    const twice = {
      ...good,
      bindings: [good.bindings[0], { ...good.bindings[0], name: "focus_7010", address: "E7" }],
    };
    expect(bad(twice)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bindings\.1: focus_7010 on 'Day 1' appears twice/),
    });
  });

  test("each refusal says in words what was expected", () => {
    const error = (m: unknown) => {
      const r = bad(m);
      return r.ok ? null : r.error;
    };
    expect(error({ ...good, version: 2 })).toBe(
      "not a binding map (version: this add-in reads version 1)"
    );
    expect(error({ ...good, extra: true })).toBe(
      'not a binding map (the file: unexpected field "extra")'
    );
    expect(error([])).toBe("not a binding map (the file: expected a binding map object)");
    expect(error({ ...good, bindings: {} })).toBe(
      "not a binding map (bindings: expected a list of bindings)"
    );
    expect(error(withBinding({ address: 7 }))).toBe(
      "not a binding map (bindings.0.address: expected a cell address as text)"
    );
  });

  test("a byte-order mark is accepted; other non-JSON is one sentence, whatever the input", () => {
    expect(parseBindingMap(`\uFEFF${JSON.stringify(good)}`)).toEqual({ ok: true, map: good });
    for (const text of ["", "null", "[]", "42", '"map"', "{}", "<xml/>"]) {
      const r = parseBindingMap(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).not.toMatch(/\n/);
    }
  });

  test("the plan counts bindings already in place and names each conflict's level", () => {
    const target = structure([
      { name: "FOCUS_7010", sheet: "Day 1", formula: "'Day 1'!$E$6" },
      { name: "FOCUS_7194", sheet: null, formula: "Targets!$B$9" },
    ]);
    const plan = planBindingMap(good, target, labelOf);
    expect(plan.unchanged).toBe(1);
    expect(plan.conflicts).toEqual([
      {
        kind: "occupied",
        name: "FOCUS_7194",
        owner: null,
        message: "FOCUS_7194 already refers to Targets!$B$9; applying replaces it",
      },
    ]);
  });

  test("a chart sheet is not a place to bind: its bindings count as a missing sheet", () => {
    const target: WorkbookStructure = {
      ...structure([]),
      sheets: [
        { name: "Day 1", visibility: "visible", isWorksheet: true },
        { name: "Targets", visibility: "visible", isWorksheet: false },
      ],
    };
    expect(
      planBindingMap(good, target, labelOf).conflicts.map((c) => `${c.kind}:${c.name}`)
    ).toEqual(["missing-sheet:FOCUS_7194"]);
  });

  test("names to write leave out declined conflicts, per name and level", () => {
    const map = exportBindingMap(source, labelOf);
    const target = structure([{ name: "FOCUS_7180", sheet: "Day 1", formula: "'Day 1'!$E$30" }]);
    const moved = (sheet: string, address: string) =>
      address === "E6" ? "Something else" : labelOf(sheet, address);
    const plan = planBindingMap(map, target, moved);
    const written = (replaceOccupied: boolean, acceptChangedLabels: boolean) =>
      namesToWrite(plan, { replaceOccupied, acceptChangedLabels }).map((n) => n.name);
    expect(written(false, false)).toEqual(["FOCUS_7194"]);
    expect(written(true, false)).toEqual(["FOCUS_7180", "FOCUS_7194"]);
    expect(written(false, true)).toEqual(["FOCUS_7010", "FOCUS_7194"]);
    expect(written(true, true)).toEqual(["FOCUS_7010", "FOCUS_7180", "FOCUS_7194"]);
  });

  test("a row's label is the nearest text with a letter left of the amount, never a code or a figure", () => {
    const text = (t: string): CellContent => ({ value: { type: "text", text: t } });
    const num = (n: number): CellContent => ({ value: { type: "number", value: n } });
    expect(
      rowLabel([undefined, undefined, text("  Total amount\n in segregation "), text("13")])
    ).toBe("Total amount in segregation");
    expect(rowLabel([text("[7180]"), text("(1,234)"), num(5), text("Net equity")])).toBe(
      "Net equity"
    );
    expect(rowLabel([num(1), undefined])).toBeNull();
    expect(rowLabel([text("x".repeat(5000))])).toHaveLength(200);
  });
});
