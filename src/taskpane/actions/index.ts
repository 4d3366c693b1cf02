/** The add-in's actions: what the pane and the ribbon ask of a workbook. */
export { createFocusActions } from "./create";
export { detectCapabilities } from "./capabilities";
export { ActionError, problemOf } from "./errors";
export { WATCH_DEBOUNCE_MS } from "./watch";
export { onRibbonResult, publishRibbonResult, type RibbonResult } from "./report-channel";
export type * from "./types";
export { onNotice, publishNotice } from "./notice-channel";
export {
  recomputeUndoNote,
  recordSheetUndoNote,
  SETTINGS_UNDO_NOTE,
  templateUndoNote,
} from "./undo-notes";
