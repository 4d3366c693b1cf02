import { fail } from "./api/errors";
import type { RunRecord } from "./meter";
import type { SimBook } from "./model/book";

/** What the undo model reads of a queued operation (session.ts's Operation has these and more). */
export interface UndoableOperation {
  readonly request: Record<string, unknown>;
  /** Writes to the workbook. */
  readonly mutates: boolean;
}

/** Which Excel the simulator plays: the undo table differs between the web and the desktop. */
export type SimPlatform = "web" | "windows" | "mac";

/** What Office.context.diagnostics.platform answers on each. */
export const OFFICE_PLATFORM: Record<SimPlatform, "OfficeOnline" | "PC" | "Mac"> = {
  web: "OfficeOnline",
  windows: "PC",
  mac: "Mac",
};

/**
 * What one API call does to the user's undo stack. "none": not a change to the document
 * (loads, reads, selection, the add-in's event switch); "undoable": one step (or part of the
 * run's step under mergeUndoGroup); "clears": the stack is emptied, and inside mergeUndoGroup
 * the batch is refused with UndoNotSupported.
 */
export type UndoEffect = "none" | "undoable" | "clears";

/** The call a queued request stands for: "Worksheet.visibility", "WorksheetCollection.add". */
export const callOf = (request: Record<string, unknown>): string =>
  `${String(request.t)}.${String(request.s ?? request.m ?? "load")}`;

/**
 * Microsoft's table "Undo capabilities in Excel add-ins" (OfficeDev/office-js-docs-pr,
 * docs/excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs"): the calls the add-in
 * makes or could make that are NOT undoable. Every other write is undoable (the doc: "Most
 * Excel JavaScript APIs do support undo actions").
 */
const NOT_UNDOABLE: Record<string, { web: boolean; desktop: boolean }> = {
  // Columns of the table: "Supported in Excel on the web" / "on Windows and Excel on Mac".
  "Worksheet.visibility": { web: true, desktop: false },
  "Worksheet.name": { web: true, desktop: false },
  "Worksheet.position": { web: true, desktop: false },
  "Worksheet.delete": { web: false, desktop: false },
  "Worksheet.copy": { web: false, desktop: false },
  "NamedItem.comment": { web: false, desktop: true },
  "WorkbookProtection.protect": { web: false, desktop: false },
  "WorkbookProtection.unprotect": { web: false, desktop: false },
  "WorksheetProtection.protect": { web: false, desktop: false },
  "WorksheetProtection.unprotect": { web: false, desktop: false },
};

/** Writes that change no cell, name, sheet or format: selection, calculation, the event switch. */
const NOT_A_DOCUMENT_CHANGE = new Set([
  "Range.select",
  "Worksheet.activate",
  "Application.calculate",
  // Not in the table and not part of the document: the add-in's own events switch (ExcelApi 1.8).
  "Runtime.enableEvents",
]);

export interface UndoOptions {
  platform: SimPlatform;
  /**
   * Also play what issue threads report where Microsoft's table says otherwise: on Windows
   * and Mac, setting range.formulas and worksheets.add clear the stack (office-js#6170,
   * closed "by design", and #3788's "most set operations … disable undo", written before
   * the 2025 undo support). Off by default: the doc is followed, the threads are noted.
   */
  reportedDesktopClears?: boolean;
  /**
   * The host keeps add-in changes on the undo stack at all: from ExcelApi 1.19 (the note added
   * to the undo article in OfficeDev/office-js-docs-pr#5175). Before, every add-in change
   * clears it, the classic behaviour.
   */
  apiUndo: boolean;
}

/** Classify one queued call per the doc (and the reports the options turn on). */
export function undoEffect(op: UndoableOperation, options: UndoOptions): UndoEffect {
  const call = callOf(op.request);
  const desktop = options.platform !== "web";
  // office-js#5918 (Windows, 2025, "in backlog"): a sync containing getMergedAreasOrNullObject
  // loses the undo stack. A read, so the doc's table (writes only) is silent: the report is played.
  if (call === "Range.getMergedAreasOrNullObject" && options.platform === "windows")
    return "clears";
  if (!op.mutates || NOT_A_DOCUMENT_CHANGE.has(call)) return "none";
  if (!options.apiUndo) return "clears";
  const row = NOT_UNDOABLE[call];
  if (row) return (desktop ? row.desktop : row.web) ? "undoable" : "clears";
  if (
    options.reportedDesktopClears &&
    desktop &&
    (call === "Range.formulas" || call === "WorksheetCollection.add")
  )
    return "clears";
  return "undoable";
}

