/// <reference types="office-js" />
import type { RangeRef } from "../port";
import { splitQualified } from "../../grid";
import { errorCode, type ExcelHost } from "./excel-host";

/**
 * The selected range's top-left cell (a merged cell selects its whole area). One sync. Null when
 * no cell is selected: getSelectedRange answers InvalidSelection while a chart is selected, "by
 * design" (office-js#2268), and so on a chart sheet, which the API does not see at all
 * (excel-add-ins-worksheets.md: worksheets only, "not chart sheets").
 */
export async function selection(host: ExcelHost): Promise<RangeRef | null> {
  try {
    return await host.read(async (context) => {
      const cell = context.workbook.getSelectedRange().getCell(0, 0).load("address");
      const sheet = cell.worksheet.load("name");
      await context.sync();
      return {
        sheet: sheet.name,
        address: splitQualified(cell.address).address.replace(/\$/g, ""),
      };
    });
  } catch (e) {
    if (errorCode(e) === "InvalidSelection") return null;
    throw e;
  }
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
 * Call `listener` on every edit and recalculation (worksheets.onChanged, ExcelApi 1.9;
 * worksheets.onCalculated, 1.8), a co-author's Remote edits and the calculations after
 * them included. Microsoft's "Coauthoring in Excel add-ins" (co-authoring-in-excel-add-ins.md,
 * "Use events to manage the in-memory state of your add-in"): what the add-in read goes stale
 * when a co-author changes the workbook, so re-read on their changes too; and ("Caveats")
 * avoid displaying UI from such events. The listener only re-reads (watch.ts debounces a
 * burst into one validation); nothing here writes or asks the user anything. Without ExcelApi 1.9 nothing is watched. Returns an unsubscribe.
 */
export async function onChange(
  host: ExcelHost,
  listener: () => void
): Promise<() => Promise<void>> {
  if (!host.supports("1.9")) return async () => undefined;
  const changed = async () => listener();
  const calculated = async () => listener();
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
