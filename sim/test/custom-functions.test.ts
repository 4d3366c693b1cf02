/// <reference types="office-js" />
import { createExcelSim, CustomFunctionsRuntime, type ExcelSim } from "..";
import { fn } from "./metadata";
import type { WorkbookModel } from "../xlsx-writer";

const BOOK: WorkbookModel = {
  sheets: [
    {
      name: "Day 1",
      cells: [
        { ref: "A1", value: 21 },
        { ref: "A2", value: "words" },
      ],
    },
  ],
};

const METADATA = {
  functions: [
    fn("DOUBLE", [{ name: "n", type: "number" }]),
    fn("LATER", [{ name: "n", type: "number" }]),
    fn("FAIL", [{ name: "how", type: "string" }]),
    fn("ECHO", [
      { name: "a", type: "any" },
      { name: "b", type: "any", optional: true },
    ]),
    fn("WHERE", [], { requiresAddress: true }),
    fn("TICK", [], { volatile: true }),
    fn("UNASSOCIATED", []),
  ],
};

/** A promise settled from outside, to hold an async function's answer back. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

interface Setup {
  sim: ExcelSim;
  runtime: CustomFunctionsRuntime;
  calls: Record<string, unknown[][]>;
  later: ReturnType<typeof deferred<number>>[];
}

function setup(): Setup {
  const runtime = new CustomFunctionsRuntime();
  const calls: Record<string, unknown[][]> = {};
  const later: ReturnType<typeof deferred<number>>[] = [];
  const record =
    <A extends unknown[], R>(id: string, body: (...args: A) => R) =>
    (...args: A): R => {
      (calls[id] ??= []).push(args);
      return body(...args);
    };
  let ticks = 0;
  runtime.associate({
    DOUBLE: record("DOUBLE", (n: number) => n * 2),
    LATER: record("LATER", (n: number) => {
      const d = deferred<number>();
      later.push(d);
      return d.promise.then((v) => v + n);
    }),
    FAIL: record("FAIL", (how: string) => {
      if (how === "n/a") throw new runtime.Error(runtime.ErrorCode.notAvailable, "not bound");
      if (how === "reject") return Promise.reject(new Error("network"));
      throw new Error("bug");
    }),
    ECHO: record("ECHO", (a: unknown, b: unknown) => `${String(a)}|${String(b)}`),
    WHERE: record(
      "WHERE",
      (invocation: CustomFunctions.Invocation) => invocation.address ?? "none"
    ),
    TICK: record("TICK", () => ++ticks),
  });
  const sim = createExcelSim({
    workbook: BOOK,
    customFunctions: { namespace: "TEST", metadata: METADATA, runtime },
  });
  return { sim, runtime, calls, later };
}

describe("custom functions in formulas", () => {
  it("shows #BUSY! until the function answers, then its result and what depends on it", async () => {
    const { sim, calls } = setup();
    const { state } = sim;
    const typed = state.setFormula("Day 1", "B1", "=TEST.DOUBLE(A1)");
    expect(state.value("Day 1", "B1")).toBe("#BUSY!");
    await typed;
    expect(state.value("Day 1", "B1")).toBe(42);
    await state.setFormula("Day 1", "C1", "=B1+1");
    expect(state.value("Day 1", "C1")).toBe(43);
    expect(calls.DOUBLE).toEqual([[21, { functionName: "TEST.DOUBLE" }]]);
  });

  it("waits for an async answer, recalculating the cell when it arrives", async () => {
    const { sim, later } = setup();
    const { state } = sim;
    const calculated: string[] = [];
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onCalculated.add(async (e) => void calculated.push(e.address));
      await ctx.sync();
    });
    // Not awaited: a user's edit resolves only once the functions it started have answered.
    void state.setFormula("Day 1", "B1", "=TEST.LATER(A1)");
    void state.setFormula("Day 1", "C1", "=B1*2");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([state.value("Day 1", "B1"), state.value("Day 1", "C1")]).toEqual(["#BUSY!", "#BUSY!"]);
    expect(later).toHaveLength(1);
    calculated.length = 0;
    later[0].resolve(100);
    await state.idle();
    expect([state.value("Day 1", "B1"), state.value("Day 1", "C1")]).toEqual([121, 242]);
    expect(calculated).toEqual(["B1:C1"]);
  });

  it("turns thrown errors, rejections and bad arguments into the errors Excel shows", async () => {
    const { sim, calls } = setup();
    const { state } = sim;
    await state.setFormula("Day 1", "B1", '=TEST.FAIL("n/a")');
    await state.setFormula("Day 1", "B2", '=TEST.FAIL("reject")');
    await state.setFormula("Day 1", "B3", '=TEST.FAIL("throw")');
    await state.setFormula("Day 1", "B4", "=TEST.DOUBLE(A2)");
    await state.setFormula("Day 1", "B5", "=TEST.DOUBLE(1,2)");
    await state.setFormula("Day 1", "B6", "=TEST.NOSUCH(1)");
    await state.setFormula("Day 1", "B7", "=TEST.UNASSOCIATED()");
    expect(["B1", "B2", "B3", "B4", "B5", "B6", "B7"].map((a) => state.value("Day 1", a))).toEqual([
      "#N/A",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#NAME?",
      "#NAME?",
    ]);
    // Text where a number is declared never reaches the function.
    expect(calls.DOUBLE).toBeUndefined();
  });

  it("passes omitted arguments as null and, with requiresAddress, the calling cell", async () => {
    const { sim } = setup();
    const { state } = sim;
    await state.setFormula("Day 1", "B1", "=TEST.ECHO(A1)");
    await state.setFormula("Day 1", "B2", "=TEST.ECHO(A9,A2)");
    await state.setFormula("Day 1", "B3", "=TEST.WHERE()");
    expect(state.value("Day 1", "B1")).toBe("21|null");
    expect(state.value("Day 1", "B2")).toBe("null|words");
    expect(state.value("Day 1", "B3")).toBe("'Day 1'!B3");
  });

  it("calls a volatile function again after every change, others only when their arguments change", async () => {
    const { sim, calls } = setup();
    const { state } = sim;
    await state.setFormula("Day 1", "B1", "=TEST.TICK()");
    await state.setFormula("Day 1", "B2", "=TEST.DOUBLE(A1)");
    expect(state.value("Day 1", "B1")).toBe(2); // entering B2 was a change too
    await state.setValue("Day 1", "D1", 5);
    expect(state.value("Day 1", "B1")).toBe(3);
    expect(calls.DOUBLE).toHaveLength(1);
    await state.setValue("Day 1", "A1", 4);
    expect(state.value("Day 1", "B2")).toBe(8);
    expect(calls.DOUBLE).toHaveLength(2);
    await state.calculate();
    expect(state.value("Day 1", "B1")).toBe(5);
    expect(calls.TICK).toHaveLength(5);
  });

  it("saves a pending result as no result, so the file stays valid", async () => {
    const { sim } = setup();
    const { state } = sim;
    void state.setFormula("Day 1", "B1", "=TEST.LATER(1)");
    await Promise.resolve();
    expect(state.value("Day 1", "B1")).toBe("#BUSY!");
    const reopened = createExcelSim({ workbook: state.toXlsx() });
    expect(reopened.state.formula("Day 1", "B1")).toBe("=TEST.LATER(1)");
  });
});

// The FOCUS functions themselves, in this simulator: test/functions/in-excel.test.ts.
