/**
 * Every requirement set the add-in uses, what needs it, and whether the manifest demands it.
 * Versions from Microsoft's API reference ("API set: ExcelApi 1.x" on each member) and the
 * requirement-set pages (javascript/api/requirement-sets/excel/excel-api-requirement-sets,
 * .../common/shared-runtime-requirement-sets). Sets are cumulative: ExcelApi 1.7 includes 1.6.
 *
 * `manifest: true`: the add-in cannot work without it (or it is implied by what it cannot work
 * without), so manifest.xml declares it and Excel does not install the add-in where it is
 * missing. `manifest: false`: a feature above the manifest's minimum, tested at run time with
 * Office.context.requirements.isSetSupported and explained in the pane when missing.
 * test/addin/requirement-sets.test.ts reads manifest.xml, this table and the adapter's checks,
 * and fails when they disagree.
 */
export interface Requirement {
  set: "ExcelApi" | "SharedRuntime";
  version: string;
  feature: string;
  manifest: boolean;
}

export const REQUIREMENTS = {
  sharedRuntime: {
    set: "SharedRuntime",
    version: "1.1",
    feature:
      "one runtime for pane, functions and ribbon; Office.addin (startup behaviour, showAsTaskpane)",
    manifest: true,
  },
  names: {
    set: "ExcelApi",
    version: "1.7",
    // Names and Worksheet.names are 1.4; what a name refers to (NamedItem.formula) is 1.7.
    feature:
      "defined names and what they refer to (NamedItem.formula): bind, validate, recompute, templates, the name-reading functions",
    manifest: true,
  },
  conditionalFormats: {
    set: "ExcelApi",
    version: "1.6",
    feature: "conditional formats: highlight (implied by 1.7)",
    manifest: true,
  },
  runtimeEvents: {
    set: "ExcelApi",
    version: "1.8",
    feature: "Runtime.enableEvents and onCalculated",
    manifest: false,
  },
  workbookEvents: {
    set: "ExcelApi",
    version: "1.9",
    feature: "the workbook-wide worksheets.onChanged: live validation",
    manifest: false,
  },
  mergedAreas: {
    set: "ExcelApi",
    version: "1.13",
    feature:
      "Range.getMergedAreasOrNullObject: merged cells refused before writing, and read where it leaves undo alone",
    manifest: false,
  },
  notes: { set: "ExcelApi", version: "1.18", feature: "notes on marked cells", manifest: false },
  keepsUndo: {
    set: "ExcelApi",
    version: "1.19",
    // Microsoft's undo article: below 1.19 every add-in change clears the user's undo stack.
    feature:
      "add-in changes kept on the undo stack (below it the pane says each write clears undo)",
    manifest: false,
  },
  undoGroups: {
    set: "ExcelApi",
    version: "1.20",
    feature: "Excel.run mergeUndoGroup: one undo step for recompute and templates",
    manifest: false,
  },
} as const satisfies Record<string, Requirement>;

export type RequirementName = keyof typeof REQUIREMENTS;
