import { Dec } from "../../src/engine";
import {
  ActionError,
  createFocusActions,
  detectCapabilities,
  WATCH_DEBOUNCE_MS,
} from "../../src/taskpane/actions";
import type { Capabilities, FocusActions, RecomputeRow } from "../../src/taskpane/actions";
import { HIGHLIGHT_MARKER } from "../../src/workbook/port";
import { ALL_CAPABILITIES, dayOneWorkbook, RecordedWorkbook } from "./recorded-workbook";

function setup(wb: RecordedWorkbook = dayOneWorkbook(), caps: Capabilities = ALL_CAPABILITIES) {
  return { wb, actions: createFocusActions(wb, caps) };
}

const nameOps = (wb: RecordedWorkbook) => wb.writes.filter((w) => w.op === "updateNames");

describe("detectCapabilities", () => {
  it("maps ExcelApi 1.7/1.6/1.9/1.18/1.20 and explains each missing one", () => {
    const supported = new Set(["1.6", "1.7", "1.9"]);
    const caps = detectCapabilities(
      (name, v) => (name === "ExcelApi" && supported.has(v ?? "")) || name === "SharedRuntime"
    );
    expect(caps).toMatchObject({
      names: true,
      conditionalFormats: true,
      events: true,
      notes: false,
      undoGroups: false,
    });
    expect(caps.unavailable).toHaveLength(3);
    expect(caps.unavailable[0]).toMatch(/Notes need Excel with ExcelApi 1\.18/);
    expect(caps.unavailable[1]).toMatch(/ExcelApi 1\.20/);
    expect(caps.unavailable[2]).toMatch(/ExcelApi 1\.19.*clears your undo history/);
  });

  it("treats a host that throws as one without the set", () => {
    const caps = detectCapabilities(() => {
      throw new Error("no requirements object");
    });
    expect(caps.names).toBe(false);
    expect(caps.unavailable).toHaveLength(7); // the six capabilities, and undo (ExcelApi 1.19)
  });
});

