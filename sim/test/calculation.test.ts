/// <reference types="office-js" />
/**
 * The simulator's models of what Excel does around custom functions: recalculation holding syncs
 * (sim/custom-functions/calculation.ts), streaming functions, formula value preview
 * (custom-functions/preview.ts), and the task pane open or closed (sim/pane.ts).
 */
import { createExcelSim, CustomFunctionsRuntime, type ExcelSim } from "..";
import { fn } from "./metadata";

const METADATA = {
  functions: [
    // Reads A1 through Excel.run from inside the calculation, as FOCUS.LINE used to.
    fn("READA1", [], { volatile: true }),
    fn("LATER", [{ name: "n", type: "number" }]),
    fn("FEED", [{ name: "n", type: "number" }], { stream: true, requiresStreamAddress: true }),
    fn("PEEK", [{ name: "n", type: "number" }]),
  ],
};

interface Feed {
  n: number;
  address?: string;
  setResult(v: unknown): void;
  canceled: boolean;
}

function setup() {
  const runtime = new CustomFunctionsRuntime();
  const feeds: Feed[] = [];
  const later: ((v: number) => void)[] = [];
  const previews: unknown[] = [];
  runtime.associate({
    READA1: async () =>
      sim.Excel.run(async (context) => {
        const a1 = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
        await context.sync();
        return a1.values[0][0];
      }),
    LATER: (n: number) => new Promise<number>((resolve) => later.push((v) => resolve(v + n))),
    FEED: (n: number, invocation: CustomFunctions.StreamingInvocation<number>) => {
      const feed: Feed = {
        n,
        address: invocation.address,
        setResult: (v) => invocation.setResult(v as number),
        canceled: false,
      };
      invocation.onCanceled = () => void (feed.canceled = true);
      feeds.push(feed);
    },
    PEEK: async (n: number, invocation: CustomFunctions.Invocation) => {
      previews.push(invocation.isInValuePreview ?? false);
      if (!invocation.isInValuePreview) return n;
      // What a function must not do in a preview: read the workbook.
      return sim.Excel.run(async (context) => {
        const a1 = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
        await context.sync();
        return a1.values[0][0];
      });
    },
  });
  const sim: ExcelSim = createExcelSim({
    workbook: { sheets: [{ name: "S", cells: [{ ref: "A1", value: 7 }] }] },
    customFunctions: { namespace: "T", metadata: METADATA, runtime },
  });
  return { sim, state: sim.state, feeds, later, previews };
}

describe("recalculation: Excel answers syncs between calculations, not during one", () => {
  it("never completes a function that awaits Excel.run inside the calculation: the cell stays #BUSY!", async () => {
    const { state } = setup();
    await state.setFormula("S", "B1", "=T.READA1()");
    expect(state.value("S", "B1")).toBe("#BUSY!");
    expect(state.calculation).toMatchObject({
      inProgress: true,
      syncsDuringCalculation: 1,
      heldSyncs: 1,
      hangs: 1,
    });
  });

  it("holds a sync made during a calculation until it ends, then runs it: no hang when no function waits on it", async () => {
    const { sim, state, later } = setup();
    void state.setFormula("S", "B1", "=T.LATER(1)");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.calculation.inProgress).toBe(true);
    let read: unknown = "not yet";
    const pane = sim.Excel.run(async (context) => {
      const b = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
      await context.sync();
      read = b.values[0][0];
    });
    // A few round trips of the event loop's microtasks (no timer turns: the function is held by the test).
    for (let i = 0; i < 10 && state.calculation.heldSyncs === 0; i++) await Promise.resolve();
    expect(read).toBe("not yet");
    expect(state.calculation.heldSyncs).toBe(1);
    later[0](41);
    await pane;
    await state.idle();
    expect(read).toBe(7);
    expect(state.value("S", "B1")).toBe(42);
    expect(state.calculation).toMatchObject({
      inProgress: false,
      syncsDuringCalculation: 1,
      hangs: 0,
    });
  });

  it("counts no sync when none is made during a calculation", async () => {
    const { sim, state } = setup();
    await state.setValue("S", "A2", 1);
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A3").values = [[2]];
      await context.sync();
    });
    expect(state.calculation).toMatchObject({ syncsDuringCalculation: 0, hangs: 0 });
  });
});

