/// <reference types="office-js" />
import { cellLabel } from "../../engine/cell";
import { WriteBlocked, type WriteProblem } from "../port";
import type { DocumentFileSource } from "./document-file";
import type { DocumentSettings } from "./settings";
import type { AddinApi } from "./startup";

export interface OfficeWorkbookOptions {
  /** Excel.run to use (default: the global one). Tests pass the simulator's. */
  run?: typeof Excel.run;
  /** Office.context.requirements.isSetSupported (default: the global one). */
  isSetSupported?: (set: string, minVersion: string) => boolean;
  /** Office.context.document.settings (default: the global one, looked up when used). */
  settings?: () => DocumentSettings;
  /** Office.context.document for getFileAsync (default: the global one, looked up when used). */
  document?: () => DocumentFileSource | null;
  /** Office.addin: the startup behaviour stored in the document (default: the global one, looked up when used). */
  addin?: () => AddinApi;
}

export const CELL_EDIT_MESSAGE = "Excel is in cell-edit mode: press Enter or Esc, then try again";

/** How the adapter reaches Excel: its run, what the host supports, and the options every batch uses. */
export class ExcelHost {
  readonly run: typeof Excel.run;
  private readonly isSetSupported: (set: string, minVersion: string) => boolean;

  constructor(opts: OfficeWorkbookOptions = {}) {
    this.run =
      opts.run ??
      (((...args: Parameters<typeof Excel.run>) => Excel.run(...args)) as typeof Excel.run);
    this.isSetSupported =
      opts.isSetSupported ?? ((set, v) => Office.context.requirements.isSetSupported(set, v));
  }

  /** ExcelApi `version` or later. */
  supports(version: string): boolean {
    return this.isSetSupported("ExcelApi", version);
  }

  /** Reads wait for the user to leave a cell they are editing, rather than fail. */
  readonly readOptions: Excel.RunOptions = { delayForCellEdit: true };

  /** Writes wait likewise, and become one undo step where Excel can group them (ExcelApi 1.20). */
  get writeOptions(): Excel.RunOptions {
    return this.supports("1.20")
      ? { delayForCellEdit: true, mergeUndoGroup: true }
      : { delayForCellEdit: true };
  }

  /** A read; on hosts that cannot wait for cell-edit mode to end, its refusal says what to do. */
  async read<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(this.readOptions, batch);
    } catch (e) {
      if (errorCode(e) === "InvalidOperationInCellEditMode")
        throw new Error(CELL_EDIT_MESSAGE, { cause: e });
      throw e;
    }
  }

  /**
   * A write. Excel's refusals become a WriteBlocked naming the first target (a cell, or a
   * name: sheet "" for the workbook level): cell-edit mode, and protection that appeared
   * after the pre-check.
   */
  async write<T>(
    first: { sheet: string; address: string },
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> {
    try {
      return await this.run(this.writeOptions, batch);
    } catch (e) {
      const cell = first.sheet ? cellLabel(first.sheet, first.address) : first.address;
      if (errorCode(e) === "InvalidOperationInCellEditMode")
        throw new WriteBlocked([{ cell, reason: "editing", message: CELL_EDIT_MESSAGE }]);
      if (errorCode(e) === "AccessDenied")
        throw new WriteBlocked([protectedProblem(first.sheet, first.address)]);
      throw e;
    }
  }
}

export const errorCode = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;

/** A locked cell on a protected sheet. */
export const protectedProblem = (sheet: string, address: string): WriteProblem => ({
  cell: cellLabel(sheet, address),
  reason: "locked",
  message: `sheet '${sheet}' is protected: unprotect it to write ${address.replace(/\$/g, "")}`,
});

/**
 * Turn the add-in's events off around a bulk write, so its own edits do not trigger
 * re-validation, and put them back as they were afterwards. `wasOn` comes from an earlier
 * sync (context.runtime.load("enableEvents")); needs ExcelApi 1.8.
 */
export async function withEventsOff<T>(
  context: Excel.RequestContext,
  wasOn: boolean,
  work: () => Promise<T>
): Promise<T> {
  if (!wasOn) return work();
  context.runtime.enableEvents = false;
  try {
    return await work();
  } finally {
    context.runtime.enableEvents = true;
    await context.sync();
  }
}