describe("bindings", () => {
  it("lists every name at both levels in print order, marking the shadowed workbook-level one", async () => {
    const { actions } = setup();
    const list = await actions.bindings();
    expect(list.map((b) => `${b.code}:${b.level}`)).toEqual([
      "7010:workbook",
      "7010:sheet",
      "7020:sheet",
      "7033:sheet",
      "7040:sheet",
      "7060:sheet",
      "7070:sheet",
      "7180:sheet",
      "7190:sheet",
      "7194:workbook",
    ]);
    const [wbLevel, sheetLevel] = list;
    expect(wbLevel).toMatchObject({
      scope: "workbook",
      sheet: null,
      cell: "'Day 1'!E6",
      shadowedOn: ["Day 1"],
    });
    expect(sheetLevel).toMatchObject({
      scope: "Day 1",
      sheet: "Day 1",
      statement: "seg-4d2",
      line: "1A",
      shadowedOn: [],
    });
    expect(list.find((b) => b.code === "7194")).toMatchObject({
      cell: "'Settings'!B2",
      problem: null,
    });
  });

  it("explains bad targets and accepts a name over exactly one merged area", async () => {
    const wb = dayOneWorkbook()
      .define("FOCUS_7070", "#REF!")
      .define("FOCUS_7100", "'Day 1'!$B$3:$C$4", "Day 1")
      .define("FOCUS_7110", "'Day 1'!$H$3:$I$3", "Day 1")
      .merge("Day 1", "H3:I3")
      .define("FOCUS_9999", "'Day 1'!$E$40", "Day 1");
    const list = await setup(wb).actions.bindings();
    const byName = (code: string, level: string) =>
      list.find((b) => b.code === code && b.level === level)!;
    expect(byName("7070", "workbook")).toMatchObject({
      cell: null,
      problem: expect.stringMatching(/^Refers to #REF!/),
    });
    expect(byName("7100", "sheet")).toMatchObject({
      cell: null,
      problem: expect.stringMatching(/several cells \(B3:C4\)/),
    });
    expect(byName("7110", "sheet")).toMatchObject({ cell: "'Day 1'!H3", problem: null });
    expect(list.some((b) => b.code === "9999")).toBe(false); // not a line: not a binding
  });
});

describe("bindSelection", () => {
  it("binds the top-left of the selection at sheet level by default, replacing the sheet's own name in one batch", async () => {
    const wb = dayOneWorkbook().selectRange("Day 1", "E20:F21");
    const result = await setup(wb).actions.bindSelection("7020", "sheet");
    expect(result).toEqual({ name: "FOCUS_7020", cell: "'Day 1'!E20", replaced: "'Day 1'!E7" });
    expect(nameOps(wb)).toEqual([
      {
        op: "updateNames",
        add: [{ name: "FOCUS_7020", sheet: "Day 1", refersTo: "'Day 1'!$E$20" }],
        remove: [{ name: "FOCUS_7020", sheet: "Day 1" }],
      },
    ]);
  });

  it("binds at workbook level, replacing only the workbook-level name", async () => {
    const wb = dayOneWorkbook().selectRange("Settings", "C4");
    const result = await setup(wb).actions.bindSelection("7010", "workbook");
    expect(result.replaced).toBe("'Day 1'!E6");
    expect(nameOps(wb)[0]).toMatchObject({
      add: [{ name: "FOCUS_7010", sheet: null, refersTo: "'Settings'!$C$4" }],
      remove: [{ name: "FOCUS_7010", sheet: null }],
    });
    // Both levels stay, one name each (Excel lists the workbook-level names first).
    expect((await wb.names()).filter((n) => n.name === "FOCUS_7010").map((n) => n.sheet)).toEqual([
      null,
      "Day 1",
    ]);
  });

  it("works on a sheet copied from yesterday's: the copy's own name is replaced, the original's is kept", async () => {
    const wb = dayOneWorkbook().copySheet("Day 1", "Day 2").selectRange("Day 2", "E30");
    const { actions } = setup(wb);
    const copied = (await actions.bindings()).filter((b) => b.sheet === "Day 2");
    expect(copied.find((b) => b.code === "7180")?.cell).toBe("'Day 2'!E12");

    const result = await actions.bindSelection("7180", "sheet");
    expect(result.replaced).toBe("'Day 2'!E12");
    const after = await actions.bindings();
    expect(after.find((b) => b.code === "7180" && b.sheet === "Day 1")?.cell).toBe("'Day 1'!E12");
    expect(after.find((b) => b.code === "7180" && b.sheet === "Day 2")?.cell).toBe("'Day 2'!E30");
  });

  it("adds without removing when the line has no name at that level, and refuses unknown codes and chart sheets", async () => {
    const wb = dayOneWorkbook().addChartSheet("Chart1").selectRange("Day 1", "E25");
    const { actions } = setup(wb);
    expect(await actions.bindSelection("7100", "sheet")).toEqual({
      name: "FOCUS_7100",
      cell: "'Day 1'!E25",
      replaced: null,
    });
    expect(nameOps(wb)[0]).toMatchObject({ remove: [] });

    await expect(actions.bindSelection("1234", "sheet")).rejects.toThrow(/not a line code/);
    wb.selectRange("Chart1", "A1");
    await expect(actions.bindSelection("7100", "sheet")).rejects.toThrow(/worksheet/);
    expect(nameOps(wb)).toHaveLength(1);
  });
});

describe("binding a cell that is already bound to the line", () => {
  it("writes nothing and reports nothing replaced", async () => {
    const wb = dayOneWorkbook().selectRange("Day 1", "E12");
    expect(await setup(wb).actions.bindSelection("7180", "sheet")).toEqual({
      name: "FOCUS_7180",
      cell: "'Day 1'!E12",
      replaced: null,
    });
    expect(wb.writes).toEqual([]);
  });
});

describe("rebinding a sheet's name", () => {
  it("refuses when the selection is on another sheet, and replaces the name when it is on that sheet", async () => {
    const wb = dayOneWorkbook().copySheet("Day 1", "Day 2").selectRange("Day 2", "E40");
    const { actions } = setup(wb);
    await expect(actions.bindSelection("7180", "sheet", "Day 1")).rejects.toThrow(
      "Select a cell on sheet Day 1 to rebind its line 13 (7180)."
    );
    expect(nameOps(wb)).toEqual([]);
    wb.selectRange("Day 1", "E40");
    expect((await actions.bindSelection("7180", "sheet", "day 1")).replaced).toBe("'Day 1'!E12");
  });
});

describe("unbind", () => {
  it("removes exactly the one name", async () => {
    const { wb, actions } = setup();
    await actions.unbind({ name: "FOCUS_7010", sheet: null });
    expect(nameOps(wb)).toEqual([
      { op: "updateNames", add: [], remove: [{ name: "FOCUS_7010", sheet: null }] },
    ]);
    expect((await wb.names()).filter((n) => n.name === "FOCUS_7010")).toEqual([
      { name: "FOCUS_7010", sheet: "Day 1", formula: "'Day 1'!$E$6" },
    ]);
  });
});

describe("scanSheet and applyScan: code cells", () => {
  function printedSheet(): RecordedWorkbook {
    const wb = dayOneWorkbook();
    wb.addWorksheet("Day 3", {
      E6: 100,
      F6: 7010,
      E7: "1,000",
      F7: "[7020]",
      F8: 7033, // blank amount
      E9: 5,
      F9: 7070,
      E10: 7,
      F10: 7070, // printed twice
      A11: 7180, // in column A: no room for an amount to its left
    });
    wb.define("FOCUS_7020", "'Day 3'!$E$50", "Day 3");
    return wb.selectRange("Day 3", "B2");
  }
  const only = async (actions: FocusActions) => {
    const scan = await actions.scanSheet();
    expect(scan.sheets).toHaveLength(1);
    return scan.sheets[0];
  };

  it("proposes by the printed layout with conflicts unticked, and writes nothing", async () => {
    const wb = printedSheet();
    const { proposals } = await only(setup(wb).actions);
    expect(proposals.map((p) => `${p.code}@${p.address}=${p.shown} ${p.source}`)).toEqual([
      "7010@E6=100 code",
      '7020@E7="1,000" code',
      "7033@E8=blank code",
      "7070@E9=5 code",
      "7070@E10=7 code",
    ]);
    expect(proposals.map((p) => p.conflict)).toEqual([
      "FOCUS_7010 -> 'Day 1'!E6",
      "FOCUS_7020 -> 'Day 3'!E50",
      null,
      "7070 also appears at E10 on this sheet",
      "7070 also appears at E9 on this sheet",
    ]);
    expect(proposals.map((p) => p.ticked)).toEqual([false, false, true, false, false]);
    expect(proposals[2]).toMatchObject({
      statement: "seg-4d2",
      line: "3B",
      confidence: null,
      typed: null,
    });
    expect(wb.writes).toEqual([]);
  });

  it("leaves out a cell already bound to its line", async () => {
    const wb = printedSheet().define("FOCUS_7033", "'Day 3'!$E$8", "Day 3");
    const codes = (await only(setup(wb).actions)).proposals.map((p) => p.code);
    expect(codes).not.toContain("7033");
  });

  it("creates the chosen names in one batch, replacing same-level names", async () => {
    const wb = printedSheet();
    const { actions } = setup(wb);
    const { proposals } = await only(actions);
    const chosen = proposals.filter((p) => p.address !== "E10");
    expect(await actions.applyScan({ bindings: chosen, units: [] }, "sheet")).toBe(4);
    expect(nameOps(wb)).toHaveLength(1);
    expect(nameOps(wb)[0]).toMatchObject({
      add: [
        { name: "FOCUS_7010", sheet: "Day 3", refersTo: "'Day 3'!$E$6" },
        { name: "FOCUS_7020", sheet: "Day 3", refersTo: "'Day 3'!$E$7" },
        { name: "FOCUS_7033", sheet: "Day 3", refersTo: "'Day 3'!$E$8" },
        { name: "FOCUS_7070", sheet: "Day 3", refersTo: "'Day 3'!$E$9" },
      ],
      remove: [{ name: "FOCUS_7020", sheet: "Day 3" }],
    });
  });

  it("refuses two cells for one line, writing nothing", async () => {
    const wb = printedSheet();
    const { actions } = setup(wb);
    const twins = (await only(actions)).proposals.filter((p) => p.code === "7070");
    await expect(actions.applyScan({ bindings: twins, units: [] }, "sheet")).rejects.toThrow(
      /Two cells are chosen for line 7A \(7070\)/
    );
    expect(wb.writes).toEqual([]);
  });
});

/** A 4d(2) statement typed with words only, as a firm prints it: no codes, no names. */
const SEG_TITLE =
  "Statement of Segregation Requirements and Funds in Segregation for Customers Trading on U.S. Commodity Exchanges";
function wordsOnly(): Record<string, string | number> {
  return {
    A1: SEG_TITLE,
    A2: "(in thousands)",
    A3: "1. Net ledger balance",
    A4: "A. Cash",
    D4: 100,
    A5: "B. Securities (at market)",
    D5: 20,
    A6: "2. Net unrealized profit (loss) in open futures contracts traded on a contract market",
    D6: 3,
    A7: "Accrued interest receivable from affiliates",
    D7: 9,
    A8: "7. Deposited in segregated funds bank accounts",
    A9: "A. Cash",
    D9: 150,
    A10: "13. Total amount in segregation (add lines 7 through 12)",
    D10: 150,
  };
}

describe("scanSheet and applyScan: labels", () => {
  const labelsWorkbook = () =>
    dayOneWorkbook().addWorksheet("Seg", wordsOnly()).selectRange("Seg", "A1");

  it("proposes lines by their words under their headings, with the words, confidence and unit", async () => {
    const wb = labelsWorkbook();
    const [seg] = (await setup(wb).actions.scanSheet()).sheets;
    expect(seg.sheet).toBe("Seg");
    expect(seg.proposals.map((p) => `${p.code}@${p.address} ${p.source}`)).toEqual([
      "7010@D4 label",
      "7020@D5 label",
      "7030@D6 label",
      "7070@D9 label",
      "7180@D10 label",
    ]);
    // "A. Cash" twice: the heading above decides which line.
    expect(seg.proposals[0]).toMatchObject({
      typed: "A. Cash",
      context: ["1. Net ledger balance"],
      shown: "100",
    });
    expect(seg.proposals[3]).toMatchObject({
      typed: "A. Cash",
      context: ["7. Deposited in segregated funds bank accounts"],
    });
    for (const p of seg.proposals) {
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(p.matched).toEqual(expect.any(String));
    }
    expect(seg.unmatched).toEqual([
      {
        sheet: "Seg",
        address: "D7",
        cell: "'Seg'!D7",
        text: "Accrued interest receivable from affiliates",
        shown: "9",
      },
    ]);
    expect(seg.unit).toEqual({
      sheet: "Seg",
      unit: "1000",
      text: "(in thousands)",
      cell: "'Seg'!A2",
      conflict: null,
    });
    expect(wb.writes).toEqual([]);
  });

  it("shows a proposal that clashes with an existing name as a conflict, unticked", async () => {
    const wb = labelsWorkbook()
      .define("FOCUS_7020", "'Seg'!$D$4", "Seg") // the cell "A. Cash" sits in, bound to another line
      .define("FOCUS_7180", "'Seg'!$D$40", "Seg"); // the line, bound to another cell
    const [seg] = (await setup(wb).actions.scanSheet()).sheets;
    const byCode = new Map(seg.proposals.map((p) => [p.code, p]));
    expect(byCode.get("7010")).toMatchObject({
      ticked: false,
      conflict: "FOCUS_7010 -> 'Day 1'!E6; D4 is bound to FOCUS_7020", // the workbook-level name too
    });
    expect(byCode.get("7180")).toMatchObject({
      ticked: false,
      conflict: "FOCUS_7180 -> 'Seg'!D40",
    });
    expect(byCode.get("7070")).toMatchObject({ ticked: true, conflict: null });
  });

  it("a unit already set the same is not proposed; a different one is a conflict", async () => {
    const same = labelsWorkbook().define("FOCUS_UNIT", "1000", "Seg");
    expect((await setup(same).actions.scanSheet()).sheets[0].unit).toBeNull();
    const other = labelsWorkbook().define("FOCUS_UNIT", "=1");
    expect((await setup(other).actions.scanSheet()).sheets[0].unit?.conflict).toBe(
      "FOCUS_UNIT (workbook level) is 1"
    );
  });

  it("applies ticked proposals, a row bound by hand and the unit in one batch", async () => {
    const wb = labelsWorkbook().define("FOCUS_UNIT", "1", "Seg");
    const { actions } = setup(wb);
    const [seg] = (await actions.scanSheet()).sheets;
    const ticked = seg.proposals.filter((p) => p.ticked);
    const byHand = { sheet: "Seg", address: seg.unmatched[0].address, code: "7150" };
    const n = await actions.applyScan(
      { bindings: [...ticked, byHand], units: [{ sheet: "Seg", unit: "1000" }] },
      "sheet"
    );
    expect(n).toBe(ticked.length + 2);
    expect(nameOps(wb)).toHaveLength(1);
    const [op] = nameOps(wb) as {
      add: { name: string; sheet: string | null; refersTo: string }[];
      remove: unknown[];
    }[];
    expect(op.add).toContainEqual({ name: "FOCUS_7150", sheet: "Seg", refersTo: "'Seg'!$D$7" });
    expect(op.add).toContainEqual({ name: "FOCUS_UNIT", sheet: "Seg", refersTo: "1000" });
    expect(op.remove).toEqual([{ name: "FOCUS_UNIT", sheet: "Seg" }]);
  });

  it("refuses two different units for one workbook-level name, writing nothing", async () => {
    const wb = labelsWorkbook();
    const units = [
      { sheet: "Seg", unit: "1000" as const },
      { sheet: "Day 1", unit: "1" as const },
    ];
    await expect(setup(wb).actions.applyScan({ bindings: [], units }, "workbook")).rejects.toThrow(
      /print different units/
    );
    expect(wb.writes).toEqual([]);
  });
});

describe("scanWorkbook", () => {
  it("scans every worksheet, keeping the sheets where a statement or code cell is found", async () => {
    const wb = dayOneWorkbook()
      .addWorksheet("Seg", wordsOnly())
      .addWorksheet("Notes", { A1: "Rent", B1: 1200, A2: "Travel", B2: 300 })
      .addChartSheet("Chart");
    const { actions } = setup(wb);
    const scan = await actions.scanWorkbook();
    expect(scan.scope).toBe("workbook");
    expect(scan.scanned).toBe(4); // Day 1, Settings, Seg, Notes
    // Day 1's printed codes are all bound already: the sheet stays, with nothing to propose.
    expect(scan.sheets.map((s) => [s.sheet, s.proposals.length])).toEqual([
      ["Day 1", 0],
      ["Seg", 5],
    ]);
    expect(wb.writes).toEqual([]);
  });

  it("names a sheet it cannot read and scans the others", async () => {
    const wb = dayOneWorkbook().addWorksheet("Seg", wordsOnly()).addWorksheet("Huge", { A1: "x" });
    const read = wb.readGrids.bind(wb);
    wb.readGrids = async (sheets: string[]) =>
      (await read(sheets)).map((grid) =>
        grid.sheet === "Huge"
          ? { sheet: "Huge", error: new Error("The response is larger than 5 MB.") }
          : grid
      );
    const scan = await setup(wb).actions.scanWorkbook();
    expect(scan.unread).toEqual([{ sheet: "Huge", reason: "The response is larger than 5 MB." }]);
    expect(scan.scanned).toBe(3); // Day 1, Settings, Seg
    expect(scan.sheets.map((s) => s.sheet)).toEqual(["Day 1", "Seg"]);
  });
});

describe("validate", () => {
  it("reports the typed total that does not tie", async () => {
    const report = await setup().actions.validate();
    expect(report.scopes.map((s) => s.scope)).toEqual(["Day 1"]);
    const identity = report.scopes[0].findings.filter((f) => f.kind === "identity");
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatchObject({ code: "7180", cell: "'Day 1'!E12" });
    expect(identity[0].expected?.toFixed()).toBe("150");
  });
});

describe("highlight", () => {
  it("marks only errors and warnings that name a cell, with the scope's names and a note", async () => {
    const wb = dayOneWorkbook();
    wb.setCalculation("manual"); // a warning about no cell
    const { actions } = setup(wb);
    const report = await actions.validate();
    const findings = report.scopes[0].findings;
    expect(findings.some((f) => f.severity === "info" && f.cell)).toBe(true); // 7180 is also a typed total (info)
    expect(findings.some((f) => f.kind === "manual-calculation")).toBe(true);

    expect(await actions.highlight(report)).toEqual({ marks: 1, notes: true });
    const [mark] = wb.highlights;
    expect(mark).toMatchObject({ sheet: "Day 1", address: "E12", severity: "error" });
    expect(mark.formula).toContain(`N("${HIGHLIGHT_MARKER}:identity:7180")`);
    expect(mark.formula).toContain("FOCUS_7070");
    expect(mark.note).toContain(HIGHLIGHT_MARKER);
    expect(mark.note).toMatch(/identity/);
    expect(mark.note).toMatch(/Reported 140 · Computed 150 · Difference \(10\)/);
  });

  it("replaces earlier marks and clears through the port", async () => {
    const { wb, actions } = setup();
    const report = await actions.validate();
    await actions.highlight(report);
    await actions.highlight(report);
    expect(wb.highlights).toHaveLength(1);
    expect(await actions.clearHighlights()).toBe(1);
    expect(wb.highlights).toEqual([]);
  });

  it("refuses without conditional formats, saying why", async () => {
    const caps = detectCapabilities((_n, v) => v === "1.7");
    const { wb, actions } = setup(dayOneWorkbook(), caps);
    const report = await actions.validate();
    await expect(actions.highlight(report)).rejects.toThrow(
      /Highlighting needs Excel with ExcelApi 1\.6/
    );
    expect(wb.writes).toEqual([]);
  });
});

describe("recompute", () => {
  it("previews every bound derived line and never an input", async () => {
    const rows = await setup().actions.recomputePreview();
    expect(rows.map((r) => r.code)).toEqual(["7040", "7060", "7180", "7190"]);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode["7180"]).toMatchObject({ cell: "'Day 1'!E12", typedByUser: true, changes: true });
    expect(byCode["7180"].computed.toFixed()).toBe("150");
    expect(byCode["7180"].formula).toBe("=FOCUS_7070"); // unbound parts worth nothing are left out
    expect(byCode["7060"]).toMatchObject({ typedByUser: false, changes: false });
    expect(byCode["7040"].formula).toBe("=FOCUS_7010+FOCUS_7020-ABS(FOCUS_7033)");
  });

  it("inlines an unbound part as the value its own parts give", async () => {
    const wb = dayOneWorkbook().deleteName("FOCUS_7040", "Day 1");
    const row = (await setup(wb).actions.recomputePreview()).find((r) => r.code === "7060")!;
    expect(row.formula).toBe("=115"); // 7040 unbound: inlined as what its own parts give
  });

  it("writes the confirmed rows as values in one batch", async () => {
    const { wb, actions } = setup();
    const rows = (await actions.recomputePreview()).filter((r) => r.changes);
    expect(await actions.recomputeApply(rows, "values")).toBe(1);
    const cellWrites = wb.writes.filter((w) => w.op === "writeCells");
    expect(cellWrites).toEqual([
      { op: "writeCells", writes: [{ sheet: "Day 1", address: "E12", value: 150 }] },
    ]);
  });

  it("writes native formulas on request", async () => {
    const { wb, actions } = setup();
    const rows = (await actions.recomputePreview()).filter(
      (r) => r.code === "7040" || r.code === "7180"
    );
    await actions.recomputeApply(rows, "formulas");
    expect(wb.cell("Day 1", "E9")?.formula).toBe("FOCUS_7010+FOCUS_7020-ABS(FOCUS_7033)");
    expect(wb.writes.filter((w) => w.op === "writeCells")).toHaveLength(1);
  });

  it("refuses an input line dressed as a row, writing nothing", async () => {
    const { wb, actions } = setup();
    const [row] = await actions.recomputePreview();
    const forged: RecomputeRow = { ...row, code: "7010", address: "E6", cell: "'Day 1'!E6" };
    await expect(actions.recomputeApply([row, forged], "values")).rejects.toThrow(
      /never overwrites/
    );
    expect(wb.writes).toEqual([]);
  });

  it("refuses rows the workbook no longer matches", async () => {
    const { wb, actions } = setup();
    const rows = (await actions.recomputePreview()).filter((r) => r.code === "7180");
    await wb.writeCells([{ sheet: "Day 1", address: "E11", value: 160 }]); // 7070 edited after the preview
    wb.writes.length = 0;
    await expect(actions.recomputeApply(rows, "values")).rejects.toThrow(
      /changed since the preview/
    );
    const moved = { ...rows[0], address: "E99", cell: "'Day 1'!E99" };
    await expect(actions.recomputeApply([moved], "values")).rejects.toThrow(/no longer bound/);
    expect(wb.writes).toEqual([]);
  });

  it("turns a blocked write into a message naming the cell", async () => {
    const { wb, actions } = setup();
    const rows = (await actions.recomputePreview()).filter((r) => r.changes);
    wb.protect("Day 1");
    const error = await actions.recomputeApply(rows, "values").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    // The Office adapter's own sentence (write.ts), naming the sheet and the cell.
    expect((error as ActionError).message).toBe(
      "Nothing was written. Sheet 'Day 1' is protected: unprotect it to write E12"
    );
    expect((error as ActionError).cell).toBe("'Day 1'!E12");
  });
});

