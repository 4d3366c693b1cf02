/// <reference types="office-js" />
import type { RangeRef } from "../port";
import { withoutSheet } from "./address";
import type { ExcelHost } from "./excel-host";

/** The selected range's top-left cell (a merged cell selects its whole area). One sync. */
export function selection(host: ExcelHost): Promise<RangeRef> {
  return host.read(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0).load("address");
    const sheet = cell.worksheet.load("name");
    await context.sync();
    return { sheet: sheet.name, address: withoutSheet(cell.address).replace(/\$/g, "") };
  });
}

/** Activate the sheet and select the cell (Excel scrolls to it). One sync. */
export function select(host: ExcelHost, ref: RangeRef): Promise<void> {
  return host.read(async (context) => {
    const sheet = context.workbook.worksheets.getItem(ref.sheet);
    sheet.activate();
    sheet.getRange(ref.address).select();
    await context.sync();
  });
}

/**
 * Call `listener` on this user's edits and on recalculations (worksheets.onChanged,
 * ExcelApi 1.9; worksheets.onCalculated, 1.8). A co-author's Remote edit is ignored, and
 * so are the calculations that follow it, until this user edits again: onCalculated
 * carries no source, and re-validating on every co-author keystroke would churn.
 * Without ExcelApi 1.9 nothing is watched. Returns an unsubscribe.
 */
export async function onChange(
  host: ExcelHost,
  listener: () => void
): Promise<() => Promise<void>> {
  if (!host.supports("1.9")) return async () => undefined;
  let lastEditWasRemote = false;
  const changed = async (e: Excel.WorksheetChangedEventArgs) => {
    lastEditWasRemote = e.source === "Remote";
    if (!lastEditWasRemote) listener();
  };
  const calculated = async () => {
    if (!lastEditWasRemote) listener();
  };
  const handlers = await host.run(async (context) => {
    const added = [
      context.workbook.worksheets.onChanged.add(changed),
      context.workbook.worksheets.onCalculated.add(calculated),
    ];
    await context.sync();
    return added;
  });
  return async () => {
    // Office removes a handler only through the context that added it.
    await host.run(handlers[0].context, async (context) => {
      handlers.forEach((h) => h.remove());
      await context.sync();
    });
  };
}
