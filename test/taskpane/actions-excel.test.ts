/**
 * The actions over the real Office.js adapter, run against the in-memory Excel
 * simulator: the same path as the pane inside Excel, down to the batches.
 */
import { createExcelSim, type ExcelSim, type SheetModel } from "../../sim";
import { createFocusActions, detectCapabilities } from "../../src/taskpane/actions";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { boundSheet, SMALL_SEG } from "../workbook/fixtures";
import { labelsOnlyWorkbook } from "./labels-workbook";

/** The pane's actions over the Office.js adapter on a simulated Excel, as the pane wires them. */
function actionsIn(sim: ExcelSim) {
  const isSetSupported = (set: string, version?: string) =>
    sim.Office.context.requirements.isSetSupported(set, version);
  const workbook = createOfficeWorkbook({ run: sim.Excel.run, isSetSupported });
  return createFocusActions(workbook, detectCapabilities(isSetSupported));
}

function excelWith7180Mistyped() {
  // 7180 keyed as 140 while its part 7070 is 150: an identity error, and 7190 (35) then disagrees too.
  const { cells, names } = boundSheet("Day 1", { ...SMALL_SEG, "7180": 140 }, "sheet");
  const sim = createExcelSim({ workbook: { sheets: [{ name: "Day 1", cells }], names } });
  return actionsIn(sim);
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
    expect(
      await actions.recomputeApply(
        rows.filter((r) => r.changes),
        "formulas"
      )
    ).toBe(2);
    expect(identities(await actions.validate())).toEqual([]);
    expect(await actions.clearHighlights()).toBeGreaterThanOrEqual(2); // the adapter may count notes as marks too
    expect(await actions.clearHighlights()).toBe(0);
  });

  it("binds the selection at both levels and inserts uniquely named templates", async () => {
    const actions = excelWith7180Mistyped();
    await actions.goTo("'Day 1'!C20");
    expect(await actions.bindSelection("7020", "workbook")).toEqual({
      name: "FOCUS_7020",
      cell: "'Day 1'!C20",
      replaced: null,
    });
    expect((await actions.bindSelection("7020", "sheet")).replaced).toBe("'Day 1'!C3");
    const levels = (await actions.bindings())
      .filter((b) => b.code === "7020")
      .map((b) => `${b.level} ${b.cell}`);
    expect(levels).toEqual(["workbook 'Day 1'!C20", "sheet 'Day 1'!C20"]);

    expect(await actions.insertTemplate("seg-4d2")).toBe("4d(2) segregation template");
    expect(await actions.insertTemplate("seg-4d2")).toBe("4d(2) segregation template (2)");
    await actions.goTo("'4d(2) segregation template'!A1");
    const [template] = (await actions.scanSheet()).sheets;
    expect(template.proposals).toEqual([]); // every line on it is bound already, by code cell and by label alike
    expect(template.unmatched).toEqual([]);
  });
});

describe("Recompute in Excel (simulated): a typed total changed after the preview", () => {
  it.each(["Local", "Remote"] as const)(
    "an entry typed (%s) over the previewed total is never overwritten unseen",
    async (source) => {
      // Failed before: the write checked only the computed value, so a figure typed (or a
      // co-author's) after the preview was overwritten though the user confirmed the old one.
      const { cells, names } = boundSheet("Day 1", { ...SMALL_SEG, "7180": 140 }, "sheet");
      const sim = createExcelSim({ workbook: { sheets: [{ name: "Day 1", cells }], names } });
      const actions = actionsIn(sim);
      const row = (await actions.recomputePreview()).find((r) => r.code === "7180")!;
      expect([row.address, row.typedByUser, row.reported?.toNumber()]).toEqual(["C8", true, 140]);
      await sim.state.setValue("Day 1", "C8", 145, { source });
      await expect(actions.recomputeApply([row], "values")).rejects.toThrow(
        /changed since the preview/
      );
      expect(sim.state.value("Day 1", "C8")).toBe(145);
    }
  );

  it("so is a text entry that replaced another text entry (no amount to compare)", async () => {
    // Failed before: both entries read as no amount, so the write went through over "tbd".
    const { cells, names } = boundSheet("Day 1", { ...SMALL_SEG, "7180": "n/a" }, "sheet");
    const sim = createExcelSim({ workbook: { sheets: [{ name: "Day 1", cells }], names } });
    const actions = actionsIn(sim);
    const row = (await actions.recomputePreview()).find((r) => r.code === "7180")!;
    expect([row.typedByUser, row.reported]).toEqual([true, null]);
    await sim.state.setValue("Day 1", "C8", "tbd", { source: "Remote" });
    await expect(actions.recomputeApply([row], "values")).rejects.toThrow(
      /changed since the preview/
    );
    expect(sim.state.value("Day 1", "C8")).toBe("tbd");
  });
});

