import { exportBindingMap, MAX_MAP_BYTES, parseBindingMap, planBindingMap } from "../../src/workbook/binding-map";
import type { WorkbookStructure } from "../../src/workbook/port";

const structure = (names: WorkbookStructure["names"], sheets = ["Day 1", "Targets"]): WorkbookStructure => ({
  sheets: sheets.map((name) => ({ name, visibility: "visible", isWorksheet: true })),
  names,
  calculation: "automatic",
});

const LABELS: Record<string, string> = { "Day 1!E6": "Net ledger balance: cash", "Day 1!E29": "Total amount in segregation", "Targets!B2": "Target" };
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
    expect(map.bindings.map((b) => `${b.name}@${b.owner ?? "workbook"}:${b.sheet}!${b.address}`)).toEqual([
      "FOCUS_7010@Day 1:Day 1!E6",
      "FOCUS_7180@Day 1:Day 1!E29",
      "FOCUS_7194@workbook:Targets!B2",
    ]);
    const parsed = parseBindingMap(JSON.stringify(map));
    expect(parsed).toEqual({ ok: true, map });
  });

  test("untrusted text is refused with one clear sentence: not JSON, wrong shape, extra fields, bad names, too large", () => {
    expect(parseBindingMap("{oops")).toEqual({ ok: false, error: "the file is not JSON" });
    const good = exportBindingMap(source, labelOf);
    const bad = (m: unknown) => parseBindingMap(JSON.stringify(m));
    expect(bad({ ...good, version: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/^not a binding map \(version/) });
    expect(bad({ ...good, extra: true })).toMatchObject({ ok: false });
    expect(bad({ ...good, bindings: [{ ...good.bindings[0], name: "SUM" }] })).toMatchObject({ ok: false, error: expect.stringMatching(/not a FOCUS_ name/) });
    expect(bad({ ...good, bindings: [{ ...good.bindings[0], address: "OFFSET(A1,1,1)" }] })).toMatchObject({ ok: false, error: expect.stringMatching(/A1 cell address/) });
    expect(bad({ ...good, bindings: [{ ...good.bindings[0], sheet: "a/b" }] })).toMatchObject({ ok: false, error: expect.stringMatching(/sheet name/) });
    expect(parseBindingMap(" ".repeat(MAX_MAP_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/larger than/) });
  });

  test("the plan shows occupied names, missing sheets and changed labels before anything changes", () => {
    const map = exportBindingMap(source, labelOf);
    const target = structure(
      [
        { name: "FOCUS_7010", sheet: "Day 1", formula: "'Day 1'!$E$6" }, // already there: nothing to do
        { name: "FOCUS_7180", sheet: "Day 1", formula: "'Day 1'!$E$30" }, // occupied elsewhere
      ],
      ["Day 1"], // no Targets sheet
    );
    const moved = (sheet: string, address: string) => (address === "E29" ? "Excess (deficiency) funds in segregation" : labelOf(sheet, address));
    const plan = planBindingMap(map, target, moved);
    expect(plan.conflicts.map((c) => `${c.kind}:${c.name}`)).toEqual(["occupied:FOCUS_7180", "changed-label:FOCUS_7180", "missing-sheet:FOCUS_7194"]);
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
