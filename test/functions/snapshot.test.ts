import { NotAvailable } from "../../src/functions/errors";
import { WorkbookSnapshot, type SnapshotTiming } from "../../src/functions/snapshot";
import type { WorkbookReader } from "../../src/workbook/port";
import { CountingReader, periodBook } from "./workbook";

const BOOK = periodBook([{ name: "Day 1", lines: { "7010": 100 } }]);

/** A snapshot on a clock the test moves by hand. */
function snapshotAt(timing: Partial<SnapshotTiming> = {}) {
  const clock = { now: 0 };
  const snapshot = new WorkbookSnapshot({
    ttlMs: 1000,
    sourceWaitMs: 10_000,
    now: () => clock.now,
    ...timing,
  });
  const readers: CountingReader[] = [];
  const source = () => {
    const reader = new CountingReader(BOOK);
    readers.push(reader);
    return reader;
  };
  return { snapshot, clock, readers, source };
}

describe("WorkbookSnapshot", () => {
  it("gives every call of one recalculation the same read", async () => {
    const { snapshot, readers, source } = snapshotAt();
    snapshot.setSource(source);
    const reports = await Promise.all(Array.from({ length: 200 }, () => snapshot.report()));
    expect(new Set(reports).size).toBe(1);
    expect(readers).toHaveLength(1);
    expect(readers[0].calls).toEqual({ structure: 1, readRanges: 1, readGrid: 0 });
  });

  it("reads again after invalidate()", async () => {
    const { snapshot, readers, source } = snapshotAt();
    snapshot.setSource(source);
    const first = await snapshot.report();
    expect(await snapshot.report()).toBe(first);
    snapshot.invalidate();
    expect(await snapshot.report()).not.toBe(first);
    expect(readers).toHaveLength(2);
  });

  it("reads again once a finished read is older than the time-to-live, never while one is in flight", async () => {
    const { snapshot, clock, readers, source } = snapshotAt();
    snapshot.setSource(source);
    const inFlight = snapshot.report();
    clock.now = 5000; // a slow read: still shared
    expect(snapshot.report()).toBe(inFlight);
    await inFlight; // finished at 5000
    clock.now = 5999;
    expect(snapshot.report()).toBe(inFlight);
    clock.now = 6000;
    const next = snapshot.report();
    expect(next).not.toBe(inFlight);
    await next;
    expect(readers).toHaveLength(2);
  });

  it("does not keep a failed read", async () => {
    const { snapshot, source } = snapshotAt();
    let fail = true;
    snapshot.setSource(() => {
      if (fail) throw new Error("InvalidOperationInCellEditMode");
      return source();
    });
    await expect(snapshot.report()).rejects.toThrow("InvalidOperationInCellEditMode");
    fail = false;
    await expect(snapshot.report()).resolves.toHaveProperty("scopes");
  });

  it("waits for the add-in to set the source, then reads it", async () => {
    const { snapshot, readers, source } = snapshotAt();
    const early = snapshot.report();
    snapshot.setSource(source);
    expect((await early).scopes.map((s) => s.scope)).toEqual(["Day 1"]);
    expect(readers).toHaveLength(1);
  });

  it("gives up waiting with #N/A when no source comes", async () => {
    const { snapshot } = snapshotAt({ sourceWaitMs: 5 });
    await expect(snapshot.report()).rejects.toThrow(NotAvailable);
    await expect(snapshot.report()).rejects.toThrow(/has not connected to the workbook yet/);
  });

  it("drops the read of the previous source when a new one is set", async () => {
    const { snapshot, source } = snapshotAt();
    snapshot.setSource(source);
    await snapshot.report();
    const other = {
      structure: async () => ({ sheets: [], names: [], calculation: "automatic" }),
    } as unknown as WorkbookReader;
    snapshot.setSource(() => other);
    expect((await snapshot.report()).scopes[0].findings.map((f) => f.kind)).toEqual([
      "no-bindings",
    ]);
  });
});

describe("the page's snapshot", () => {
  it("is one for every bundle that loads the module: the pane sets the source the functions read", async () => {
    // The pane and the functions are separate webpack bundles on one page: two copies of the module.
    let pane!: typeof import("../../src/functions/snapshot");
    let functions!: typeof import("../../src/functions/snapshot");
    jest.isolateModules(() => (pane = require("../../src/functions/snapshot")));
    jest.isolateModules(() => (functions = require("../../src/functions/snapshot")));
    expect(functions).not.toBe(pane);
    const readers: CountingReader[] = [];
    pane.setWorkbookSource(() => {
      readers.push(new CountingReader(BOOK));
      return readers[readers.length - 1];
    });
    const first = await functions.workbookReport();
    expect(await functions.workbookReport()).toBe(first);
    pane.invalidate();
    expect(await functions.workbookReport()).not.toBe(first);
    expect(readers).toHaveLength(2);
  });
});
