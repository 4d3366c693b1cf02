import { explain } from "../../engine";
import type { Workbook } from "../../workbook/port";
import { validateWorkbook } from "../../workbook/validate";
import { bindEntity, bindSelection, unbind } from "./binding-edit";
import { listBindings } from "./binding-list";
import { requireCapability, type Capability } from "./capabilities";
import { parseCellLabel } from "./cell-ref";
import { ActionError, asActionError } from "./errors";
import { highlightMarks } from "./highlights";
import { evaluatorOf } from "./scope-values";
import { pageOrigin, setTeamTemplate, teamTemplateStatus } from "./team-template";
import type { ActionProblem, Capabilities, FocusActions } from "./types";
import { watchWorkbook } from "./watch";

/** Every failure leaves an action as an ActionError with a sentence for the user. */
function guarded<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (e) {
      throw asActionError(e);
    }
  };
}

const logProblem = (p: ActionProblem) => console.warn("FOCUS live validation:", p.message);

/**
 * The pane's (and the ribbon's) actions over any workbook that implements the
 * port: Excel, the browser preview's simulator, or a test double.
 */
/*
 * What only a click on another tab or a dialog asks for loads on first use, outside the
 * pane's first load (Validate, live updates, highlights and explain stay in it): scanning
 * (the label matcher and its wording), binding maps (zod), recompute, statement templates,
 * and the review record's writers (acknowledge, sign-off, the report sheet).
 */
const scanning = () => import("./scan");
const maps = () => import("./maps");
const recomputing = () => import("./recompute");
const templates = () => import("./template");
const reviewing = () => import("./review");

export function createFocusActions(workbook: Workbook, capabilities: Capabilities): FocusActions {
  const need = (...cs: Capability[]) => cs.forEach((c) => requireCapability(capabilities, c));
  const validate = () => validateWorkbook(workbook);

  return {
    capabilities: () => capabilities,

    bindings: guarded(async () => {
      need("names");
      return listBindings(workbook);
    }),
    bindSelection: guarded(async (code, level, onSheet) => {
      need("names");
      return bindSelection(workbook, code, level, onSheet);
    }),
    unbind: guarded(async (b) => {
      need("names");
      return unbind(workbook, b);
    }),
    bindEntity: guarded(async (cell) => {
      need("names");
      return bindEntity(workbook, cell);
    }),
    goTo: guarded(async (cell) => {
      // A finding's location needs no parsing; only a printed label is taken apart.
      const ref = typeof cell === "string" ? parseCellLabel(cell) : cell;
      if (!ref) throw new ActionError(`${String(cell)} is not a cell address.`);
      await workbook.select(ref);
    }),
    scanSheet: guarded(async () => {
      need("names");
      return (await scanning()).scanSheet(workbook);
    }),
    scanWorkbook: guarded(async () => {
      need("names");
      return (await scanning()).scanWorkbook(workbook);
    }),
    applyScan: guarded(async (choice, level) => {
      need("names");
      return (await scanning()).applyScan(workbook, choice, level);
    }),

    validate: guarded(async () => {
      need("names");
      return validate();
    }),
    watch: guarded(async (onReport, onError = logProblem) => {
      need("names", "events");
      return watchWorkbook(workbook, validate, onReport, onError);
    }),

    highlight: guarded(async (report) => {
      need("conditionalFormats");
      const marks = highlightMarks(report);
      await workbook.setHighlights(marks);
      return { marks: marks.length, notes: capabilities.notes };
    }),
    clearHighlights: guarded(async () => {
      need("conditionalFormats");
      return workbook.clearHighlights();
    }),

    recomputePreview: guarded(async () => {
      need("names");
      return (await recomputing()).recomputePreview(workbook);
    }),
    recomputeApply: guarded(async (rows, mode) => {
      need("names");
      return (await recomputing()).recomputeApply(workbook, rows, mode);
    }),

    insertTemplate: guarded(async (statement) => {
      need("names");
      return (await templates()).insertTemplate(workbook, statement);
    }),

    explain: guarded(async (scope, code) => {
      need("names");
      const checked = (await validate()).scopes.find((s) => s.scope === scope);
      return checked ? explain(code, evaluatorOf(checked)) : null;
    }),

    acknowledge: guarded(async (scope, finding, reason, by) => {
      need("names");
      return (await reviewing()).acknowledge(workbook, scope, finding, reason, by);
    }),
    markReviewed: guarded(async (reviewer) => {
      need("names");
      return (await reviewing()).markReviewed(workbook, reviewer);
    }),
    writeReportSheet: guarded(async (by) => {
      need("names");
      return (await reviewing()).writeReportSheet(workbook, by, documentName());
    }),

    exportBindingMap: guarded(async () => {
      need("names");
      return (await maps()).exportBindingMap(workbook);
    }),
    planBindingMap: guarded(async (text) => {
      need("names");
      return (await maps()).planBindingMap(workbook, text);
    }),
    applyBindingMap: guarded(async (plan, choice) => {
      need("names");
      return (await maps()).applyBindingMap(workbook, plan, choice);
    }),

    teamTemplate: guarded(async () => teamTemplateStatus(workbook, capabilities, pageOrigin())),
    setTeamTemplate: guarded(async (on) =>
      setTeamTemplate(workbook, capabilities, on, pageOrigin())
    ),
  };
}

/** The workbook's file name as Office knows it (Office.context.document.url), for the report; "this workbook" elsewhere. */
function documentName(): string {
  try {
    const url = typeof Office !== "undefined" ? Office.context?.document?.url : undefined;
    if (url) return decodeURIComponent(url.split(/[\\/]/).pop() ?? url);
  } catch {
    /* not in Office: the preview and tests */
  }
  return "this workbook";
}
