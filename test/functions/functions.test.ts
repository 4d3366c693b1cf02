/// <reference types="custom-functions-runtime" />
import { check, line, status } from "../../src/functions/functions";
import { liveReport, setWorkbookSource, workbookChanged } from "../../src/functions/snapshot";
import { cellOf, CountingReader, periodBook, type PeriodSheet } from "./workbook";

/** Excel's error as the stub runtime builds it: what the cell would show. */
class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const runtime = {
  Error: ExcelError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  associate: () => undefined,
};

beforeAll(() => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
});
afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

type Streaming = (
  arg: string | number,
  scope: string | null | undefined,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each function streams its own result type
  invocation: CustomFunctions.StreamingInvocation<any>
) => void;

/** A cell calling a streaming FOCUS function, as Excel calls it: every result it is given, and cancel(). */
function cellCalling(
  fn: Streaming,
  arg: string | number,
  scope: string | null | undefined,
  address: string,
  { preview = false } = {}
) {
  const results: unknown[] = [];
  let waiters: (() => void)[] = [];
  const invocation = {
    address,
    ...(preview ? { isInValuePreview: true } : {}),
    setResult: (v: unknown) => {
      results.push(v);
      const woken = waiters;
      waiters = [];
      woken.forEach((wake) => wake());
    },
  } as unknown as CustomFunctions.StreamingInvocation<unknown>;
  fn(arg, scope, invocation);
  return {
    results,
    /** The n-th result the cell is given, once it comes. */
    nth(n: number): Promise<unknown> {
      return new Promise((resolve) => {
        const check = () =>
          results.length >= n ? resolve(results[n - 1]) : void waiters.push(check);
        check();
      });
    },
    first(): Promise<unknown> {
      return this.nth(1);
    },
    cancel: () => invocation.onCanceled?.(),
  };
}

/** The first result of a cell calling fn: what it shows once the add-in has read the workbook. */
const shown = (
  fn: Streaming,
  arg: string | number,
  scope: string | null | undefined,
  address: string
) => cellCalling(fn, arg, scope, address).first();

const quiet = () => new Promise((resolve) => setTimeout(resolve, 250));

const day = (name: string, lines: PeriodSheet["lines"]): PeriodSheet => ({ name, lines });
const DAY_1 = day("Day 1", {
  "7010": 100,
  "7020": 20,
  "7040": 120,
  "7070": 150,
  "7180": 150,
  "7060": 120,
  "7190": 30,
});
/** 7040 keyed 5 over its parts, deficient by 25, and a word where the target belongs. */
const DAY_2 = day("Day 2", {
  "7010": 100,
  "7020": 20,
  "7040": 125,
  "7060": 125,
  "7070": 100,
  "7180": 100,
  "7190": -25,
  "7194": "lots",
});

/** Serve `bytes`, counting the readers made and their reads. */
function serve(bytes: Uint8Array): CountingReader[] {
  const readers: CountingReader[] = [];
  setWorkbookSource(() => {
    readers.push(new CountingReader(bytes));
    return readers[readers.length - 1];
  });
  return readers;
}

describe("FOCUS.LINE, FOCUS.CHECK and FOCUS.STATUS in Excel", () => {
  beforeEach(() => serve(periodBook([DAY_1, DAY_2, { name: "Summary" }])));

  it("read the calling cell's sheet, or the scope given", async () => {
    const results = await Promise.all([
      shown(line, 7040, null, "'Day 1'!F1"),
      shown(line, "7040", "Day 2", "'Day 1'!F1"),
      shown(check, 7180, undefined, "'Day 1'!F2"),
      shown(check, 7040, "day 2", "Summary!B2"),
      shown(status, "4d2", null, "'Day 1'!F3"),
      shown(status, "4d2", "Day 2", "Summary!B3"),
    ]);
    expect(results).toEqual([120, 125, "OK", 5, "OK", "DEFICIENT"]);
  });

  it("show a bad argument or an unreadable cell as #VALUE! with the reason", async () => {
    expect(await shown(line, 9999, null, "'Day 1'!F1")).toEqual(
      new ExcelError("#VALUE!", "unknown FOCUS code 9999")
    );
    expect(await shown(check, 7010, null, "'Day 1'!F1")).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/not a total/),
    });
    expect(await shown(status, "4d9", null, "'Day 1'!F1")).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/unknown statement/),
    });
    expect(await shown(line, 7010, "Day 9", "'Day 1'!F1")).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/no scope "Day 9"/),
    });
    expect(await shown(line, 7010, null, "Summary!A1")).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/sheet 'Summary' holds no FOCUS_ names/),
    });
    expect(await shown(line, 7194, null, "'Day 2'!F1")).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining(`${cellOf(DAY_2, "7194")}: text "lots"`),
    });
  });

  it("show a line with nothing bound behind it as #N/A", async () => {
    expect(await shown(line, 7045, null, "'Day 1'!F1")).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/not bound in scope "Day 1"/),
    });
  });

  it("show a workbook that cannot be read as #N/A with the reason", async () => {
    setWorkbookSource(() => {
      throw new Error("InvalidOperationInCellEditMode");
    });
    expect(await shown(line, 7010, null, "'Day 1'!F1")).toMatchObject({
      code: "#N/A",
      message: "the workbook could not be read: InvalidOperationInCellEditMode",
    });
  });
});