describe("streaming functions", () => {
  it("are called once; every setResult is placed, and what depends on the cell follows", async () => {
    const { state, feeds } = setup();
    await state.setFormula("S", "C1", "=B1*2");
    void state.setFormula("S", "B1", "=T.FEED(A1)");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.value("S", "B1")).toBe("#BUSY!");
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({ n: 7, address: "S!B1" });
    // Called, it no longer holds the calculation.
    expect(state.calculation.inProgress).toBe(false);
    feeds[0].setResult(10);
    await state.idle();
    expect([state.value("S", "B1"), state.value("S", "C1")]).toEqual([10, 20]);
    feeds[0].setResult(11);
    await state.idle();
    expect([state.value("S", "B1"), state.value("S", "C1")]).toEqual([11, 22]);
    // An unrelated edit calls nothing again.
    await state.setValue("S", "A2", 1);
    expect(feeds).toHaveLength(1);
  });

  it("are cancelled when their arguments change or the formula goes, and called afresh by F9", async () => {
    const { state, feeds } = setup();
    void state.setFormula("S", "B1", "=T.FEED(A1)");
    await new Promise((resolve) => setTimeout(resolve, 0));
    feeds[0].setResult(1);
    await state.idle();
    // (A user's edit resolves once the calls it started have answered: not awaited here.)
    void state.setValue("S", "A1", 8);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(feeds.map((f) => [f.n, f.canceled])).toEqual([
      [7, true],
      [8, false],
    ]);
    feeds[0].setResult(99); // too late: cancelled
    feeds[1].setResult(2);
    await state.idle();
    expect(state.value("S", "B1")).toBe(2);
    void state.calculate();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(feeds.map((f) => f.canceled)).toEqual([true, true, false]);
    feeds[2].setResult(3);
    await state.idle();
    await state.setValue("S", "B1", null);
    expect(feeds[2].canceled).toBe(true);
  });
});

describe("formula value preview", () => {
  it("calls the functions with isInValuePreview, writes nothing, and counts a sync made meanwhile (it fails: Excel is in cell-edit mode)", async () => {
    const { state, previews } = setup();
    const before = state.snapshot();
    expect(await state.previewValue("S", "B5", "=T.PEEK(3)")).toBe("#VALUE!");
    expect(previews).toEqual([true]);
    expect(state.calculation.syncsDuringValuePreview).toBe(1);
    expect(state.snapshot()).toEqual(before);
    // Entered for real, the same formula calls the function normally.
    await state.setFormula("S", "B5", "=T.PEEK(3)+1");
    expect(state.value("S", "B5")).toBe(4);
    expect(previews).toEqual([true, false]);
  });

  it("takes a streaming function's first result", async () => {
    const { state, feeds } = setup();
    const shown = state.previewValue("S", "B1", "=T.FEED(5)*3");
    await new Promise((resolve) => setTimeout(resolve, 0));
    feeds[0].setResult(2);
    expect(await shown).toBe(6);
    expect(state.value("S", "B1")).toBeNull();
  });
});

describe("the task pane", () => {
  it("starts closed; what it mounts runs only while it is open; the runtime's code runs regardless", async () => {
    const { sim, state } = setup();
    const visibility: string[] = [];
    await sim.Office.addin.onVisibilityModeChanged((e) => void visibility.push(e.visibilityMode));
    const paneEvents: string[] = [];
    await state.pane.setMount(() => {
      paneEvents.push("mounted");
      return () => void paneEvents.push("unmounted");
    });
    expect(state.pane.isOpen).toBe(false);
    expect(paneEvents).toEqual([]);
    // Formulas and the add-in's batches work with the pane closed.
    await state.setFormula("S", "D1", "=A1+1");
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("D2").values = [[1]];
      await context.sync();
    });
    expect(state.value("S", "D1")).toBe(8);
    expect(state.pane.mounts).toBe(0);
    await sim.Office.addin.showAsTaskpane();
    expect(state.pane.isOpen).toBe(true);
    await sim.Office.addin.hide();
    await state.pane.show();
    expect(paneEvents).toEqual(["mounted", "unmounted", "mounted"]);
    expect(visibility).toEqual(["Taskpane", "Hidden", "Taskpane"]);
  });
});
