import { type Finding, findingKey, sha256Bytes, newSignOff, type SignOff } from "../../engine";
import { reviewPackage, resultSummary } from "../../report/package";
import { reportSheet } from "../../report/sheet";
import type { Workbook } from "../../workbook/port";
import {
  acknowledgementGuard,
  acknowledgementWrites,
  REVIEW_SHEET,
  signOffGuard,
  signOffWrites,
  type ReviewRecord,
} from "../../workbook/review-sheet";
import { scopeFacts, validateWorkbook } from "../../workbook/validate";
import { ActionError } from "./errors";

/**
 * The reviewer's writes: acknowledgements and sign-offs go to the add-in's own
 * very hidden record sheet, never to a cell the user typed. Each reads the
 * workbook afresh first, and its write re-reads the cells the entry goes into in
 * the same batch: a co-author's entry in between refuses it, so nothing forks.
 */
const MAX_NAME = 120;
const MAX_REASON = 2000;

/** Never append to a record that could not be read: the new entry would land among what is there. */
function writable(record: ReviewRecord): void {
  if (record.unreadable) {
    throw new ActionError(
      `The ${REVIEW_SHEET} sheet cannot be read (${record.problems.at(-1) ?? "too large"}); nothing was recorded. Remove or rename that sheet to start a new record.`
    );
  }
}

function person(name: string, what: string): string {
  const n = name.trim().replace(/\s+/g, " ");
  if (n.length < 2) throw new ActionError(`Type ${what} (at least two characters).`);
  if (n.length > MAX_NAME)
    throw new ActionError(
      `${what[0].toUpperCase()}${what.slice(1)} is longer than ${MAX_NAME} characters.`
    );
  return n;
}

export async function acknowledge(
  workbook: Workbook,
  scope: string,
  f: Finding,
  reason: string,
  by: string,
  now = new Date()
): Promise<void> {
  const who = person(by, "your name");
  const why = reason.trim();
  if (why.length < 3)
    throw new ActionError(
      "Say why the finding is acknowledged: the reason goes into the review record."
    );
  if (why.length > MAX_REASON)
    throw new ActionError(`Keep the reason under ${MAX_REASON} characters.`);
  // The record and this scope's period only: the finding was judged by the Validate the pane shows.
  const { record, checked, period } = await scopeFacts(workbook, scope);
  writable(record);
  if (!checked) throw new ActionError(`${scope} is no longer a checked scope: validate again.`);
  const ack = {
    key: findingKey(f),
    entity: period?.entity ?? null,
    asOf: period?.asOf ?? null,
    scope,
    reason: why,
    by: who,
    at: now.toISOString(),
    message: f.message.slice(0, 500),
  };
  // The record's end is re-read in the write's own batch: a co-author's entry since this read refuses it.
  await workbook.writeRecordSheet(
    REVIEW_SHEET,
    acknowledgementWrites(record, ack),
    acknowledgementGuard(record)
  );
}

/** Record a sign-off over the workbook as it is now: reviewer, time, result, and the chained hashes. */
export async function markReviewed(
  workbook: Workbook,
  reviewer: string,
  now = new Date()
): Promise<SignOff> {
  const who = person(reviewer, "the reviewer's name");
  const report = await validateWorkbook(workbook);
  if (report.bound.length === 0)
    throw new ActionError("Nothing is bound: there is nothing to sign off.");
  writable(report.record);
  const entry = newSignOff(
    report.record.signOffs.at(-1) ?? null,
    who,
    now.toISOString(),
    resultSummary(report),
    report.bound
  );
  // The chain's end is re-read in the write's own batch: a co-author's sign-off since this read refuses it.
  await workbook.writeRecordSheet(
    REVIEW_SHEET,
    signOffWrites(report.record, entry, report.bound),
    signOffGuard(report.record)
  );
  return entry;
}

const HASH_NOTE =
  "of the workbook as Excel handed it to the add-in, before this report was added; focus-check --report on the saved file gives the file's own";

/** Insert the review package as a new sheet. Returns its name. */
export async function writeReportSheet(
  workbook: Workbook,
  by: string | null,
  fileName: string,
  now = new Date()
): Promise<string> {
  const report = await validateWorkbook(workbook);
  // Hashed before the report sheet is added: the workbook as it stood when reviewed.
  const bytes = await workbook.documentBytes();
  const pkg = reviewPackage(report, {
    file: fileName,
    fileSha256: bytes ? sha256Bytes(bytes) : null,
    fileHashNote: HASH_NOTE,
    generatedAt: now.toISOString(),
    by: by?.trim() || null,
  });
  return workbook.addSheet(reportSheet(pkg, report.scopes));
}
