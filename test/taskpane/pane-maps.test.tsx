/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  createFocusActions,
  type BindingView,
  type FocusActions,
} from "../../src/taskpane/actions";
import { readAsText } from "../../src/taskpane/shared/files";
import { STATEMENTS, statementTemplate } from "../../src/engine";
import { createExcelSim, type WorkbookModel } from "../../sim";
import { parseBindingMap } from "../../src/workbook/binding-map";
import { createOfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { fakeActions, MAP_FILE, MAP_PLAN } from "./fake-actions";
import { ALL_CAPABILITIES, RecordedWorkbook, type LaidOutCell } from "./recorded-workbook";
import { openTab, renderPane, section } from "./render-pane";

/** One period of the form on a sheet: line, description, amount in E, code in F. */
const FORM: Record<string, LaidOutCell> = {
  A5: "Line",
  B5: "Description",
  E5: "Amount",
  F5: "Code",
  A6: "1A",
  B6: "Net ledger balance: cash",
  E6: 100,
  F6: 7010,
  A7: "1B",
  B7: "Net ledger balance: securities (at market)",
  E7: 20,
  F7: 7020,
  A8: "13",
  B8: "Total amount in segregation",
  E8: 120,
  F8: 7180,
};

/** Two daily sheets of the same layout and a settings sheet; bound (sheet level, plus a workbook-level target) or not. */
function laidOut(bound: boolean): RecordedWorkbook {
  const wb = new RecordedWorkbook().addWorksheet("Day 1", FORM).addWorksheet("Day 2", FORM);
  wb.addWorksheet("Settings", { A2: "Target", B2: 10 });
  if (bound) {
    for (const sheet of ["Day 1", "Day 2"])
      for (const [row, code] of [
        [6, "7010"],
        [7, "7020"],
        [8, "7180"],
      ])
        wb.define(`FOCUS_${code}`, `'${sheet}'!$E$${row}`, sheet);
    wb.define("FOCUS_7194", "Settings!$B$2");
  }
  return wb;
}

const actionsOver = (wb: RecordedWorkbook) => createFocusActions(wb, ALL_CAPABILITIES);
const shape = (views: BindingView[]) =>
  views.map((v) => `${v.name}|${v.level}|${v.sheet}|${v.cell}`).sort();
const NONE = { replaceOccupied: false, acceptChangedLabels: false };

describe("binding map actions", () => {
  it("round trip: export from one workbook, apply to another of the same layout, the same bindings", async () => {
    const a = laidOut(true);
    const b = laidOut(false);
    const file = await actionsOver(a).exportBindingMap();
    expect(file.fileName).toMatch(/^focus-bindings-\d{4}-\d\d-\d\d\.focus-map\.json$/);
    expect(file.bindings).toBe(7);
    const plan = await actionsOver(b).planBindingMap(file.text);
    expect(plan).toMatchObject({ total: 7, unchanged: 0, conflicts: [] });
    expect(b.writes).toEqual([]); // planning writes nothing
    expect(await actionsOver(b).applyBindingMap(plan, NONE)).toBe(7);
    expect(b.writes.filter((w) => w.op === "updateNames")).toHaveLength(1); // one batch
    expect(shape(await actionsOver(b).bindings())).toEqual(shape(await actionsOver(a).bindings()));
    // Applied again, everything is in place: nothing to write.
    const again = await actionsOver(b).planBindingMap(file.text);
    expect(again).toMatchObject({ unchanged: 7, names: [], conflicts: [] });
  });

  it("exports each row's label, read from the workbook in one batch, one binding a line", async () => {
    const wb = laidOut(true);
    const reads = jest.spyOn(wb, "readRanges");
    const file = await actionsOver(wb).exportBindingMap();
    expect(reads).toHaveBeenCalledTimes(1);
    const parsed = parseBindingMap(file.text);
    if (!parsed.ok) throw new Error(parsed.error);
    const labels = Object.fromEntries(
      parsed.map.bindings.map((m) => [`${m.owner}|${m.name}`, m.label])
    );
    expect(labels["Day 2|FOCUS_7180"]).toBe("Total amount in segregation");
    expect(labels["null|FOCUS_7194"]).toBe("Target");
    expect(file.text.split("\n").filter((l) => l.trim().startsWith('{"name"'))).toHaveLength(7);
  });

  it("shows occupied names, missing sheets and changed labels, and writes only what is accepted", async () => {
    const file = await actionsOver(laidOut(true)).exportBindingMap();
    // The same two days without a Settings sheet; Day 1 binds 7180 elsewhere; Day 2's row 8 reads otherwise.
    const target = new RecordedWorkbook()
      .addWorksheet("Day 1", FORM)
      .addWorksheet("Day 2", { ...FORM, B8: "Excess (deficiency) funds in segregation" })
      .define("FOCUS_7180", "'Day 1'!$E$30", "Day 1");
    const actions = actionsOver(target);
    const plan = await actions.planBindingMap(file.text);
    expect(
      plan.conflicts.map((c) => `${c.kind}:${c.owner ?? "workbook"}:${c.name}`).sort()
    ).toEqual([
      "changed-label:Day 2:FOCUS_7180",
      "missing-sheet:workbook:FOCUS_7194",
      "occupied:Day 1:FOCUS_7180",
    ]);
    expect(plan.conflicts.find((c) => c.kind === "changed-label")!.message).toMatch(
      /reads "Excess \(deficiency\) funds in segregation", the map says "Total amount in segregation"/
    );
    expect(target.writes).toEqual([]);

    expect(await actions.applyBindingMap(plan, NONE)).toBe(4); // 7010 and 7020 on both days
    const cellOf = async (sheet: string) =>
      (await actions.bindings()).find((v) => v.code === "7180" && v.sheet === sheet)?.cell;
    expect(await cellOf("Day 1")).toBe("'Day 1'!E30"); // kept
    expect(await cellOf("Day 2")).toBeUndefined(); // not bound on a row that reads otherwise

    const replan = await actions.planBindingMap(file.text);
    expect(
      await actions.applyBindingMap(replan, { replaceOccupied: true, acceptChangedLabels: true })
    ).toBe(2);
    expect(await cellOf("Day 1")).toBe("'Day 1'!E8");
    expect(await cellOf("Day 2")).toBe("'Day 2'!E8");
  });

  it("refuses, writing nothing, when a name it would create appeared after the plan was shown", async () => {
    const file = await actionsOver(laidOut(true)).exportBindingMap();
    const b = laidOut(false);
    const plan = await actionsOver(b).planBindingMap(file.text);
    b.define("FOCUS_7010", "'Day 1'!$E$40", "Day 1");
    await expect(actionsOver(b).applyBindingMap(plan, NONE)).rejects.toThrow(
      /FOCUS_7010 on 'Day 1' was created after the plan was made: apply the map again.*Nothing was changed\./
    );
    expect(b.writes).toEqual([]);
  });

  it("hostile files: one clear sentence, nothing read or written", async () => {
    const wb = laidOut(false);
    const actions = actionsOver(wb);
    const good = (await actionsOver(laidOut(true)).exportBindingMap()).text;
    const refusal = async (text: string) => {
      const e = await actions.planBindingMap(text).then(
        () => null,
        (err: Error) => err
      );
      expect(e?.name).toBe("ActionError");
      return e!.message;
    };
    expect(await refusal("PK\u0003\u0004 not json")).toBe(
      "This file cannot be applied: the file is not JSON."
    );
    expect(await refusal(good.replace('"version": 1', '"version": 2'))).toMatch(
      /^This file cannot be applied: not a binding map \(version: /
    );
    expect(await refusal(" ".repeat(3 * 1024 * 1024))).toMatch(
      /larger than 2 MB: not a binding map\.$/
    );
    expect(await refusal(good.replace(/"sheet":"Day 1"/, '"sheet":"Day/1"'))).toMatch(
      /sheet: not a valid sheet name/
    );
    expect(wb.structureReads).toBe(0);
    expect(wb.writes).toEqual([]);
  });

  it("never exports a map larger than a map file may be (counted in bytes, as files are)", async () => {
    // The row labels of 4,000 bindings are more than Excel on the web answers in one response
    // (5 MB): failed before the adapter split such a read, with "The response payload (5294701
    // bytes) exceeds the 5242880-byte limit." instead of the map's own size check.
    const wb = new RecordedWorkbook();
    const label = "漢".repeat(200); // 600 bytes in UTF-8, 200 characters
    for (let d = 1; d <= 150; d++) {
      const sheet = `Day ${d}`;
      const t = statementTemplate(STATEMENTS[0], { sheet, derived: "values" });
      const cells: Record<string, LaidOutCell> = {};
      for (const n of t.names) cells[`B${n.address.replace(/\D/g, "")}`] = label;
      wb.addWorksheet(sheet, cells);
      for (const n of t.names) wb.define(n.name, `'${sheet}'!${n.address}`, sheet);
    }
    await expect(actionsOver(wb).exportBindingMap()).rejects.toThrow(
      /^The map of [\d,]+ bindings is larger than a map file may be \(2 MB\)\.$/
    );
  });

  it("says so when there is nothing to export", async () => {
    await expect(actionsOver(laidOut(false)).exportBindingMap()).rejects.toThrow(
      /no FOCUS_ name on a single cell/
    );
  });
});

describe("binding map actions through the Office adapter (the simulator's Excel)", () => {
  /** Daily sheets laid out like the form (statementTemplate), bound at sheet level, or not bound. */
  function model(days: number, bound: boolean): WorkbookModel {
    const sheets: WorkbookModel["sheets"] = [];
    const names: NonNullable<WorkbookModel["names"]> = [];
    for (let d = 1; d <= days; d++) {
      const sheet = `Day ${d}`;
      const t = statementTemplate(STATEMENTS[0], { sheet, derived: "values" });
      sheets.push({
        name: sheet,
        cells: t.cells.map((c) => ({ ref: c.ref, value: c.value ?? null })),
      });
      if (bound)
        for (const n of t.names)
          names.push({ name: n.name, refersTo: `'${sheet}'!${n.address}`, localSheet: sheet });
    }
    return { sheets, names };
  }
  const over = (workbook: WorkbookModel) => {
    const sim = createExcelSim({ workbook });
    const wb = createOfficeWorkbook({
      run: sim.Excel.run,
      isSetSupported: sim.Office.context.requirements.isSetSupported,
    });
    return { sim, actions: createFocusActions(wb, ALL_CAPABILITIES) };
  };

  it("a month of daily sheets: export in 3 syncs, plan in 3, apply in one batch; the row labels are the form's", async () => {
    const a = over(model(21, true));
    const exported = await a.sim.meter.measure(() => a.actions.exportBindingMap());
    expect(exported.syncs).toHaveLength(3); // sheets and names (2), every row label (1)
    const parsed = parseBindingMap(exported.result.text);
    if (!parsed.ok) throw new Error(parsed.error);
    const seg = STATEMENTS[0];
    expect(parsed.map.bindings).toHaveLength(21 * seg.lines.length);
    const total = parsed.map.bindings.find((m) => m.owner === "Day 21" && m.name === "FOCUS_7180");
    expect(total?.label).toBe(seg.lines.find((l) => l.code === "7180")!.label);

    const b = over(model(21, false));
    const planned = await b.sim.meter.measure(() => b.actions.planBindingMap(exported.result.text));
    expect(planned.syncs).toHaveLength(3);
    expect(planned.result.conflicts).toEqual([]);
    const applied = await b.sim.meter.measure(() =>
      b.actions.applyBindingMap(planned.result, NONE)
    );
    expect(applied.result).toBe(21 * seg.lines.length);
    expect(applied.runs.filter((r) => r.syncs.length > 0)).toHaveLength(2); // a fresh read of the names, then one write
    expect(shape(await b.actions.bindings())).toEqual(shape(await a.actions.bindings()));
  });
});

/* ------------------------------------------------------------------------- */

const mapsSection = () => section(screen.getByRole("tabpanel", { name: "Bind" }), "Binding maps");
const fileInput = () =>
  within(mapsSection()).getByLabelText("Binding map file") as HTMLInputElement;
const button = (name: string | RegExp) => within(mapsSection()).getByRole("button", { name });

async function chooseFile(file: File) {
  const input = fileInput(); // outside act: opening the tab must render first
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  // FileReader answers in a later task: wait for the plan or the refusal.
  await waitFor(() => {
    const s = mapsSection();
    expect(
      within(s).queryByRole("alert") ?? within(s).queryByText(/Nothing changes until you apply/)
    ).not.toBeNull();
  });
}

/** Click outside act's batching first finds the button (opening its tab), then settles the action. */
async function press(name: string | RegExp) {
  const b = button(name);
  await act(async () => fireEvent.click(b));
}

const jsonFile = (text: string, name = "day.focus-map.json") =>
  new File([text], name, { type: "application/json" });

describe("Bind panel: binding maps", () => {
  let created: Blob[];
  let clicked: HTMLAnchorElement[];
  beforeEach(() => {
    created = [];
    clicked = [];
    // jsdom has no object URLs and does not navigate: record what would be downloaded.
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:map";
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push(this);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it("exports the map as a .focus-map.json download", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Bind");
    await press("Export bindings");
    expect(clicked.map((a) => a.download)).toEqual([MAP_FILE.fileName]);
    expect(await readAsText(created[0])).toBe(MAP_FILE.text);
    expect(
      within(mapsSection()).getByText(`Saved 26 bindings as ${MAP_FILE.fileName}.`)
    ).toBeTruthy();
  });

  it("copies to the clipboard, or shows the text to copy where the clipboard is blocked", async () => {
    const { actions } = fakeActions();
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await renderPane(actions);
    await openTab("Bind");
    await press("Copy to clipboard");
    expect(writeText).toHaveBeenCalledWith(MAP_FILE.text);
    expect(within(mapsSection()).getByText("Copied 26 bindings to the clipboard.")).toBeTruthy();

    writeText.mockRejectedValueOnce(new Error("NotAllowedError"));
    await press("Copy to clipboard");
    const box = within(mapsSection()).getByRole("textbox", {
      name: /select it all and copy/,
    }) as HTMLTextAreaElement;
    expect(box.value).toBe(MAP_FILE.text);
  });

  it("shows the plan, every conflict grouped by kind, before anything changes; Cancel writes nothing", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Bind");
    await chooseFile(jsonFile("{}"));
    expect(actions.planBindingMap).toHaveBeenCalledWith("{}");
    const s = mapsSection();
    expect(
      within(s).getByText(
        /day\.focus-map\.json holds 4 bindings: 1 name would be created without conflict, 1 already in place, 3 conflicts listed below/
      )
    ).toBeTruthy();
    for (const [group, text] of [
      ["Names that already refer elsewhere (1)", /already refers to 'Day 1'!\$E\$30/],
      ["Rows whose label differs from the map (1)", /reads "Excess funds"/],
      [
        "Sheets this workbook does not have (skipped) (1)",
        /sheet 'Targets' is not in this workbook/,
      ],
    ] as const) {
      expect(within(s).getByRole("heading", { name: group })).toBeTruthy();
      expect(within(within(s).getByRole("list", { name: group })).getByText(text)).toBeTruthy();
    }
    expect(actions.applyBindingMap).not.toHaveBeenCalled();
    fireEvent.click(button("Cancel"));
    expect(actions.applyBindingMap).not.toHaveBeenCalled();
    expect(within(mapsSection()).queryByRole("heading", { name: /Names that already/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button("Apply bindings from a map…")));
  });

  it("applies without the conflicting names by default, with them when ticked, in one call", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Bind");
    await chooseFile(jsonFile("{}"));
    expect(button("Apply: 1 name")).toBeTruthy();
    fireEvent.click(within(mapsSection()).getByRole("checkbox", { name: "Replace these names" }));
    expect(button("Apply: 1 name")).toBeTruthy(); // 7180's row label still differs
    fireEvent.click(
      within(mapsSection()).getByRole("checkbox", { name: "Bind these cells anyway" })
    );
    await press("Apply: 2 names");
    expect(actions.applyBindingMap).toHaveBeenCalledTimes(1);
    expect(actions.applyBindingMap).toHaveBeenCalledWith(MAP_PLAN, {
      replaceOccupied: true,
      acceptChangedLabels: true,
    });
    expect(
      within(mapsSection()).getByText("Applied day.focus-map.json: 2 names created or replaced.")
    ).toBeTruthy();
    expect(actions.bindings).toHaveBeenCalledTimes(2); // the list is read again
  });

  it("a file too large to be a map is refused before it is read", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Bind");
    await chooseFile(new File([new Uint8Array(3 * 1024 * 1024)], "huge.json"));
    expect(within(mapsSection()).getByRole("alert").textContent).toMatch(
      /huge\.json is 3\.0 MB; a binding map is at most 2 MB, so this is not one\./
    );
    expect(actions.planBindingMap).not.toHaveBeenCalled();
  });

  it("over a workbook: a file that is not JSON gets one sentence; a real map's conflicts come before any write", async () => {
    const wb = laidOut(false);
    wb.define("FOCUS_7180", "'Day 1'!$E$30", "Day 1");
    const actions: FocusActions = actionsOver(wb);
    await renderPane(actions);
    await openTab("Bind");
    await chooseFile(jsonFile("this is not a map", "notes.txt"));
    expect(within(mapsSection()).getByRole("alert").textContent).toMatch(
      /This file cannot be applied: the file is not JSON\./
    );
    const map = await actionsOver(laidOut(true)).exportBindingMap();
    await chooseFile(jsonFile(map.text));
    expect(
      within(mapsSection()).getByRole("list", { name: "Names that already refer elsewhere (1)" })
    ).toBeTruthy();
    expect(wb.writes).toEqual([]);
    fireEvent.click(button("Cancel"));
    expect(wb.writes).toEqual([]);
  });
});
