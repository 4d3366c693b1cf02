/**
 * The actions over the real Office.js adapter, run against the in-memory Excel
 * simulator: the same path as the pane inside Excel, down to the batches.
 */
import { createExcelSim } from "../../src/sim";
import { createFocusActions, detectCapabilities } from "../../src/taskpane/actions";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { boundSheet, SMALL_SEG } from "../workbook/fixtures";

function excelWith7180Mistyped() {
  // 7180 keyed as 140 while its part 7070 is 150: an identity error, and 7190 (35) then disagrees too.
  const { cells, names } = boundSheet("Day 1", { ...SMALL_SEG, "7180": 140 }, "sheet");
  const sim = createExcelSim({ workbook: { sheets: [{ name: "Day 1", cells }], names } });
  const isSetSupported = (set: string, version?: string) => sim.Office.context.requirements.isSetSupported(set, version);
  const workbook = createOfficeWorkbook({ run: sim.Excel.run, isSetSupported: (s, v) => isSetSupported(s, v) });
  return createFocusActions(workbook, detectCapabilities(isSetSupported));
}

const identities = (r: Awaited<ReturnType<ReturnType<typeof createFocusActions>["validate"]>>) =>
  r.scopes.flatMap((s) => s.findings.filter((f) => f.kind === "identity").map((f) => f.code));

describe("actions in Excel (simulated)", () => {
  it("validates, marks, recomputes with native formulas, and the totals then tie", async () => {
    const actions = excelWith7180Mistyped();
    const report = await actions.validate();
    expect(identities(report)).toEqual(["7180", "7190"]);
    expect(await actions.highlight(report)).toEqual({ marks: 2, notes: true });

    const rows = await actions.recomputePreview();
    expect(rows.map((r) => r.code)).toEqual(["7040", "7060", "7180", "7190"]);
    expect(await actions.recomputeApply(rows.filter((r) => r.changes), "formulas")).toBe(2);
    expect(identities(await actions.validate())).toEqual([]);
    expect(await actions.clearHighlights()).toBeGreaterThanOrEqual(2); // the adapter may count notes as marks too
    expect(await actions.clearHighlights()).toBe(0);
  });

  it("binds the selection at both levels and inserts uniquely named templates", async () => {
    const actions = excelWith7180Mistyped();
    await actions.goTo("'Day 1'!C20");
    expect(await actions.bindSelection("7020", "workbook")).toEqual({ name: "FOCUS_7020", cell: "'Day 1'!C20", replaced: null });
    expect((await actions.bindSelection("7020", "sheet")).replaced).toBe("'Day 1'!C3");
    const levels = (await actions.bindings()).filter((b) => b.code === "7020").map((b) => `${b.level} ${b.cell}`);
    expect(levels).toEqual(["workbook 'Day 1'!C20", "sheet 'Day 1'!C20"]);

    expect(await actions.insertTemplate("seg-4d2")).toBe("4d(2) segregation template");
    expect(await actions.insertTemplate("seg-4d2")).toBe("4d(2) segregation template (2)");
    await actions.goTo("'4d(2) segregation template'!A1");
    expect(await actions.scanSheet()).toEqual([]); // every printed code on it is bound already
  });
});
