/// <reference types="custom-functions-runtime" />
import { check, line, status } from "../../src/functions/functions";
import { invalidate, setWorkbookSource } from "../../src/functions/snapshot";
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

/** The calling cell. */
const at = (address: string): CustomFunctions.Invocation => ({ address });

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
    expect(await line(7040, null, at("'Day 1'!F1"))).toBe(120);
    expect(await line("7040", "Day 2", at("'Day 1'!F1"))).toBe(125);
    expect(await check(7180, undefined, at("'Day 1'!F2"))).toBe("OK");
    expect(await check(7040, "day 2", at("Summary!B2"))).toBe(5);
    expect(await status("4d2", null, at("'Day 1'!F3"))).toBe("OK");
    expect(await status("4d2", "Day 2", at("Summary!B3"))).toBe("DEFICIENT");
  });

  it("show a bad argument or an unreadable cell as #VALUE! with the reason", async () => {
    await expect(line(9999, null, at("'Day 1'!F1"))).rejects.toEqual(
      new ExcelError("#VALUE!", "unknown FOCUS code 9999")
    );
    await expect(check(7010, null, at("'Day 1'!F1"))).rejects.toMatchObject({
      code: "#VALUE!",
      message: /not a total/,
    });
    await expect(status("4d9", null, at("'Day 1'!F1"))).rejects.toMatchObject({
      code: "#VALUE!",
      message: /unknown statement/,
    });
    await expect(line(7010, "Day 9", at("'Day 1'!F1"))).rejects.toMatchObject({
      code: "#VALUE!",
      message: /no scope "Day 9"/,
    });
    await expect(line(7010, null, at("Summary!A1"))).rejects.toMatchObject({
      code: "#VALUE!",
      message: /sheet 'Summary' holds no FOCUS_ names/,
    });
    await expect(line(7194, null, at("'Day 2'!F1"))).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining(`${cellOf(DAY_2, "7194")}: text "lots"`),
    });
  });

  it("show a line with nothing bound behind it as #N/A", async () => {
    await expect(line(7045, null, at("'Day 1'!F1"))).rejects.toMatchObject({
      code: "#N/A",
      message: /not bound in scope "Day 1"/,
    });
  });

  it("show a workbook that cannot be read as #N/A with the reason", async () => {
    setWorkbookSource(() => {
      throw new Error("InvalidOperationInCellEditMode");
    });
    await expect(line(7010, null, at("'Day 1'!F1"))).rejects.toMatchObject({
      code: "#N/A",
      message: "the workbook could not be read: InvalidOperationInCellEditMode",
    });
  });
});

describe("one read per recalculation", () => {
  it("serves every FOCUS call of a recalculation from one read of the workbook", async () => {
    const readers = serve(periodBook([DAY_1, DAY_2]));
    const recalculation = ["Day 1", "Day 2"].flatMap((sheet) =>
      Array.from({ length: 40 }, (_, row) => [
        line(7040, null, at(`'${sheet}'!F${row + 1}`)),
        check(7180, null, at(`'${sheet}'!G${row + 1}`)),
        status("4d2", null, at(`'${sheet}'!H${row + 1}`)),
      ]).flat()
    );
    await Promise.allSettled(recalculation);
    expect(readers).toHaveLength(1);
    expect(readers[0].calls).toEqual({ structure: 1, readRanges: 1, readGrid: 0 });
  });

  it("follows an edit of a bound cell without F9: the add-in's change event invalidates the read", async () => {
    let bytes = periodBook([DAY_1]);
    const readers: CountingReader[] = [];
    setWorkbookSource(() => {
      readers.push(new CountingReader(bytes));
      return readers[readers.length - 1];
    });
    expect(await line(7010, null, at("'Day 1'!F1"))).toBe(100);
    expect(await check(7040, null, at("'Day 1'!F2"))).toBe("OK");

    // The preparer keys 7010 again; Excel recalculates the volatile functions and the add-in hears onChanged.
    bytes = periodBook([day("Day 1", { ...DAY_1.lines, "7010": 250 })]);
    expect(await line(7010, null, at("'Day 1'!F1"))).toBe(100); // not yet invalidated: still this recalculation's read
    invalidate();
    expect(await line(7010, null, at("'Day 1'!F1"))).toBe(250);
    expect(await check(7040, null, at("'Day 1'!F2"))).toBe(-150); // 120 reported, 250 + 20 computed
    expect(readers).toHaveLength(2);
  });
});

describe("outside Excel", () => {
  it("throws its own errors where there is no CustomFunctions runtime", async () => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    try {
      serve(periodBook([DAY_1]));
      await expect(line(9999, null, at("'Day 1'!F1"))).rejects.toMatchObject({
        name: "BadArgument",
      });
    } finally {
      (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
    }
  });
});
