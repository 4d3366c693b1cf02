import type { GridCell } from "../../src/workbook/port";
import {
  acknowledgementWrites,
  EMPTY_RECORD,
  parseReviewSheet,
  signOffWrites,
} from "../../src/workbook/review-sheet";
import { newSignOff, type BoundValue } from "../../src/engine";
import { parseA1 } from "../../src/grid";
import type { CellWrite } from "../../src/workbook/port";

/** Cells as an adapter reads them back after these writes. */
function readBack(writes: CellWrite[], into = new Map<string, GridCell>()): GridCell[] {
  for (const w of writes) {
    const p = parseA1(w.address)!;
    const v = w.value;
    if (v === null || v === undefined || v === "") into.delete(w.address);
    else
      into.set(w.address, {
        ...p,
        content: {
          value: typeof v === "number" ? { type: "number", value: v } : { type: "text", text: v },
        },
      });
  }
  return [...into.values()];
}

const values: BoundValue[] = [
  { scope: "Seg", name: "FOCUS_7010", level: "sheet", target: "'Seg'!C2", value: "100" },
  { scope: "Seg", name: "FOCUS_ASOF", level: "sheet", target: "'Seg'!H1", value: "44165" },
];

describe("the review record sheet", () => {
  it("reads back exactly what it wrote: sign-offs, acknowledgements and the signed values", () => {
    const cells = new Map<string, GridCell>();
    const one = newSignOff(
      null,
      "A. Reviewer",
      "2020-11-30T18:00:00Z",
      "1 scope: 0 errors, 0 warnings",
      values
    );
    readBack(signOffWrites(EMPTY_RECORD, one, values), cells);
    const ack = {
      key: "identity|seg-4d2|7180",
      entity: null,
      asOf: "2020-11-30",
      scope: "Seg",
      reason: '=not a formula, "quoted"',
      by: "A. Reviewer",
      at: "2020-11-30T18:01:00Z",
      message: "7180 does not tie",
    };
    readBack(acknowledgementWrites(parseReviewSheet([...cells.values()]), ack), cells);
    const two = newSignOff(
      one,
      "B. Controller",
      "2020-12-01T18:00:00Z",
      "1 scope",
      values.slice(0, 1)
    );
    readBack(signOffWrites(parseReviewSheet([...cells.values()]), two, values.slice(0, 1)), cells);

    const record = parseReviewSheet([...cells.values()]);
    expect(record.problems).toEqual([]);
    expect(record.signOffs).toEqual([one, two]);
    expect(record.acknowledgements).toEqual([ack]);
    expect(record.signedValues).toEqual(values.slice(0, 1)); // the last sign-off's values only
  });

  it("never throws on a damaged record: unreadable values and edited acknowledgements become problems", () => {
    const cell = (address: string, text: string): GridCell => ({
      ...parseA1(address)!,
      content: { value: { type: "text", text } },
    });
    const record = parseReviewSheet([
      cell("T3", "Seg"),
      cell("U3", '[["FOCUS_7010", "sheet"'), // truncated JSON
      cell("J3", "identity|seg-4d2|7180"),
      cell("N3", "reason"),
      cell("R3", "0".repeat(64)), // hash does not match
      { row: 5, col: 1, content: { value: { type: "error", error: "#REF!" } } },
    ]);
    expect(record.problems).toEqual([
      expect.stringContaining("acknowledgement in row 3 of FOCUS Review was edited"),
      expect.stringContaining("signed values of Seg (row 3 of FOCUS Review) cannot be read"),
    ]);
    expect(record.acknowledgements).toEqual([]);
    expect(record.signOffs).toHaveLength(1); // the #REF! row is kept as a (broken) entry for the chain check
    expect(parseReviewSheet(null)).toEqual(EMPTY_RECORD);
  });

  it("splits a scope's values across cells below Excel's 32,767 characters", () => {
    const many: BoundValue[] = Array.from({ length: 900 }, (_, i) => ({
      scope: "Big",
      name: `FOCUS_${7000 + i}`,
      level: "sheet",
      target: `'Big'!C${i + 1}`,
      value: String(1e12 + i),
    }));
    const entry = newSignOff(null, "A. Reviewer", "2020-11-30T18:00:00Z", "x", many);
    const writes = signOffWrites(EMPTY_RECORD, entry, many);
    for (const w of writes)
      if (typeof w.value === "string") expect(w.value.length).toBeLessThanOrEqual(32_767);
    expect(parseReviewSheet(readBack(writes)).signedValues).toEqual(many);
  });
});