/** A 4d(2) statement typed with words only (no codes, no names), its amounts consistent, in thousands. */
const WORDS_ONLY: [string, number | null][] = [
  [
    "Statement of Segregation Requirements and Funds in Segregation for Customers Trading on U.S. Commodity Exchanges",
    null,
  ],
  ["(Dollars in thousands)", null],
  ["1. Net ledger balance", null],
  ["A. Cash", 100],
  ["B. Securities (at market)", 20],
  ["2. Net unrealized profit (loss) in open futures contracts traded on a contract market", 3],
  ["4. Net equity (deficit) (add lines 1, 2 and 3)", 123],
  ["6. Amount required to be segregated (add lines 4 and 5)", 123],
  ["Funds in Segregated Accounts", null],
  ["7. Deposited in segregated funds bank accounts", null],
  ["A. Cash", 150],
  ["13. Total amount in segregation (add lines 7 through 12)", 150],
  ["14. Excess (deficiency) funds in segregation (subtract line 6 from line 13)", 27],
];

describe("scan in Excel (simulated): a workbook typed with labels only", () => {
  function wordsOnlyExcel(more: SheetModel[] = []) {
    const cells = WORDS_ONLY.flatMap(([text, amount], i) => [
      { ref: `A${i + 1}`, value: text },
      ...(amount === null ? [] : [{ ref: `D${i + 1}`, value: amount }]),
    ]);
    const sim = createExcelSim({
      workbook: {
        sheets: [{ name: "Seg", cells }, { name: "Notes", cells: [] }, ...more],
      },
    });
    return { sim, actions: actionsIn(sim) };
  }

  it("proposes every line and the unit, applies them in one batch, and the statement then validates clean", async () => {
    const { sim, actions } = wordsOnlyExcel();
    await actions.goTo("'Seg'!A1");
    const { result: scan, syncs } = await sim.meter.measure(() => actions.scanSheet());
    expect(syncs.length).toBe(4); // the selection, the names (2), the sheet's used range
    const [seg] = scan.sheets;
    expect(seg.proposals.map((p) => `${p.code}@${p.address}`)).toEqual([
      "7010@D4",
      "7020@D5",
      "7030@D6",
      "7040@D7",
      "7060@D8",
      "7070@D11",
      "7180@D12",
      "7190@D13",
    ]);
    expect(seg.proposals.every((p) => p.source === "label" && p.ticked)).toBe(true);
    expect(seg.unit).toMatchObject({ unit: "1000", cell: "'Seg'!A2" });
    expect(sim.state.snapshot().sheets[0].names).toEqual({}); // nothing created by the scan

    const { result: created, syncs: applySyncs } = await sim.meter.measure(() =>
      actions.applyScan({ bindings: seg.proposals, units: [seg.unit!] }, "sheet")
    );
    expect(created).toBe(9);
    expect(applySyncs.length).toBe(5); // the names (2), then updateNames (3: the sheets, the names it replaces, one write)
    const report = await actions.validate();
    expect(report.scopes.map((s) => [s.scope, s.unit.toFixed()])).toEqual([["Seg", "1000"]]);
    expect(report.scopes[0].findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("Scan workbook reads the names once and every worksheet's cells together", async () => {
    const { sim, actions } = wordsOnlyExcel();
    const { result, syncs } = await sim.meter.measure(() => actions.scanWorkbook());
    expect(result.scanned).toBe(2);
    expect(result.sheets.map((s) => s.sheet)).toEqual(["Seg"]);
    expect(syncs.length).toBe(2 + 1); // the names (2), then both used ranges with their cells
  });

  it("Scan workbook names a sheet Excel refuses even one cell of, with the reason, and scans the others", async () => {
    const { sim, actions } = wordsOnlyExcel([
      { name: "Huge", cells: [{ ref: "A1", value: "x".repeat(6000) }] },
    ]);
    sim.state.payloadLimitBytes = 5000; // a host whose response limit is smaller than that one cell
    const result = await actions.scanWorkbook();
    expect(result.unread).toEqual([
      {
        sheet: "Huge",
        reason:
          "Excel refused to send even one of its cells as too large (ResponsePayloadSizeLimitExceeded)",
      },
    ]);
    expect(result.scanned).toBe(2);
    expect(result.sheets.map((s) => s.sheet)).toEqual(["Seg"]);
  });
});

describe("scan in Excel (simulated): a year of daily sheets", () => {
  it("Scan workbook reads 250 sheets in a handful of syncs, not one per sheet (failed before: 252 syncs)", async () => {
    const cells = WORDS_ONLY.flatMap(([text, amount], i) => [
      { ref: `A${i + 1}`, value: text },
      ...(amount === null ? [] : [{ ref: `D${i + 1}`, value: amount }]),
    ]);
    const sheets = Array.from({ length: 250 }, (_, i) => ({ name: `Day ${i + 1}`, cells }));
    const sim = createExcelSim({ workbook: { sheets } });
    const actions = actionsIn(sim);
    const { result, syncs } = await sim.meter.measure(() => actions.scanWorkbook());
    expect(result.scanned).toBe(250);
    expect(result.unread).toEqual([]);
    expect(result.sheets).toHaveLength(250);
    expect(result.sheets[249].proposals.map((p) => p.code)).toEqual(
      result.sheets[0].proposals.map((p) => p.code)
    );
    // The names (2), every used range's size (with Day 1's cells), the other 249 sheets' cells (0.9 MB).
    expect(syncs.length).toBe(2 + 2);
  });
});

describe("scan in Excel (simulated): a firm's published schedules typed with words only", () => {
  it.each(["goldman-sachs-2018-12-31", "goldman-sachs-2014-12-31"])(
    "%s: every amount proposed with its code and ticked, the unit too; applied, it validates without an error",
    async (slug) => {
      const { model, truth } = labelsOnlyWorkbook(slug);
      const sim = createExcelSim({ workbook: model });
      const actions = actionsIn(sim);

      const scan = await actions.scanWorkbook();
      expect(scan.sheets.map((s) => s.sheet)).toEqual(["Schedules"]);
      const [sheet] = scan.sheets;
      const proposed = new Map(sheet.proposals.map((p) => [p.address, p.code]));
      expect(Object.fromEntries(proposed)).toEqual(Object.fromEntries(truth));
      expect(sheet.proposals.every((p) => p.ticked && p.source === "label")).toBe(true);
      expect(sheet.unit).toMatchObject({ unit: "1000000", conflict: null });

      await actions.applyScan({ bindings: sheet.proposals, units: [sheet.unit!] }, "sheet");
      const report = await actions.validate();
      expect(report.scopes.map((s) => [s.scope, s.unit.toFixed()])).toEqual([
        ["Schedules", "1000000"],
      ]);
      expect(
        report.scopes[0].findings.filter((f) => f.severity === "error").map((f) => f.message)
      ).toEqual([]);
    }
  );
});
