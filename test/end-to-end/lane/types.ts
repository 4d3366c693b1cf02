/// <reference types="office-js" />
import type { FocusActions } from "../../../src/taskpane/actions";
import type { AddinApi, StartupOutcome } from "../../../src/workbook/office/startup";

/**
 * The real-Excel lane (npm run test:excel): scenarios that run inside Excel against the open
 * workbook, through the add-in's public actions and Office adapter, and check what Excel did
 * with Excel's own API. The same scenarios run in jest against the simulator
 * (test/end-to-end/lane-on-sim.test.ts), so the lane is known to work up to Excel's door.
 */

/** What only a person at Excel can do (or, on the simulator, the harness does as the user). */
export type UserStep =
  /** Type a number into a cell and press Enter (a user's edit: one undo step). */
  | { kind: "type"; cell: string; value: number }
  /** Press Ctrl+Z (Cmd+Z on Mac) once. */
  | { kind: "undo" }
  /** A co-author, in another session on the same shared workbook, types a number into a cell. */
  | { kind: "co-author-type"; cell: string; value: number }
  /** Save the workbook, close it, and open it again (the lane resumes when the runtime loads). */
  | { kind: "save-and-reopen" }
  /** Answer a question about what Excel shows: did the pane open by itself? */
  | { kind: "confirm-pane-opened" };

/** "done": the step was done (or the answer is yes); "could-not": it could not be (or no). */
export type UserAnswer = "done" | "could-not";

/** Kept across the document's reopening (localStorage in Excel; memory on the simulator). */
export interface LaneStore {
  load(): LaneProgress | null;
  save(progress: LaneProgress | null): void;
}

export interface LaneProgress {
  results: ScenarioResult[];
  /** The scenario waiting for the document to be reopened. */
  pending: string | null;
}

export interface LaneContext {
  /** The add-in's public actions over the Office adapter: the code under test. */
  actions: FocusActions;
  /** Excel.run: what a scenario checks, read from Excel itself. */
  run: typeof Excel.run;
  /** Office.addin. */
  addin: AddinApi;
  /** Ask the person at Excel (or the simulator harness) to do something. */
  user(step: UserStep): Promise<UserAnswer>;
  /** What the runtime's start-up step did when this page loaded (src/workbook/office/startup.ts). */
  startupOutcome(): Promise<StartupOutcome>;
  /** Wait, for Excel to recalculate or the pane's live validation to run. */
  sleep(ms: number): Promise<void>;
  /** How long to wait for live validation or a recalculation before calling it missing. */
  patienceMs: number;
}

/** One result line: what was checked, and what failed or why it was skipped. */
export interface ScenarioResult {
  id: string;
  title: string;
  status: "pass" | "fail" | "skipped";
  detail: string[];
}

/** Records each check; a scenario with a failed check fails, and goes on to its next check. */
export type Check = (ok: boolean, what: string) => void;

export interface Scenario {
  id: string;
  title: string;
  /** What Excel must do, and the doc or issue it comes from. */
  checks: string;
  /** Returns "reopen" when the scenario goes on after the document is saved and reopened. */
  run(ctx: LaneContext, check: Check): Promise<void | "reopen">;
  afterReopen?(ctx: LaneContext, check: Check): Promise<void>;
}

/** Throw to skip a scenario with its reason (a host without a set, a person who cannot co-author). */
export class Skip extends Error {}

/** Thrown by the simulator harness for a step the simulator does not model yet. */
export class NotModelled extends Skip {
  constructor(what: string) {
    super(`not modelled by the simulator: ${what}`);
  }
}
