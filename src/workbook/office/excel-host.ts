/// <reference types="office-js" />
import { cellLabel } from "../../engine";
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
  /**
   * Told when a write went through in a form the user should know of (Excel refused to make
   * it one undo step): the pane shows the sentence. Default: the console.
   */
  onNotice?: (message: string) => void;
  /** Office.context.diagnostics.platform: "OfficeOnline", "PC", "Mac"… (default: the global one, looked up when used). */
  platform?: () => string | undefined;
  /** Office.addin: the startup behaviour stored in the document (default: the global one, looked up when used). */
  addin?: () => AddinApi;
}

/** Excel's refusal while the user is editing a cell (Office on the web and Mac cannot wait for it to end). */
export const CELL_EDITING = "InvalidOperationInCellEditMode";

export const CELL_EDIT_MESSAGE = "Excel is in cell-edit mode: press Enter or Esc, then try again";

/** What the user is told when a grouped write had to be redone as separate undo steps. */
export const UNGROUPED_MESSAGE =
  "Excel could not make this change a single undo step (UndoNotSupported), so the add-in made it without grouping: it is all written, but Undo takes it back one part at a time.";

/** How the adapter reaches Excel: its run, what the host supports, and the options every batch uses. */
export class ExcelHost {
  readonly run: typeof Excel.run;
  private readonly isSetSupported: (set: string, minVersion: string) => boolean;
  /** Office.context.diagnostics.platform, when Office says. */
  readonly platform: () => string | undefined;
  /** Tell the user something about a write that went through. */
  readonly notice: (message: string) => void;

  constructor(opts: OfficeWorkbookOptions = {}) {
    this.platform = opts.platform ?? officePlatform;
    this.notice = opts.onNotice ?? ((m) => console.warn(`FOCUS: ${m}`));
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

  /**
   * Reads may ask for merged areas (ExcelApi 1.13) without costing the user's undo history:
   * not on Windows, where a sync containing getMergedAreasOrNullObject loses it (office-js#5918).
   */
  get readsMerges(): boolean {
    return this.supports("1.13") && this.platform() !== "PC";
  }

  /** Reads wait for the user to leave a cell they are editing, rather than fail. */
  readonly readOptions: Excel.RunOptions = { delayForCellEdit: true };

  /** Writes wait likewise, and become one undo step where Excel can group them (ExcelApi 1.20). */
  get writeOptions(): Excel.RunOptions {
    return this.supports("1.20")
      ? { delayForCellEdit: true, mergeUndoGroup: true }
      : { delayForCellEdit: true };
  }

  /**
   * A batch as one undo step where Excel can group it. Should Excel answer UndoNotSupported
   * anyway (the undo article: "the operation can't be grouped"; the refused sync did nothing),
   * the batch runs again ungrouped and the user is told, rather than nothing being written.
   * Every batch the adapter groups re-reads what it needs, so running it again is safe.
   */
  private async runGrouped<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options = this.writeOptions;
    try {
      return await this.run(options, batch);
    } catch (e) {
      if (!options.mergeUndoGroup || errorCode(e) !== "UndoNotSupported") throw e;
      const result = await this.run({ delayForCellEdit: true }, batch);
      this.notice(UNGROUPED_MESSAGE);
      return result;
    }
  }

  /** A read; on hosts that cannot wait for cell-edit mode to end, its refusal says what to do. */
  async read<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(this.readOptions, batch);
    } catch (e) {
      if (errorCode(e) === CELL_EDITING) throw new Error(CELL_EDIT_MESSAGE, { cause: e });
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
      return await this.runGrouped(batch);
    } catch (e) {
      const cell = first.sheet ? cellLabel(first.sheet, first.address) : first.address;
      if (errorCode(e) === CELL_EDITING)
        throw new WriteBlocked([{ cell, reason: "editing", message: CELL_EDIT_MESSAGE }]);
      if (errorCode(e) === "AccessDenied")
        throw new WriteBlocked([protectedProblem(first.sheet, first.address)]);
      throw e;
    }
  }
}

/** Office.context.diagnostics.platform, or undefined outside Office (or before it is ready). */
function officePlatform(): string | undefined {
  try {
    return typeof Office === "undefined" ? undefined : String(Office.context.diagnostics.platform);
  } catch {
    return undefined;
  }
}

export const errorCode = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;

/** A sheet a write or the marks name that the workbook no longer has (deleted or renamed since it was read). */
export const missingSheet = (sheet: string): WriteProblem => ({
  cell: sheet,
  reason: "missing-sheet",
  message: `Sheet '${sheet}' does not exist`,
});

/** A locked cell on a protected sheet. */
export const protectedProblem = (sheet: string, address: string): WriteProblem => ({
  cell: cellLabel(sheet, address),
  reason: "locked",
  message: `Sheet '${sheet}' is protected: unprotect it to write ${address.replace(/\$/g, "")}`,
});

/** How many times the add-in asks Excel to turn its events back on before giving up. */
const RESTORE_ATTEMPTS = 3;

/**
 * Turn the add-in's events off around a bulk write, so its own edits do not trigger
 * re-validation, and put them back as they were afterwards. `wasOn` comes from an earlier
 * sync (context.runtime.load("enableEvents")); needs ExcelApi 1.8.
 *
 * Excel may refuse any request for reasons of its own (RequestAborted, ServiceNotAvailable,
 * ActivityLimitReached: "Error handling with the application-specific JavaScript APIs"), the
 * one that turns the events back on included. That request is asked again, since events left
 * off would silence live validation for the rest of the session; and once the write itself
 * went through, a refusal there never reports the complete write as a failure.
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
    // Never thrown: the write's own outcome, success or failure, is the one to report.
    await eventsBackOn(context).catch((e) =>
      console.warn("FOCUS: Excel refused to turn the add-in's events back on", e)
    );
  }
}

async function eventsBackOn(
  context: Excel.RequestContext,
  attempts = RESTORE_ATTEMPTS
): Promise<void> {
  context.runtime.enableEvents = true;
  try {
    await context.sync();
  } catch (e) {
    if (attempts <= 1) throw e;
    await eventsBackOn(context, attempts - 1);
  }
}
