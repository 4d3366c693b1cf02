import { toA1 } from "../grid";
import {
  type CellContent,
  type Acknowledgement,
  sha256,
  type BoundValue,
  type SignOff,
} from "../engine";
import type { CellWrite, GridCell, RecordGuard } from "./port";

/**
 * The add-in's record in the workbook: a very hidden sheet "FOCUS Review" that
 * travels with the file (copying yesterday's workbook carries the record). Three
 * blocks side by side, one row per entry, readable by an auditor who unhides it:
 * sign-offs (A:H), acknowledgements (J:R), the values of the last sign-off (T:…).
 */
export const REVIEW_SHEET = "FOCUS Review";

const SIGNOFF_COL = 1; // A
const ACK_COL = 10; // J
const VALUES_COL = 20; // T
const FIRST_ROW = 3;
/** Excel holds 32,767 characters in a cell; scope values are split below that. */
const CHUNK = 30_000;

const SIGNOFF_HEADERS = [
  "Seq",
  "Reviewer",
  "At (UTC)",
  "Result",
  "Content SHA-256",
  "Previous SHA-256",
  "Entry SHA-256",
];
const ACK_HEADERS = [
  "Finding",
  "Entity",
  "As of",
  "Scope",
  "Reason",
  "By",
  "At (UTC)",
  "Message",
  "Row SHA-256",
];
const VALUES_HEADERS = ["Scope", "Signed values (JSON: name, level, target, value)"];

export interface ReviewRecord {
  signOffs: SignOff[];
  acknowledgements: Acknowledgement[];
  /** The values of the last sign-off, as recorded. */
  signedValues: BoundValue[];
  /** Rows that cannot be read or whose own hash fails: shown as review-record findings. */
  problems: string[];
  /** Where the next entries go. */
  next: { signOffRow: number; ackRow: number; valueRows: number };
  /** The sheet is there but was not read (too large): nothing may be appended to it. */
  unreadable?: boolean;
}

export const EMPTY_RECORD: ReviewRecord = {
  signOffs: [],
  acknowledgements: [],
  signedValues: [],
  problems: [],
  next: { signOffRow: FIRST_ROW, ackRow: FIRST_ROW, valueRows: 0 },
};

const text = (c: CellContent | undefined): string => {
  const v = c?.value;
  if (!v || v.type === "blank") return "";
  if (v.type === "text") return v.text;
  if (v.type === "number") return String(v.value);
  if (v.type === "boolean") return v.value ? "TRUE" : "FALSE";
  return v.error;
};

export const ackRowHash = (a: Acknowledgement) =>
  sha256(
    [a.key, a.entity ?? "", a.asOf ?? "", a.scope, a.reason, a.by, a.at, a.message].join("\t")
  );

/**
 * Far beyond any real record (a sign-off and an acknowledgement a day for decades, one
 * values row per scope): a sheet this big was filled by something else, and reading it
 * as a record would only cost memory and bury the findings.
 */
export const MAX_RECORD_ROWS = 20_000;
export const MAX_RECORD_CELLS = 400_000;

/** Read the record from the sheet's cells; never throws (a damaged row becomes a problem). */
export function parseReviewSheet(cells: GridCell[] | null | undefined): ReviewRecord {
  if (!cells || cells.length === 0) return EMPTY_RECORD;
  const lastRow = cells.reduce((m, c) => Math.max(m, c.row), 0);
  if (lastRow > MAX_RECORD_ROWS || cells.length > MAX_RECORD_CELLS) {
    const next = lastRow + 1;
    return {
      ...EMPTY_RECORD,
      problems: [
        `the ${REVIEW_SHEET} sheet holds ${cells.length.toLocaleString("en-US")} cells on ${lastRow.toLocaleString("en-US")} rows, far more than the add-in writes: it was filled by something else and is not read`,
      ],
      next: { signOffRow: next, ackRow: next, valueRows: 0 },
      unreadable: true,
    };
  }
  const rows = new Map<number, Map<number, CellContent>>();
  for (const c of cells) {
    if (!rows.has(c.row)) rows.set(c.row, new Map());
    rows.get(c.row)!.set(c.col, c.content);
  }
  const at = (row: number, col: number) => text(rows.get(row)?.get(col));
  const record: ReviewRecord = {
    signOffs: [],
    acknowledgements: [],
    signedValues: [],
    problems: [],
    next: { signOffRow: FIRST_ROW, ackRow: FIRST_ROW, valueRows: 0 },
  };

  for (let r = FIRST_ROW; r <= lastRow; r++) {
    const s = (i: number) => at(r, SIGNOFF_COL + i);
    if (s(0) !== "" || s(6) !== "") {
      record.signOffs.push({
        seq: Number(s(0)),
        reviewer: s(1),
        at: s(2),
        summary: s(3),
        contentHash: s(4),
        previousHash: s(5),
        hash: s(6),
      });
      record.next.signOffRow = r + 1;
    }
    const a = (i: number) => at(r, ACK_COL + i);
    if (a(0) !== "") {
      const ack: Acknowledgement = {
        key: a(0),
        entity: a(1) || null,
        asOf: a(2) || null,
        scope: a(3),
        reason: a(4),
        by: a(5),
        at: a(6),
        message: a(7),
      };
      if (ackRowHash(ack) !== a(8))
        record.problems.push(
          `the acknowledgement in row ${r} of ${REVIEW_SHEET} was edited after it was recorded; it is not used`
        );
      else record.acknowledgements.push(ack);
      record.next.ackRow = r + 1;
    }
    const scope = at(r, VALUES_COL);
    if (scope !== "") {
      record.next.valueRows = r - FIRST_ROW + 1;
      let json = "";
      for (let col = VALUES_COL + 1; rows.get(r)?.has(col); col++) json += at(r, col);
      try {
        const list = JSON.parse(json) as unknown;
        if (!Array.isArray(list)) throw new Error("not a list");
        for (const item of list) {
          const [name, level, target, value] = item as string[];
          record.signedValues.push({
            scope,
            name: String(name),
            level: level === "workbook" ? "workbook" : "sheet",
            target: String(target),
            value: String(value),
          });
        }
      } catch {
        record.problems.push(
          `the signed values of ${scope} (row ${r} of ${REVIEW_SHEET}) cannot be read`
        );
      }
    }
  }
  return record;
}

