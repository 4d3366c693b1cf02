/**
 * Which scope a FOCUS.* call reads: the one it names, else the calling cell's sheet when that
 * sheet is a scope (one sheet per period), else the workbook scope. Pure.
 */
import type { ScopeReport } from "../engine";
import type { WorkbookReport } from "../workbook/validate";
import { unquoteSheetName } from "../grid";
import { BadArgument } from "./errors";

/** How many scope names an error message lists before it says how many there are. */
const LISTED_SCOPES = 5;

/**
 * The sheet of the calling cell's address as Excel passes it (@requiresAddress): Sheet1!A1,
 * 'Day 1'!B2, or with a workbook prefix such as [Book1]Sheet1!A1. Null when there is no sheet.
 */
export function sheetOfAddress(address: string | undefined): string | null {
  if (!address) return null;
  // "!" may appear in a sheet name, never in a cell address: the last one separates them.
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheet = unquoteSheetName(address.slice(0, bang));
  // "[" cannot appear in a sheet name, so a leading [...] is always the workbook's.
  return sheet.replace(/^\[[^\]]*\]/, "") || null;
}

/** The scope a call reads. `scope` is the optional argument; `callerAddress` the calling cell's. */
export function scopeFor(
  report: WorkbookReport,
  scope: unknown,
  callerAddress: string | undefined
): ScopeReport {
  const byName = (name: string) =>
    report.scopes.find((s) => s.scope.toLowerCase() === name.toLowerCase());
  if (scope !== null && scope !== undefined && scope !== "") {
    if (typeof scope !== "string" && typeof scope !== "number")
      throw new BadArgument('scope must be a sheet name or "workbook"');
    const wanted = String(scope).trim();
    const found = byName(wanted);
    if (!found) throw new BadArgument(`no scope "${wanted}": ${scopeList(report)}`);
    return found;
  }
  const sheet = sheetOfAddress(callerAddress);
  const found = (sheet !== null ? byName(sheet) : undefined) ?? byName("workbook");
  if (found) return found;
  const where =
    sheet === null
      ? "the calling cell's sheet is unknown"
      : `sheet '${sheet}' holds no FOCUS_ names`;
  throw new BadArgument(`${where}: give the scope as the last argument; ${scopeList(report)}`);
}

function scopeList(report: WorkbookReport): string {
  const names = report.scopes.map((s) => `"${s.scope}"`);
  const shown = names.slice(0, LISTED_SCOPES).join(", ");
  return names.length > LISTED_SCOPES
    ? `the scopes are ${shown}, … (${names.length} in all)`
    : `the scopes are ${shown}`;
}
