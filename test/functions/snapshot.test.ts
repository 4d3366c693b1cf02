import { NotAvailable } from "../../src/functions/errors";
import { LiveReport, type ReadOutcome } from "../../src/functions/snapshot";
import type { WorkbookReader } from "../../src/workbook/port";
import { CountingReader, periodBook } from "./workbook";

const BOOK = periodBook([{ name: "Day 1", lines: { "7010": 100 } }]);
const QUIET_MS = 20;
const later = (ms = QUIET_MS * 4) => new Promise((resolve) => setTimeout(resolve, ms));

/** A live report over BOOK, counting the readers it makes. */
function setup() {
  const live = new LiveReport({ quietMs: QUIET_MS });
  const readers: CountingReader[] = [];
  const source = () => {
    const reader = new CountingReader(BOOK);
    readers.push(reader);
    return reader;
  };
  return { live, readers, source };
}

/** A follower that records every outcome pushed to it. */
function follower() {
  const seen: ReadOutcome[] = [];
  return { seen, push: (o: ReadOutcome) => void seen.push(o) };
}

describe("LiveReport", () => {
  it("reads once, after the calls stop coming, for every cell that follows", async () => {
    const { live, readers, source } = setup();
    live.setSource(source);
    const cells = Array.from({ length: 200 }, follower);
    for (const c of cells) live.subscribe(c.push);
    expect(readers).toHaveLength(0); // nothing read while the calls arrive
    await later();
    expect(readers).toHaveLength(1);
    expect(readers[0].calls).toEqual({ structure: 1, readRanges: 1, readGrid: 0 });
    expect(new Set(cells.map((c) => c.seen[0])).size).toBe(1);
    expect(cells.every((c) => c.seen.length === 1)).toBe(true);
  });

  it("gives a new follower the last read at once, then reads again after the quiet time", async () => {
    const { live, readers, source } = setup();
    live.setSource(source);
    live.subscribe(follower().push);
    await later();
    const late = follower();
    live.subscribe(late.push);
    expect(late.seen).toHaveLength(1);
    await later();
    expect(readers).toHaveLength(2);
    expect(late.seen).toHaveLength(2);
  });

  it("reads again after a change, and a change during a read brings one more read", async () => {
    const { live, readers, source } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    live.setSource(() => {
      const reader = source();
      // The first read waits, as a sync does, while another change arrives.
      if (readers.length === 1) {
        const structure = reader.structure.bind(reader);
        reader.structure = async () => {
          await gate;
          return structure();
        };
      }
      return reader;
    });
    live.subscribe(follower().push);
    await later();
    expect(readers).toHaveLength(1);
    live.changed();
    await later();
    expect(readers).toHaveLength(1); // still reading: the change waits for it
    release();
    await later();
    expect(readers).toHaveLength(2);
  });

  it("pushes why a read failed, as #N/A, and tries again on the next change", async () => {
    const { live, source } = setup();
    let fail = true;
    live.setSource(() => {
      if (fail) throw new Error("InvalidOperationInCellEditMode");
      return source();
    });
    const cell = follower();
    live.subscribe(cell.push);
    await later();
    expect(cell.seen[0]).toEqual({
      failure: new NotAvailable("the workbook could not be read: InvalidOperationInCellEditMode"),
    });
    fail = false;
    live.changed();
    await later();
    expect(cell.seen[1]).toHaveProperty("report.scopes");
  });

  it("says the add-in has not connected when there is no source", async () => {
    const live = new LiveReport({ quietMs: QUIET_MS });
    const cell = follower();
    live.subscribe(cell.push);
    await later();
    expect(cell.seen[0]).toMatchObject({
      failure: expect.objectContaining({ message: expect.stringMatching(/has not connected/) }),
    });
  });

  it("runs `prepare` once, before the first read", async () => {
    const { live, readers, source } = setup();
    const order: string[] = [];
    live.setSource(
      () => {
        order.push("read");
        return source();
      },
      async () => void order.push("prepare")
    );
    live.subscribe(follower().push);
    await later();
    live.changed();
    await later();
    expect(order).toEqual(["prepare", "read", "read"]);
    expect(readers).toHaveLength(2);
  });

  it("forgets the previous workbook and its cells when a new source is set", async () => {
    const { live, source } = setup();
    live.setSource(source);
    const old = follower();
    live.subscribe(old.push);
    await later();
    const other = {
      structure: async () => ({ sheets: [], names: [], calculation: "automatic" }),
    } as unknown as WorkbookReader;
    live.setSource(() => other);
    expect(live.current()).toBeNull();
    expect(live.followers).toBe(0);
    await later();
    expect(old.seen).toHaveLength(1);
  });
});

describe("the page's live report", () => {
  it("is one for every bundle that loads the module", () => {
    // The pane and the functions are separate webpack bundles on one page: two copies of the module.
    let pane!: typeof import("../../src/functions/snapshot");
    let functions!: typeof import("../../src/functions/snapshot");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules needs require() for a fresh copy
    jest.isolateModules(() => (pane = require("../../src/functions/snapshot")));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules needs require() for a fresh copy
    jest.isolateModules(() => (functions = require("../../src/functions/snapshot")));
    expect(functions).not.toBe(pane);
    expect(functions.liveReport()).toBe(pane.liveReport());
  });
});
