import type { Capabilities } from "./types";

/**
 * What the pane says before a write that costs the user's undo history, by platform: each
 * sentence follows Microsoft's "Undo capabilities in Excel add-ins" table (or, where named,
 * an issue thread the simulator plays too: sim/undo.ts).
 */
export type UndoPlatform = "web" | "windows" | "mac" | "other";

/** Office.context.diagnostics.platform ("OfficeOnline", "PC", "Mac", …) as the undo table's columns. */
export function undoPlatform(officePlatform: string | undefined): UndoPlatform {
  if (officePlatform === "OfficeOnline") return "web";
  if (officePlatform === "PC") return "windows";
  if (officePlatform === "Mac") return "mac";
  return "other";
}

/** Before ExcelApi 1.19 every change an add-in makes clears the undo history (OfficeDev/office-js-docs-pr#5175). */
const NO_API_UNDO =
  "This version of Excel clears your undo history whenever an add-in changes the workbook: save the workbook first if you may want to go back.";

/**
 * The first sign-off or acknowledgement creates the very hidden record sheet. Worksheet.visibility
 * is not undoable in Excel on Windows and Mac (the table), so hiding it clears the history there.
 */
export function recordSheetUndoNote(caps: Capabilities, recordHasEntries: boolean): string | null {
  if (caps.keepsUndo === false) return NO_API_UNDO;
  if (recordHasEntries) return null;
  if (caps.platform === "windows" || caps.platform === "mac")
    return "If this workbook has no FOCUS Review sheet yet, this entry creates it, hidden. Excel on Windows and Mac cannot undo hiding a sheet, so creating it clears your undo history (Ctrl+Z will not go back past it).";
  return null;
}

/**
 * Recompute's write checks its target cells for merged areas first; on Windows that check
 * loses the undo history (office-js#5918, reported, not in the table). The write itself is
 * one undo step.
 */
export function recomputeUndoNote(caps: Capabilities): string | null {
  if (caps.keepsUndo === false) return NO_API_UNDO;
  if (caps.platform === "windows")
    return "Excel on Windows clears your undo history when the add-in checks these cells for merged areas before writing (a known Excel issue, office-js#5918): Ctrl+Z will undo this write, but nothing before it.";
  return null;
}

/** Inserting a template sheet: undoable everywhere per the table, except on hosts without add-in undo. */
export function templateUndoNote(caps: Capabilities): string | null {
  return caps.keepsUndo === false ? NO_API_UNDO : null;
}

/** Saving a document setting (the team template's) clears the undo history in Excel (office-js#3141). */
export const SETTINGS_UNDO_NOTE =
  "Excel clears your undo history when an add-in saves a document setting (office-js#3141): Ctrl+Z will not go back past this change.";