describe("watch", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function watching(actions: FocusActions) {
    const reports: number[] = [];
    const errors: string[] = [];
    const stop = await actions.watch(
      (r) => reports.push(r.scopes.length),
      (e) => errors.push(e.message)
    );
    return { reports, errors, stop };
  }

  it("coalesces a burst of changes into one validation after the last, and never writes", async () => {
    const { wb, actions } = setup();
    const { reports, stop } = await watching(actions);
    for (let i = 0; i < 5; i++) {
      void wb.change();
      await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS - 100);
    }
    expect(reports).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(1);
    expect(wb.structureReads).toBe(1);
    expect(WATCH_DEBOUNCE_MS).toBeLessThanOrEqual(1000);
    expect(wb.writes).toEqual([]);
    await stop();
  });

  it("validates again for a change that arrives while a validation runs", async () => {
    const { wb, actions } = setup();
    let release!: () => void;
    const structure = wb.structure.bind(wb);
    jest.spyOn(wb, "structure").mockImplementationOnce(async () => {
      await new Promise<void>((r) => (release = r));
      return structure();
    });
    const { reports, stop } = await watching(actions);
    void wb.change();
    await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS);
    void wb.change(); // during the first validation
    await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(2);
    await stop();
  });

  it("reports a failure through onError and keeps watching", async () => {
    const { wb, actions } = setup();
    jest
      .spyOn(wb, "structure")
      .mockRejectedValueOnce(
        Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })
      );
    const { reports, errors, stop } = await watching(actions);
    void wb.change();
    await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS);
    expect(errors).toEqual([
      "Excel is editing a cell: press Enter or Esc to finish, then try again.",
    ]);
    void wb.change();
    await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS);
    expect(reports).toHaveLength(1);
    await stop();
  });

  it("stops cleanly: a pending change is dropped and the handler removed", async () => {
    const { wb, actions } = setup();
    const { reports, stop } = await watching(actions);
    expect(wb.eventHandlers).toBe(2); // onChanged and onCalculated
    void wb.change();
    await stop();
    await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS * 2);
    expect(reports).toHaveLength(0);
    expect(wb.eventHandlers).toBe(0);
  });

  it("needs the events requirement set", async () => {
    const caps = detectCapabilities((_n, v) => v === "1.7" || v === "1.6");
    await expect(setup(dayOneWorkbook(), caps).actions.watch(() => undefined)).rejects.toThrow(
      /Live validation needs/
    );
  });
});

