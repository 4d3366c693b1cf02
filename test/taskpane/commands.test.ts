/// <reference types="office-js" />
import type { RibbonResult } from "../../src/taskpane/actions";
import { dayOneWorkbook, type FakeWorkbook } from "./fake-workbook";

// The ribbon's bundle builds its actions over the Office adapter: here, over the fake workbook.
let workbook: FakeWorkbook;
jest.mock("../../src/workbook/office", () => ({ createOfficeWorkbook: () => workbook }), { virtual: true });

const published: RibbonResult[] = [];
const showAsTaskpane = jest.fn(async () => undefined);
const supported = new Set(["1.4", "1.6", "1.7", "1.8", "1.9", "1.18", "1.20", "1.1"]);

beforeAll(() => {
  const target = new EventTarget();
  Object.assign(globalThis, {
    window: Object.assign(target, { CustomEvent }),
    Office: {
      onReady: jest.fn(),
      actions: { associate: jest.fn() },
      addin: { showAsTaskpane },
      context: { requirements: { isSetSupported: (_name: string, v: string) => supported.has(v) } },
    },
  });
  target.addEventListener("focus-check:report", (e) => published.push((e as CustomEvent<RibbonResult>).detail));
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).window;
  delete (globalThis as Record<string, unknown>).Office;
});

const event = () => ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & { completed: jest.Mock };

describe("ribbon Validate", () => {
  beforeEach(() => {
    jest.resetModules();
    published.length = 0;
    showAsTaskpane.mockClear();
  });

  it("is registered under the manifest's function name", async () => {
    const { validate } = await import("../../src/commands/commands");
    expect(Office.actions.associate).toHaveBeenCalledWith("validate", validate);
  });

  it("validates, highlights, hands the result to the pane, shows it and completes", async () => {
    workbook = dayOneWorkbook();
    const { validate } = await import("../../src/commands/commands");
    const e = event();
    await validate(e);
    expect(workbook.highlights.map((h) => h.address)).toEqual(["E12"]);
    expect(published).toHaveLength(1);
    expect(published[0].marks).toBe(1);
    expect(published[0].report.scopes[0].scope).toBe("Day 1");
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(e.completed).toHaveBeenCalledTimes(1);
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
