/// <reference types="office-js" />
import { createExcelSim, type ExcelSim } from "../../sim";
import type { RibbonResult } from "../../src/taskpane/actions";
import { dayOneWorkbook, type RecordedWorkbook } from "./recorded-workbook";

// The ribbon's bundle builds its actions over the Office adapter: here, the adapter over the simulator, recorded.
let workbook: RecordedWorkbook;
jest.mock("../../src/workbook/office", () => ({ createOfficeWorkbook: () => workbook }), {
  virtual: true,
});

const published: RibbonResult[] = [];
// Office.addin and the pane's focus from the simulator (sim/addin.ts: showAsTaskpane moves
// keyboard focus into the pane, office-js#5050); requirement sets from it too.
let sim: ExcelSim;

beforeAll(() => {
  const target = new EventTarget();
  sim = createExcelSim();
  Object.assign(globalThis, {
    window: Object.assign(target, { CustomEvent }),
    Office: {
      onReady: jest.fn(),
      actions: { associate: jest.fn() },
      get addin() {
        return sim.Office.addin;
      },
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) =>
            sim.Office.context.requirements.isSetSupported(name, v),
        },
      },
    },
  });
  target.addEventListener("focus-check:report", (e) =>
    published.push((e as CustomEvent<RibbonResult>).detail)
  );
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).window;
  delete (globalThis as Record<string, unknown>).Office;
});

const event = () =>
  ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & { completed: jest.Mock };

describe("ribbon Validate", () => {
  beforeEach(() => {
    jest.resetModules();
    published.length = 0;
    sim = createExcelSim();
  });

  it("is registered under the manifest's function name", async () => {
    const { validate } = await import("../../src/commands/commands");
    expect(Office.actions.associate).toHaveBeenCalledWith("validate", validate);
  });

  it("validates, marks the cells, hands the result to the pane and completes, leaving keyboard focus in the grid", async () => {
    workbook = dayOneWorkbook();
    const { validate } = await import("../../src/commands/commands");
    const e = event();
    await validate(e);
    expect(workbook.highlights.map((h) => h.address)).toEqual(["E12"]);
    expect(published).toHaveLength(1);
    expect(published[0].marks).toBe(1);
    expect(published[0].report.scopes[0].scope).toBe("Day 1");
    expect(published[0].report.scopes[0].findings.some((f) => f.severity !== "info")).toBe(true);
    // Findings, yet the pane is not forced open: focus stays where the user was (office-js#5050).
    expect(sim.taskpane.calls).toEqual([]);
    expect(sim.taskpane.paneVisible).toBe(false);
    expect(sim.taskpane.focus).toBe("grid");
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("with the pane already open, the result lands there and focus is not moved", async () => {
    workbook = dayOneWorkbook();
    sim.taskpane.userOpensPane();
    sim.taskpane.userClicksGrid(); // back to the cells, then the ribbon
    const { validate } = await import("../../src/commands/commands");
    await validate(event());
    expect(published).toHaveLength(1);
    expect(sim.taskpane.focus).toBe("grid");
    expect(sim.taskpane.calls).toEqual([]);
  });

  it("a result published before the pane listened reaches the first listener once (the pane opened later)", async () => {
    workbook = dayOneWorkbook();
    const { validate } = await import("../../src/commands/commands");
    await validate(event());
    const { onRibbonResult } = await import("../../src/taskpane/actions");
    const first: RibbonResult[] = [];
    const second: RibbonResult[] = [];
    const stop = onRibbonResult((r) => first.push(r));
    onRibbonResult((r) => second.push(r))();
    expect(first.map((r) => r.marks)).toEqual([1]);
    expect(second).toEqual([]);
    stop();
  });

  it("completes the event even when validation fails", async () => {
    workbook = dayOneWorkbook();
    jest.spyOn(workbook, "structure").mockRejectedValue(new Error("Excel went away"));
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { validate } = await import("../../src/commands/commands");
    const e = event();
    await validate(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(published).toHaveLength(0);
    expect(console.error).toHaveBeenCalledWith("FOCUS ribbon Validate:", "Excel went away");
  });
});