const headerWrites = (): CellWrite[] => [
  {
    sheet: REVIEW_SHEET,
    address: "A1",
    value:
      "FOCUS Review: written by the FOCUS check add-in. Tamper-evident, not a signature: edits to these rows are detected.",
    bold: true,
  },
  ...SIGNOFF_HEADERS.map((h, i) => cell(2, SIGNOFF_COL + i, h, true)),
  ...ACK_HEADERS.map((h, i) => cell(2, ACK_COL + i, h, true)),
  ...VALUES_HEADERS.map((h, i) => cell(2, VALUES_COL + i, h, true)),
];

function cell(row: number, col: number, value: string | number | null, bold?: boolean): CellWrite {
  // A string is written as text by every adapter (the port's contract), so hashes read back as written.
  return { sheet: REVIEW_SHEET, address: toA1({ row, col }), value, ...(bold ? { bold } : {}) };
}

/** The writes that append a sign-off and replace the signed values with these. */
export function signOffWrites(
  record: ReviewRecord,
  entry: SignOff,
  values: BoundValue[]
): CellWrite[] {
  const writes =
    record.signOffs.length === 0 && record.acknowledgements.length === 0 ? headerWrites() : [];
  const r = record.next.signOffRow;
  [
    entry.seq,
    entry.reviewer,
    entry.at,
    entry.summary,
    entry.contentHash,
    entry.previousHash,
    entry.hash,
  ].forEach((v, i) => writes.push(cell(r, SIGNOFF_COL + i, v)));
  const byScope = new Map<string, BoundValue[]>();
  for (const v of values) byScope.set(v.scope, [...(byScope.get(v.scope) ?? []), v]);
  let row = FIRST_ROW;
  let widest = 0;
  for (const [scope, list] of byScope) {
    const json = JSON.stringify(list.map((v) => [v.name, v.level, v.target, v.value]));
    const chunks = json.match(new RegExp(`[\\s\\S]{1,${CHUNK}}`, "g")) ?? [""];
    writes.push(cell(row, VALUES_COL, scope));
    chunks.forEach((c, i) =>
      writes.push({
        sheet: REVIEW_SHEET,
        address: toA1({ row, col: VALUES_COL + 1 + i }),
        value: c,
      })
    );
    widest = Math.max(widest, chunks.length);
    row++;
  }
  // Clear what is left of the previous sign-off's block.
  for (; row < FIRST_ROW + record.next.valueRows; row++) {
    writes.push({ sheet: REVIEW_SHEET, address: toA1({ row, col: VALUES_COL }), value: null });
    for (let i = 0; i < Math.max(widest, 1); i++)
      writes.push({
        sheet: REVIEW_SHEET,
        address: toA1({ row, col: VALUES_COL + 1 + i }),
        value: null,
      });
  }
  return writes;
}

/** Where a new sign-off goes: those cells must still be empty when it is written (port.ts, RecordGuard). */
export const signOffGuard = (record: ReviewRecord): RecordGuard => ({
  emptyCells: [
    toA1({ row: record.next.signOffRow, col: SIGNOFF_COL }),
    toA1({ row: record.next.signOffRow, col: SIGNOFF_COL + 6 }),
  ],
});

/** Where a new acknowledgement goes: that cell must still be empty when it is written. */
export const acknowledgementGuard = (record: ReviewRecord): RecordGuard => ({
  emptyCells: [toA1({ row: record.next.ackRow, col: ACK_COL })],
});

/** The writes that append one acknowledgement. */
export function acknowledgementWrites(record: ReviewRecord, ack: Acknowledgement): CellWrite[] {
  const writes =
    record.signOffs.length === 0 && record.acknowledgements.length === 0 ? headerWrites() : [];
  const r = record.next.ackRow;
  [
    ack.key,
    ack.entity ?? "",
    ack.asOf ?? "",
    ack.scope,
    ack.reason,
    ack.by,
    ack.at,
    ack.message,
    ackRowHash(ack),
  ].forEach((v, i) =>
    writes.push({
      sheet: REVIEW_SHEET,
      address: toA1({ row: r, col: ACK_COL + i }),
      value: v === "" ? null : v,
    })
  );
  return writes;
}