/** One step of the user's undo stack: what the workbook was before it. */
interface UndoStep {
  label: string;
  before: SimBook;
  /** The run it belongs to, while a mergeUndoGroup run adds its later syncs to it. */
  run: RunRecord | null;
  /** office-js#6001: Undo of this step crashes Excel. */
  crashes: string | null;
  /** What the step holds so far, to recognise #6001's pattern across a group's syncs. */
  calls: Set<string>;
}

export interface UndoEvent {
  kind: "step" | "cleared" | "refused" | "undone";
  /** The API call (or user action) that caused it. */
  by: string;
}

/**
 * This user's undo stack, as Excel keeps one per user (co-authors' edits are not on it).
 * Undo restores the workbook as it was before the step: a model of the user's view, which
 * assumes no co-author edited in between (Excel would keep their edits; tests that undo do
 * not mix the two).
 */
export class UndoStack {
  private steps: UndoStep[] = [];
  /** Every step, clearing, refusal and undo, in order: what a test asserts on. */
  readonly log: UndoEvent[] = [];
  /** Set when Undo crashed Excel (office-js#6001): nothing may happen after it. */
  crashed: string | null = null;

  constructor(readonly options: UndoOptions) {}

  get depth(): number {
    return this.steps.length;
  }

  /** A user's own change (a typed cell): one step. */
  userStep(label: string, before: SimBook): void {
    this.steps.push({ label, before, run: null, crashes: null, calls: new Set() });
    this.log.push({ kind: "step", by: label });
  }

  /** Settings saved, a clearing call: from here on, nothing before can be undone. */
  clear(by: string): void {
    this.steps = [];
    this.log.push({ kind: "cleared", by });
  }

  /**
   * Before a batch runs: inside a merged undo group a call that does not support undo
   * refuses the whole batch (the doc's "Undo grouping": UndoNotSupported), so it does nothing.
   */
  admit(ops: UndoableOperation[], run: RunRecord, groups: boolean): void {
    if (!(groups && run.options.mergeUndoGroup)) return;
    // A read that loses the stack (#5918) is reported to lose it, not to be refused.
    const refused = ops.find((op) => op.mutates && undoEffect(op, this.options) === "clears");
    if (!refused) return;
    this.log.push({ kind: "refused", by: callOf(refused.request) });
    fail(
      "UndoNotSupported",
      `${callOf(refused.request)} does not support undo on this platform, so it cannot be part of a merged undo group.`
    );
  }

  /** After a batch succeeded: its effect on the stack. `before`: the workbook before the batch. */
  record(ops: UndoableOperation[], run: RunRecord, groups: boolean, before: SimBook): void {
    const effects = ops.map((op) => ({ op, effect: undoEffect(op, this.options) }));
    const clearing = effects.find((e) => e.effect === "clears");
    // "the user's undo stack is cleared starting from that API call" (the doc's tip).
    if (clearing) {
      this.clear(callOf(clearing.op.request));
      return;
    }
    const undoable = effects
      .filter((e) => e.effect === "undoable")
      .map((e) => callOf(e.op.request));
    if (undoable.length === 0) return;
    const merged = groups && run.options.mergeUndoGroup === true;
    let step = merged ? this.steps.find((s) => s.run === run) : undefined;
    if (!step) {
      step = {
        label: undoable[0],
        before,
        run: merged ? run : null,
        crashes: null,
        calls: new Set(),
      };
      this.steps.push(step);
      this.log.push({ kind: "step", by: undoable[0] });
    }
    for (const op of ops) {
      const call = callOf(op.request);
      step.calls.add(call === "Worksheet.visibility" ? `${call}=${String(op.request.v)}` : call);
    }
    // office-js#6001 (open, "under investigation"): Excel crashes on Undo after one merged
    // group adds a sheet, makes it VeryHidden and writes a cell.
    if (
      merged &&
      step.calls.has("WorksheetCollection.add") &&
      step.calls.has("Worksheet.visibility=VeryHidden") &&
      (step.calls.has("Range.values") || step.calls.has("Range.formulas"))
    )
      step.crashes =
        "office-js#6001: Undo of a group that added a very hidden sheet and wrote a cell crashes Excel";
  }

  /** Ctrl+Z: the workbook as before the last step, or null when there is nothing to undo. */
  undo(): SimBook | null {
    if (this.crashed) throw new Error(`Excel has crashed (${this.crashed})`);
    const step = this.steps.pop();
    if (!step) return null;
    if (step.crashes) {
      this.crashed = step.crashes;
      throw new Error(`Excel crashed on Undo (${step.crashes})`);
    }
    this.log.push({ kind: "undone", by: step.label });
    return step.before;
  }
}
