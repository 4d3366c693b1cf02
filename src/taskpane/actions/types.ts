import type {
  CellLocation,
  Dec,
  Explanation,
  Finding,
  SignOff,
  Code,
  StatementId,
} from "../../engine";
import type { WorkbookReport } from "../../workbook/validate";
import type { MapPlan } from "../../workbook/binding-map";

/**
 * What the task pane (and the ribbon) can ask of the add-in. Implemented once,
 * over the workbook port (src/workbook/port.ts), so Excel, the browser preview
 * and the tests run the same logic; the React views only render and ask.
 */

/** Requirement sets, tested at run time; a missing one degrades a feature visibly. */
export interface Capabilities {
  names: boolean; // ExcelApi 1.7 (NamedItem.formula): bind, unbind, validate
  conditionalFormats: boolean; // ExcelApi 1.6: highlight
  events: boolean; // ExcelApi 1.8: live validation (onChanged, onCalculated), enableEvents
  notes: boolean; // ExcelApi 1.18: notes on marked cells
  undoGroups: boolean; // ExcelApi 1.20: one undo step for recompute and templates
  /** Which column of Microsoft's undo table applies (Office.context.diagnostics.platform); unknown: "other". */
  platform?: "web" | "windows" | "mac" | "other";
  /** ExcelApi 1.19: Excel keeps add-in changes on the undo stack at all (before, every add-in change clears it). */
  keepsUndo?: boolean;
  autoOpen: boolean; // SharedRuntime 1.1 (Office.addin): a team template opens the pane with its workbook
  /** One sentence per missing capability, for the pane: "Notes need Excel with ExcelApi 1.18; marks are shown without notes." */
  unavailable: string[];
}

export interface BindingView {
  scope: string;
  statement: StatementId;
  code: Code;
  line: string;
  label: string;
  /** The defined name as written. */
  name: string;
  level: "sheet" | "workbook";
  /** The owning sheet of a sheet-level name. */
  sheet: string | null;
  /** 'Sheet'!A1 or null when the name points nowhere usable. */
  cell: string | null;
  /** Why the binding is unusable (bad target), if it is. */
  problem: string | null;
  /** For a workbook-level name: the sheets whose own sheet-level name for the line takes precedence. */
  shadowedOn: string[];
}

export interface BindResult {
  name: string;
  cell: string;
  /** The earlier target of the same name at the same level, which was replaced. */
  replaced: string | null;
}

/** A binding a scan proposes, for review before any name is created. */
export interface Proposal {
  sheet: string;
  code: Code;
  statement: StatementId;
  /** Amount cell, A1. */
  address: string;
  /** The form's line number and label. */
  line: string;
  label: string;
  /** The value the cell holds now, as shown. */
  shown: string;
  /** "code": a printed line code beside the amount; "label": the row's words. */
  source: "code" | "label";
  /** The row's words as typed (label source); null for a code cell. */
  typed: string | null;
  /** The headings above that placed a label, outermost first. */
  context: string[];
  /** The wording of the line the words matched (label source); null for a code cell. */
  matched: string | null;
  /** 0..1 for a label; null for a code cell (certain). */
  confidence: number | null;
  /** Ticked when the review opens: a code cell or a confident label, with no conflict. */
  ticked: boolean;
  /** An existing binding this would replace or clash with, e.g. "FOCUS_7010 -> 'Day 1'!E6". */
  conflict: string | null;
}

/** A row with an amount that no proposal places: the user binds it by hand or leaves it. */
export interface UnmatchedRow {
  sheet: string;
  address: string;
  /** 'Sheet'!A1 */
  cell: string;
  /** The row's words. */
  text: string;
  shown: string;
}

/** A printed unit ("(in thousands)") and the FOCUS_UNIT it proposes for its sheet. */
export interface UnitProposal {
  sheet: string;
  unit: "1" | "1000" | "1000000";
  /** The words as printed, and where. */
  text: string;
  cell: string;
  /** An existing FOCUS_UNIT that says otherwise, e.g. "FOCUS_UNIT (workbook level) = 1". */
  conflict: string | null;
}

/** What a scan found on one sheet. */
export interface SheetScanResult {
  sheet: string;
  proposals: Proposal[];
  unmatched: UnmatchedRow[];
  unit: UnitProposal | null;
}

export interface ScanResult {
  /** "sheet": the active sheet; "workbook": every worksheet. */
  scope: "sheet" | "workbook";
  /** Sheets where a statement or a code cell was found, in tab order (the active one alone for a sheet scan). */
  sheets: SheetScanResult[];
  /** How many worksheets were read. */
  scanned: number;
  /** Worksheets a workbook scan could not read (e.g. a used range too large for one request), with why. */
  unread: { sheet: string; reason: string }[];
}

/** What the user chose in the review: proposals ticked, rows bound by hand, units ticked. */
export interface ScanChoice {
  bindings: { sheet: string; code: Code; address: string }[];
  units: { sheet: string; unit: UnitProposal["unit"] }[];
}

export interface RecomputeRow {
  scope: string;
  code: Code;
  line: string;
  label: string;
  sheet: string;
  address: string;
  /** 'Sheet'!A1 */
  cell: string;
  reported: Dec | null;
  computed: Dec;
  /** Native Excel formula over FOCUS_ names (unbound parts inlined as values). */
  formula: string;
  /** The cell holds something the user typed (a constant, not a formula): overwriting needs explicit confirmation. */
  typedByUser: boolean;
  /**
   * What the cell held at the preview ("=formula", or its constant): the write refuses a cell
   * changed since, even where no amount tells (text over text). Absent: not checked.
   */
  held?: string;
  /** reported differs from computed (or is blank). */
  changes: boolean;
}

