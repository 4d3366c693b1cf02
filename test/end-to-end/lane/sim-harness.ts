import type { ExcelSim } from "../../../sim";
import { createFocusActions, detectCapabilities } from "../../../src/taskpane/actions";
import { parseCellLabel } from "../../../src/taskpane/actions/cell-ref";
import { createOfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { showPaneIfTemplate, type StartupOutcome } from "../../../src/workbook/office/startup";
import {
  NotModelled,
  type LaneContext,
  type LaneProgress,
  type LaneStore,
  type UserStep,
} from "./types";

/**
 * The lane's door on the simulator: the same LaneContext the test pane builds in Excel, with the
 * person's steps done by the harness as the user (typing, a co-author's edit, save and reopen).
 * Ctrl+Z is the simulator's undo model (sim/undo.ts, state.undo()); a simulator without one
 * reports the scenario as not modelled.
 */
export function simLane(sim: ExcelSim): { ctx: LaneContext; store: LaneStore; steps: UserStep[] } {
  const isSetSupported = sim.Office.context.requirements.isSetSupported;
  const capabilities = detectCapabilities(isSetSupported);
  const workbook = createOfficeWorkbook({
    run: sim.Excel.run,
    isSetSupported,
    settings: () => sim.Office.context.document.settings,
    addin: () => sim.Office.addin,
  });
  const actions = createFocusActions(workbook, capabilities);
  // The first opening: the runtime loaded because the user opened the pane.
  sim.taskpane.userOpensPane();
  let outcome: Promise<StartupOutcome> = showPaneIfTemplate(
    sim.Office.addin,
    capabilities.autoOpen
  );
  const steps: UserStep[] = [];
  let kept: LaneProgress | null = null;

  const cell = (label: string) => {
    const ref = parseCellLabel(label);
    if (!ref) throw new Error(`not a cell: ${label}`);
    return ref;
  };

  const ctx: LaneContext = {
    actions,
    run: sim.Excel.run,
    addin: sim.Office.addin,
    startupOutcome: () => outcome,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    // Live validation answers within a second (WATCH_DEBOUNCE_MS); Excel gets 10 s.
    patienceMs: 3000,
    async user(step) {
      steps.push(step);
      switch (step.kind) {
        case "type": {
          const { sheet, address } = cell(step.cell);
          await sim.state.setValue(sheet, address, step.value);
          return "done";
        }
        case "co-author-type": {
          const { sheet, address } = cell(step.cell);
          await sim.state.setValue(sheet, address, step.value, { source: "Remote" });
          return "done";
        }
        case "undo": {
          const undo = (sim.state as unknown as { undo?: () => unknown }).undo;
          if (typeof undo !== "function") throw new NotModelled("the user's undo stack (Ctrl+Z)");
          return (await undo.call(sim.state)) === false ? "could-not" : "done";
        }
        case "save-and-reopen": {
          sim.taskpane.save();
          // The runtime loads with the workbook only when it carries Load; else when the user opens the pane.
          if (!sim.taskpane.reopen()) sim.taskpane.userOpensPane();
          outcome = showPaneIfTemplate(sim.Office.addin, capabilities.autoOpen);
          await outcome;
          return "done";
        }
        case "confirm-pane-opened":
          return sim.taskpane.paneVisible && sim.taskpane.loadedWithDocument ? "done" : "could-not";
      }
    },
  };
  const store: LaneStore = { load: () => kept, save: (p) => void (kept = p) };
  return { ctx, store, steps };
}