describe("insertTemplate", () => {
  it("adds a uniquely named sheet with native formulas and sheet-level names", async () => {
    const wb = dayOneWorkbook();
    wb.addWorksheet("4d(2) segregation template");
    const { actions } = setup(wb);
    const name = await actions.insertTemplate("seg-4d2");
    expect(name).toBe("4d(2) segregation template (2)");
    const [call] = wb.writes;
    if (call.op !== "addSheet") throw new Error("expected addSheet");
    expect(call.spec.cells.every((c) => c.sheet === name)).toBe(true);
    const total = call.spec.names.find((n) => n.name === "FOCUS_7180")!;
    const totalCell = call.spec.cells.find((c) => c.address === total.address.replace(/\$/g, ""));
    expect(totalCell?.formula).toMatch(/^=FOCUS_7070\+FOCUS_7080/);
    expect(call.spec.names).toHaveLength(27);
    expect((await actions.bindings()).filter((b) => b.sheet === name)).toHaveLength(27);
  });
});

describe("explain and goTo", () => {
  it("explains a derived line with the scope's values", async () => {
    const explanation = await setup().actions.explain("Day 1", "7180");
    expect(explanation?.computed.eq(new Dec(150))).toBe(true);
    expect(explanation?.text).toMatch(/^7180 = 7070 150 .* = 150; reported 140$/);
  });

  it("selects a quoted cell and refuses what is not a cell", async () => {
    const { wb, actions } = setup();
    await actions.goTo("'Day 1'!E12");
    await actions.goTo("Settings!$B$2");
    expect(wb.selections).toEqual([
      { sheet: "Day 1", address: "E12" },
      { sheet: "Settings", address: "B2" },
    ]);
    await expect(actions.goTo("nowhere")).rejects.toThrow("nowhere is not a cell address.");
  });

  it("selects a finding's location as it stands, a sheet name no label would spell plainly", async () => {
    const { wb, actions } = setup();
    await actions.goTo({ sheet: "Day 1", address: "E12" });
    expect(wb.selections).toEqual([{ sheet: "Day 1", address: "E12" }]);
  });
});
