import { type Comparison, compareWithPriorFile } from "../../engine";
import { validateWorkbook, type WorkbookReport } from "../../workbook/validate";
import { XlsxReader } from "../../workbook/xlsx-reader";
import { WorkbookFileError } from "../../workbook/xlsx/zip";
import { ActionError } from "../actions";
import { readAsBytes } from "../shared/files";

/** A prior day's workbook chosen in the pane is read here, in the pane: nothing is uploaded. */
export const MAX_PRIOR_BYTES = 100 * 1024 * 1024;

/**
 * This workbook's periods against the prior periods in another .xlsx (focus-check
 * --compare's rule: same entity and the latest earlier date, else the same sheet
 * name), for the periods that have no earlier period in this workbook.
 */
export async function compareWithFile(report: WorkbookReport, file: File): Promise<Comparison[]> {
  if (file.size > MAX_PRIOR_BYTES) {
    throw new ActionError(
      `${file.name} is ${(file.size / 1048576).toFixed(0)} MB: larger than any FOCUS workbook, so it is not read.`
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readAsBytes(file);
  } catch {
    throw new ActionError(`${file.name} could not be read.`);
  }
  let prior: WorkbookReport;
  try {
    prior = await validateWorkbook(new XlsxReader(bytes), { dateHint: file.name });
  } catch (e) {
    const why =
      e instanceof WorkbookFileError ? e.message : "is not a workbook this add-in can read";
    throw new ActionError(`${file.name} ${why}.`);
  }
  // Copies: the withdrawal flags belong to the comparison shown, not to this report's findings.
  const current = {
    scopes: report.scopes.map((s) => ({ ...s, findings: [] })),
    periods: report.periods,
  };
  const inWorkbook = new Set(report.review.comparisons.map((c) => c.scope));
  const found = compareWithPriorFile(current, prior, inWorkbook, file.name);
  if (found.length === 0) {
    throw new ActionError(
      `No period here matches one in ${file.name}: it needs the same entity with an earlier date, or a sheet of the same name.`
    );
  }
  return found;
}
