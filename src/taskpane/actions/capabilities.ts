import { REQUIREMENTS, type RequirementName } from "../../workbook/office/requirements";
import { ActionError } from "./errors";
import type { Capabilities } from "./types";
import { undoPlatform } from "./undo-notes";

export type Capability = Exclude<keyof Capabilities, "unavailable" | "platform" | "keepsUndo">;

/**
 * The requirement set behind each capability (the table in src/workbook/office/requirements.ts,
 * which the manifest follows: test/addin/requirement-sets.test.ts).
 */
export const CAPABILITY_REQUIREMENT: Record<Capability, RequirementName> = {
  names: "names",
  conditionalFormats: "conditionalFormats",
  // onCalculated and enableEvents are 1.8; the workbook-wide onChanged the pane listens to is 1.9.
  events: "workbookEvents",
  notes: "notes",
  undoGroups: "undoGroups",
  autoOpen: "sharedRuntime",
};

/** What the user loses when a requirement set is missing, in plain English. */
const UNAVAILABLE: Record<Capability, string> = {
  names:
    "Binding, validation, recompute and templates need Excel with ExcelApi 1.7; only the FOCUS functions work here.",
  conditionalFormats:
    "Highlighting needs Excel with ExcelApi 1.6; findings are listed in the pane but cells are not marked.",
  events: "Live validation needs Excel with ExcelApi 1.9; press Validate after editing.",
  notes: "Notes need Excel with ExcelApi 1.18; marks are shown without notes.",
  undoGroups:
    "Undoing Recompute or Insert template in one step needs Excel with ExcelApi 1.20; save the workbook before using them.",
  autoOpen:
    "Opening the pane with a workbook (team templates) needs Excel with SharedRuntime 1.1; open the pane from the Home tab instead.",
};

/**
 * Before ExcelApi 1.19 Excel clears the undo history on every change an add-in makes
 * (OfficeDev/office-js-docs-pr#5175, played by sim/undo.ts): marks, bindings and map or scan
 * names as much as Recompute and templates. Said once at the top of the pane, before any write.
 */
const UNDO_UNAVAILABLE =
  "Keeping your undo history when the add-in changes the workbook needs Excel with ExcelApi 1.19: here every change it makes (marks, bindings, recompute, templates, review entries) clears your undo history, so save the workbook first if you may want to go back.";

/** Capabilities from Office.context.requirements.isSetSupported (or any stand-in, for the preview and tests). */
export function detectCapabilities(
  isSetSupported: (name: string, minVersion?: string) => boolean,
  /** Office.context.diagnostics.platform, for what the pane says about undo (undo-notes.ts). */
  officePlatform?: string
): Capabilities {
  const supported = (c: Capability): boolean => {
    const { set, version } = REQUIREMENTS[CAPABILITY_REQUIREMENT[c]];
    try {
      return isSetSupported(set, version);
    } catch {
      return false; // a host that cannot answer is treated as one that lacks the set
    }
  };
  const flags = {
    names: supported("names"),
    conditionalFormats: supported("conditionalFormats"),
    events: supported("events"),
    notes: supported("notes"),
    undoGroups: supported("undoGroups"),
    autoOpen: supported("autoOpen"),
  };
  const unavailable = (Object.keys(flags) as Capability[])
    .filter((c) => !flags[c])
    .map((c) => UNAVAILABLE[c]);
  let keepsUndo = false;
  try {
    keepsUndo = isSetSupported("ExcelApi", "1.19");
  } catch {
    // as above: a host that cannot answer lacks it
  }
  if (!keepsUndo) unavailable.push(UNDO_UNAVAILABLE);
  return { ...flags, unavailable, platform: undoPlatform(officePlatform), keepsUndo };
}

/** Throw the user-facing sentence when a capability is missing. */
export function requireCapability(capabilities: Capabilities, c: Capability): void {
  if (!capabilities[c]) throw new ActionError(UNAVAILABLE[c]);
}

/** The sentence the pane shows when a capability is missing. */
export function unavailableMessage(c: Capability): string {
  return UNAVAILABLE[c];
}