describe("one read per burst of calls, none inside a call", () => {
  it("reads nothing while the calls arrive, then once for all of them", async () => {
    const readers = serve(periodBook([DAY_1, DAY_2]));
    const cells = ["Day 1", "Day 2"].flatMap((sheet) =>
      Array.from({ length: 40 }, (_, row) => [
        cellCalling(line, 7040, null, `'${sheet}'!F${row + 1}`),
        cellCalling(check, 7180, null, `'${sheet}'!G${row + 1}`),
        cellCalling(status, "4d2", null, `'${sheet}'!H${row + 1}`),
      ]).flat()
    );
    // Excel is still calling the functions: not one read has started.
    expect(readers).toHaveLength(0);
    await Promise.all(cells.map((c) => c.first()));
    expect(readers).toHaveLength(1);
    expect(readers[0].calls).toEqual({ structure: 1, readRanges: 1, readGrid: 0 });
  });

  it("follows an edit of a bound cell without F9: the change event brings a new result to the same call", async () => {
    let bytes = periodBook([DAY_1]);
    const readers: CountingReader[] = [];
    setWorkbookSource(() => {
      readers.push(new CountingReader(bytes));
      return readers[readers.length - 1];
    });
    const amount = cellCalling(line, 7010, null, "'Day 1'!F1");
    const tie = cellCalling(check, 7040, null, "'Day 1'!F2");
    expect([await amount.first(), await tie.first()]).toEqual([100, "OK"]);

    // The preparer keys 7010 again; the runtime hears onChanged and reads once things are quiet.
    bytes = periodBook([day("Day 1", { ...DAY_1.lines, "7010": 250 })]);
    workbookChanged();
    expect([await amount.nth(2), await tie.nth(2)]).toEqual([250, -150]); // 120 reported, 250 + 20 computed
    expect(readers).toHaveLength(2);
  });

  it("gives a cell a new result only when it changed", async () => {
    const readers = serve(periodBook([DAY_1]));
    const amount = cellCalling(line, 7010, null, "'Day 1'!F1");
    await amount.first();
    workbookChanged();
    await quiet();
    expect(readers).toHaveLength(2);
    expect(amount.results).toEqual([100]);
  });

  it("stops following once Excel cancels the call (formula changed or cleared)", async () => {
    serve(periodBook([DAY_1]));
    const amount = cellCalling(line, 7010, null, "'Day 1'!F1");
    await amount.first();
    const following = liveReport().followers;
    amount.cancel();
    expect(liveReport().followers).toBe(following - 1);
  });
});

describe("formula value preview", () => {
  it("never reads the workbook: before any read it shows #N/A and starts none", async () => {
    const readers = serve(periodBook([DAY_1]));
    const preview = cellCalling(line, 7010, null, "'Day 1'!F1", { preview: true });
    expect(preview.results).toEqual([
      expect.objectContaining({ code: "#N/A", message: expect.stringMatching(/no preview until/) }),
    ]);
    await quiet();
    expect(readers).toHaveLength(0);
  });

  it("answers from the last read, at once, without another", async () => {
    const readers = serve(periodBook([DAY_1]));
    await shown(line, 7010, null, "'Day 1'!F1");
    const preview = cellCalling(check, 7040, null, "'Day 1'!F2", { preview: true });
    expect(preview.results).toEqual(["OK"]);
    await quiet();
    expect(readers).toHaveLength(1);
  });
});

describe("outside Excel", () => {
  it("gives its own errors where there is no CustomFunctions runtime", async () => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    try {
      serve(periodBook([DAY_1]));
      expect(await shown(line, 9999, null, "'Day 1'!F1")).toMatchObject({ name: "BadArgument" });
    } finally {
      (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
    }
  });
});