export interface ActionProblem {
  /** One clear sentence for the user, naming the cell when there is one. */
  message: string;
  cell?: string;
}

export interface FocusActions {
  capabilities(): Capabilities;

  /** Every binding of every scope, by statement, with problems. */
  bindings(): Promise<BindingView[]>;
  /**
   * Bind the selected cell to a line. Sheet level by default; an existing name of that level is replaced.
   * `onSheet` (rebinding a sheet's name): refuse unless the selection is on that sheet, so the
   * rebinding replaces that sheet's name instead of creating one on another sheet.
   */
  bindSelection(code: Code, level: "sheet" | "workbook", onSheet?: string): Promise<BindResult>;
  unbind(b: { name: string; sheet: string | null }): Promise<void>;
  /**
   * Confirm the firm read from a sheet's heading: bind a sheet-level FOCUS_ENTITY to the
   * cell it was read from ('Sheet'!A1). Writes a name only, never a cell.
   */
  bindEntity(cell: string): Promise<BindResult>;
  /** Select a cell: a finding's location as it stands, or a label 'Sheet'!A1 (a binding, a notice). */
  goTo(cell: CellLocation | string): Promise<void>;
  /** Propose bindings on the active sheet by code cells and by labels, and its printed unit. Creates nothing. */
  scanSheet(): Promise<ScanResult>;
  /** The same over every worksheet. Creates nothing. */
  scanWorkbook(): Promise<ScanResult>;
  /** Create the reviewed names (sheet level by default; FOCUS_UNIT at the same level), in one batch. Returns how many. */
  applyScan(choice: ScanChoice, level: "sheet" | "workbook"): Promise<number>;

  /** Validate every scope: one batched read. */
  validate(): Promise<WorkbookReport>;
  /** Re-validate on edits and recalculations (debounced, within a second), never writing. Returns an unsubscribe. */
  watch(
    onReport: (r: WorkbookReport) => void,
    onError?: (e: ActionProblem) => void
  ): Promise<() => Promise<void>>;

  /** Mark the cells of the report's errors and warnings with conditional formats (and notes where supported). */
  highlight(report: WorkbookReport): Promise<{ marks: number; notes: boolean }>;
  /** Remove exactly the add-in's own marks. Returns how many were removed. */
  clearHighlights(): Promise<number>;

  /** Every bound derived line's computed value, for a preview. Never includes an input line. */
  recomputePreview(): Promise<RecomputeRow[]>;
  /** Write the confirmed rows as values or as native formulas, in one batch (one undo group where supported). */
  recomputeApply(rows: RecomputeRow[], mode: "values" | "formulas"): Promise<number>;

  /** Insert a new sheet laid out like the form, derived lines as native formulas, sheet-level names created. Returns its name. */
  insertTemplate(statement: StatementId): Promise<string>;

  /** A derived line's formula with the values it uses, in a scope. */
  explain(scope: string, code: Code): Promise<Explanation | null>;

  /** Record a reviewer's acknowledgement of a finding, with a reason, in the workbook's review record. */
  acknowledge(scope: string, finding: Finding, reason: string, by: string): Promise<void>;
  /** Record a sign-off (name, time, result, chained hashes over every bound value and target). */
  markReviewed(reviewer: string): Promise<SignOff>;
  /** Insert the review package as a new sheet; returns its name. */
  writeReportSheet(by: string | null): Promise<string>;

  /** The workbook's bindings as a binding-map file (JSON) to save or copy. */
  exportBindingMap(): Promise<BindingMapFile>;
  /** What applying a binding map (untrusted text) would do here, every conflict included. Changes nothing. */
  planBindingMap(text: string): Promise<BindingMapPlan>;
  /** Create the plan's names in one batch; conflicting ones only where the choice accepts them. Returns how many. */
  applyBindingMap(plan: BindingMapPlan, choice: BindingMapChoice): Promise<number>;

  /** Whether this workbook opens the pane by itself, and where the add-in is served from. */
  teamTemplate(): Promise<TeamTemplateStatus>;
  /** Open the pane with this workbook, or stop: a document setting, saved into the document's settings. */
  setTeamTemplate(on: boolean): Promise<TeamTemplateStatus>;
}

/** A binding map ready to save: see src/workbook/binding-map.ts. */
export interface BindingMapFile {
  /** e.g. "focus-bindings-2026-11-30.focus-map.json" */
  fileName: string;
  /** The JSON, one binding a line. */
  text: string;
  bindings: number;
}

/** A map's plan for this workbook: the names to write, and every conflict to show before any is. */
export interface BindingMapPlan extends MapPlan {
  /** How many bindings the map holds. */
  total: number;
}

/** Which conflicting names to write too (the pane starts with neither). */
export interface BindingMapChoice {
  /** Replace names of the same name and level that refer elsewhere. */
  replaceOccupied: boolean;
  /** Bind cells whose row label differs from the one in the map. */
  acceptChangedLabels: boolean;
}

export interface TeamTemplateStatus {
  /** The document's startup behaviour is Load: the runtime loads with the workbook and shows the pane. */
  autoOpen: boolean;
  /** Why this Excel cannot open the pane with a workbook (SharedRuntime 1.1 missing), else null. */
  unavailable: string | null;
  /**
   * The document still carries the older setting Office.AutoShowTaskpaneWithDocument (from a
   * version of the add-in before the shared-runtime way): changing the template removes it,
   * with settings.saveAsync, which clears Excel's undo history.
   */
  olderSetting: boolean;
  /** The origin the add-in is served from when it is a development one (localhost), else null. */
  developmentOrigin: string | null;
}
