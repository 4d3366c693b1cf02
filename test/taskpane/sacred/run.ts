/**
 * One model-based run: a generated workbook in the simulator, the pane's actions through the
 * facade the pane uses, the user's and a co-author's edits, Ctrl+Z and refused requests
 * interleaved at random, and after every step the promises of the README's "Undo and
 * co-authoring" checked against a model of the workbook. A broken promise is a violation
 * naming the seed and the steps that led to it.
 */
import { createExcelSim, type BookSnapshot, type ExcelSim, type SimPlatform } from "../../../sim";
import type { RefusalCode } from "../../../sim";
import {
  ActionError,
  createFocusActions,
  detectCapabilities,
  recomputeUndoNote,
  recordSheetUndoNote,
  templateUndoNote,
  WATCH_DEBOUNCE_MS,
  type ActionProblem,
  type Capabilities,
  type FocusActions,
  type RecomputeRow,
} from "../../../src/taskpane/actions";
import type { StatementId } from "../../../src/engine";
import { createOfficeWorkbook } from "../../../src/workbook/office";
import type { WorkbookReport } from "../../../src/workbook/validate";
import { seeded } from "../../support/seeded";
import { CODES, FIRST_ROW, generateWorkbook, picker, type Pick } from "./generate";
import {
  addinMarks,
  contents,
  differing,
  differingSnapshots,
  formats,
  userMarks,
  type Content,
} from "./observe";

export interface RunConfig {
  seed: number;
  platform: SimPlatform;
  /** The host's highest ExcelApi. */
  api: string;
  /** Live validation runs throughout (needs ExcelApi 1.9). */
  watch: boolean;
  /** The undo losses issue threads report on the desktop (sim/undo.ts). */
  reportedDesktopClears: boolean;
  steps: number;
}

/** What a step is, for the pane: the sentences it shows before it, and the model's bookkeeping. */
interface Step {
  name: string;
  /** Sentences the pane shows before the user starts it (besides the capability notices). */
  warns?: (string | null)[];
  /** The user's (or a co-author's) own change: it may change content, and it may be refused. */
  byUser?: boolean;
  /** Only reads: nothing may change, nothing may reach the undo stack. */
  readOnly?: boolean;
  act(): Promise<unknown>;
  /** After success: the cells the step wrote, with their new content (the model follows). */
  wrote?: () => Map<string, Content>;
}

const STATEMENTS: StatementId[] = ["seg-4d2", "secured-30.7", "cleared-swaps-4df"];
const REFUSALS: RefusalCode[] = [
  "RequestAborted",
  "ServiceNotAvailable",
  "ActivityLimitReached",
  "GeneralException",
];
const UNDO_WARNING = /undo history/i;

const cellKey = (sheet: string, address: string) => `${sheet}!${address}`;

export class ModelRun {
  readonly sim: ExcelSim;
  readonly actions: FocusActions;
  readonly caps: Capabilities;
  readonly notices: string[] = [];
  readonly violations: string[] = [];
  readonly trail: string[] = [];
  /** How many steps ran, and how many of the pane's actions failed with a message. */
  stepsRun = 0;
  failures = 0;
  private readonly pick: Pick;
  private sheets: string[] = [];
  private expected = new Map<string, Content>();
  private baseFormats = new Map<string, string>();
  private baseUserMarks: string[] = [];
  private report: WorkbookReport | null = null;
  private stopWatch: (() => Promise<void>) | null = null;
  private live = 0;
  /** The workbook a failed step must leave as it was (moved on by an edit inside the step). */
  private base: BookSnapshot | null = null;
  private liveErrors: ActionProblem[] = [];

  constructor(readonly config: RunConfig) {
    this.pick = picker(seeded(config.seed));
    const layout = generateWorkbook(this.pick);
    this.sheets = layout.sheets;
    this.sim = createExcelSim({
      workbook: layout.model,
      platform: config.platform,
      requirementSets: { ExcelApi: config.api, SharedRuntime: "1.1" },
      reportedDesktopClears: config.reportedDesktopClears,
    });
    const isSetSupported = (set: string, version?: string) =>
      this.sim.Office.context.requirements.isSetSupported(set, version);
    const workbook = createOfficeWorkbook({
      run: this.sim.Excel.run,
      isSetSupported: (s, v) => isSetSupported(s, v),
      platform: () => this.sim.Office.context.diagnostics.platform,
      document: () => this.sim.Office.context.document,
      onNotice: (m) => this.notices.push(m),
    });
    this.caps = detectCapabilities(isSetSupported, this.sim.Office.context.diagnostics.platform);
    this.actions = createFocusActions(workbook, this.caps);
    // Excel keeps the operations of a failing request before the one that failed: no transactions.
    this.sim.state.failedBatches = "partly-applied";
    this.finish = layout.finish;
  }

  private readonly finish: (sim: ExcelSim) => Promise<void>;

  async run(): Promise<void> {
    await this.finish(this.sim);
    const snap = this.sim.state.snapshot();
    this.expected = contents(snap, this.sheets);
    this.baseFormats = formats(snap, this.sheets);
    this.baseUserMarks = userMarks(snap, this.sheets);
    if (this.config.watch && this.caps.events) {
      this.stopWatch = await this.actions.watch(
        () => this.live++,
        (p) => void this.liveErrors.push(p)
      );
    }
    for (let i = 0; i < this.config.steps && this.violations.length === 0; i++) {
      await this.step(this.nextStep());
      this.stepsRun++;
    }
    await this.stopWatch?.();
  }

  // --- the steps -----------------------------------------------------------------------

  private nextStep(): Step {
    const r = this.pick();
    if (r < 0.1) return this.validate();
    if (r < 0.2) return this.highlight();
    if (r < 0.28) return this.clear();
    if (r < 0.42) return this.recompute();
    if (r < 0.47) return this.template();
    if (r < 0.55) return this.bind();
    if (r < 0.6) return this.unbind();
    if (r < 0.65) return this.map();
    if (r < 0.7) return this.acknowledge();
    if (r < 0.74) return this.signOff();
    if (r < 0.86) return this.edit(this.pick.chance(0.5) ? "Local" : "Remote");
    if (r < 0.9) return this.undo();
    if (r < 0.93) return this.protection();
    if (r < 0.95) return this.scan();
    if (r < 0.96) return this.pick.chance(0.5) ? this.reportSheet() : this.entity();
    if (r < 0.98) return this.editing(this.nextStep());
    return this.refused(this.nextStep());
  }

  private validate(): Step {
    return {
      name: "validate",
      readOnly: true,
      act: async () => (this.report = await this.actions.validate()),
    };
  }

  private highlight(): Step {
    return {
      name: "highlight",
      act: async () => {
        const report = this.report ?? (await this.actions.validate());
        return this.actions.highlight(report);
      },
    };
  }

  private clear(): Step {
    return {
      name: "clear highlights",
      act: async () => {
        await this.actions.clearHighlights();
        // Restored exactly: every format as before the first mark, the user's own rules and notes kept.
        const snap = this.sim.state.snapshot();
        if (addinMarks(snap) !== 0) this.violate("clear highlights left marks behind");
      },
    };
  }

  private recompute(): Step {
    const mode = this.pick.chance(0.5) ? "values" : "formulas";
    const declined = this.pick.chance(0.25);
    const interleave = this.pick.chance(0.2) ? (this.pick.chance(0.5) ? "Local" : "Remote") : null;
    let chosen: RecomputeRow[] = [];
    let seen = new Map<string, Content | undefined>();
    let written = 0;
    return {
      name: `recompute as ${mode}${declined ? ", declined" : ""}${interleave ? `, ${interleave} edit before the write` : ""}`,
      warns: [recomputeUndoNote(this.caps)],
      act: async () => {
        const rows = await this.actions.recomputePreview();
        if (declined || rows.length === 0) return 0;
        chosen = this.pick.chance(0.5)
          ? rows.filter((r) => r.changes)
          : rows.filter(() => this.pick.chance(0.5));
        // What the preview showed the user in each cell it is about to overwrite.
        seen = new Map(chosen.map((r) => [cellKey(r.sheet, r.address), this.now(r)]));
        if (interleave && chosen.length) {
          const target = this.pick.of(chosen);
          await this.type(target.sheet, target.address, interleave).catch(() => undefined);
          // The edit is the user's (or co-author's): the model and the "before" follow it.
          const snap = this.sim.state.snapshot();
          this.expected = contents(snap, this.sheets);
          this.base = snap;
        }
        written = await this.actions.recomputeApply(chosen, mode);
        return written;
      },
      wrote: () => {
        const out = new Map<string, Content>();
        if (written === 0) return out;
        for (const r of chosen) {
          const key = cellKey(r.sheet, r.address);
          const before = this.expected.get(key);
          const typed =
            before !== undefined && !(typeof before === "string" && before.startsWith("="));
          if (typed && !r.typedByUser)
            this.violate(
              `${key}: typed ${String(before)} overwritten, the preview said it was not typed`
            );
          if (typed && seen.get(key) !== before)
            this.violate(
              `${key}: typed ${String(before)} overwritten, the preview showed ${String(seen.get(key))}`
            );
          const now = this.now(r);
          if (mode === "values" && now !== r.computed.toNumber())
            this.violate(
              `${key}: wrote ${String(now)}, the preview computed ${r.computed.toFixed()}`
            );
          if (mode === "formulas" && !(typeof now === "string" && now.startsWith("=")))
            this.violate(`${key}: no formula written`);
          if (now !== undefined && this.sheets.includes(r.sheet)) out.set(key, now);
        }
        return out;
      },
    };
  }

  private template(): Step {
    const statement = this.pick.of(STATEMENTS);
    return {
      name: `insert template ${statement}`,
      warns: [templateUndoNote(this.caps)],
      act: () => this.actions.insertTemplate(statement),
    };
  }

  private bind(): Step {
    const sheet = this.pick.of(this.sheets);
    const address = `C${FIRST_ROW + this.pick.int(CODES.length + 3)}`;
    const code = this.pick.of(CODES);
    const level = this.pick.chance(0.7) ? "sheet" : "workbook";
    return {
      name: `bind ${code} at ${level} level to '${sheet}'!${address}`,
      act: async () => {
        await this.actions.goTo(`'${sheet.replace(/'/g, "''")}'!${address}`);
        return this.actions.bindSelection(code, level);
      },
    };
  }

  private unbind(): Step {
    return {
      name: "unbind",
      act: async () => {
        const bindings = await this.actions.bindings();
        if (bindings.length === 0) return;
        const b = this.pick.of(bindings);
        await this.actions.unbind({ name: b.name, sheet: b.sheet });
      },
    };
  }

  private map(): Step {
    const garbage = this.pick.chance(0.2);
    const replaceOccupied = this.pick.chance(0.5);
    const acceptChangedLabels = this.pick.chance(0.5);
    return {
      name: garbage ? "apply a damaged binding map" : "apply a binding map moved down a row",
      act: async () => {
        let text: string;
        if (garbage)
          text = this.pick.of(['{"format":', "null", "[]", '{"format":"focus-binding-map"}']);
        else {
          const exported = await this.actions.exportBindingMap();
          // The same bindings one row down: every name occupied, every label changed.
          text = exported.text.replace(/"address": "C(\d+)"/g, (_m, row: string) =>
            this.pick.chance(0.5) ? `"address": "C${Number(row) + 1}"` : `"address": "C${row}"`
          );
        }
        const plan = await this.actions.planBindingMap(text);
        return this.actions.applyBindingMap(plan, { replaceOccupied, acceptChangedLabels });
      },
    };
  }

  private scan(): Step {
    const level = this.pick.chance(0.7) ? "sheet" : "workbook";
    return {
      name: `scan the workbook and apply what is ticked at ${level} level`,
      act: async () => {
        const scan = await this.actions.scanWorkbook();
        const bindings = scan.sheets.flatMap((s) => s.proposals.filter((p) => p.ticked));
        const units = scan.sheets.flatMap((s) => (s.unit && !s.unit.conflict ? [s.unit] : []));
        return this.actions.applyScan({ bindings, units }, level);
      },
    };
  }

  private reportSheet(): Step {
    return {
      name: "write the report sheet",
      // The file's bytes come back through Office's callbacks (timers in the simulator).
      act: () => this.pumped(this.actions.writeReportSheet("A. Reviewer")),
    };
  }

  private entity(): Step {
    const sheet = this.pick.of(this.sheets);
    return {
      name: `confirm the firm's name on '${sheet}'`,
      act: () => this.actions.bindEntity(`'${sheet.replace(/'/g, "''")}'!A1`),
    };
  }

  /** The user is typing in a cell when the action starts, and presses Enter a moment later. */
  private editing(step: Step): Step {
    if (step.byUser) return step;
    return {
      ...step,
      name: `${step.name}, while the user edits a cell`,
      act: async () => {
        this.sim.state.enterCellEdit();
        const done = step.act().finally(() => this.sim.state.exitCellEdit());
        await this.settle();
        this.sim.state.exitCellEdit();
        return done;
      },
    };
  }

  private acknowledge(): Step {
    return {
      name: "acknowledge a finding",
      // The dialog cannot tell whether the record exists: it says "if" (AcknowledgeDialog).
      warns: [recordSheetUndoNote(this.caps, false)],
      act: async () => {
        const report = this.report ?? (await this.actions.validate());
        const scopes = report.scopes.filter((s) => s.findings.length);
        if (!scopes.length) return;
        const scope = this.pick.of(scopes);
        const finding = this.pick.of(scope.findings);
        await this.actions.acknowledge(
          scope.scope,
          finding,
          "checked with the bank",
          "A. Reviewer"
        );
      },
    };
  }

  private signOff(): Step {
    // The Sign-off section's note follows the report the pane shows (SignOffSection).
    const record = this.report?.record;
    const hasEntries = record ? record.signOffs.length + record.acknowledgements.length > 0 : false;
    return {
      name: "sign off",
      warns: [recordSheetUndoNote(this.caps, hasEntries)],
      act: () => this.actions.markReviewed("A. Reviewer"),
    };
  }

  private edit(source: "Local" | "Remote"): Step {
    const sheet = this.pick.of(this.sheets);
    const address = `${this.pick.of(["C", "C", "C", "E", "F"])}${FIRST_ROW + this.pick.int(CODES.length + 3)}`;
    return {
      name: `${source === "Local" ? "the user" : "a co-author"} types in '${sheet}'!${address}`,
      byUser: true,
      act: () => this.type(sheet, address, source),
    };
  }

  private undo(): Step {
    return {
      name: "Ctrl+Z",
      byUser: true,
      act: () => this.sim.state.undo(),
    };
  }

  private protection(): Step {
    const sheet = this.pick.of(this.sheets);
    const on = this.pick.chance(0.5);
    return {
      name: `${on ? "protect" : "unprotect"} '${sheet}'`,
      byUser: true,
      act: async () => (on ? this.sim.state.protect(sheet) : this.sim.state.unprotect(sheet)),
    };
  }

  /** The next action meets a refused request: one of its first few syncs fails. */
  private refused(step: Step): Step {
    if (step.byUser) return step;
    const after = this.pick.int(6);
    const code = this.pick.of(REFUSALS);
    return {
      ...step,
      name: `${step.name}, sync ${after + 1} refused with ${code}`,
      act: async () => {
        const cancel = this.sim.state.refuseSync(after, code);
        try {
          return await step.act();
        } finally {
          cancel();
        }
      },
    };
  }

  // --- running a step and checking the model --------------------------------------------

  private async step(step: Step): Promise<void> {
    this.trail.push(step.name);
    const { state } = this.sim;
    this.base = state.snapshot();
    const undoAt = state.undoLog.length;
    const noticesAt = this.notices.length;
    const liveAt = this.live + this.liveErrors.length;
    let failure: unknown = null;
    try {
      await step.act();
    } catch (e) {
      failure = e;
    }
    await this.settle();
    const after = state.snapshot();

    if (failure !== null) {
      if (step.byUser) {
        // Excel refused the user's own change (a locked cell): nothing to check of the add-in.
      } else {
        this.failures++;
        if (!(failure instanceof ActionError) || !failure.message)
          this.violate(`threw ${String(failure)} out of the facade`);
        const left = differingSnapshots(this.base, after);
        if (left.length)
          this.violate(`failed (${(failure as Error).message}) but changed ${left.join(", ")}`);
      }
    }
    if (step.byUser) {
      // The user's change is theirs: the model follows whatever Excel kept.
      this.expected = contents(after, this.sheets);
    } else if (failure === null) {
      const wrote = step.wrote?.() ?? new Map<string, Content>();
      for (const [k, v] of wrote) this.expected.set(k, v);
    }
    this.checkContent(after, step);
    this.checkFormats(after);
    this.checkUndo(step, undoAt, noticesAt, failure);
    if (state.book.enableEvents !== true) this.violate("the add-in's events were left off");
    if (state.handlerErrors.length)
      this.violate(`an event handler threw: ${String(state.handlerErrors[0])}`);
    if (state.crashed) this.violate(`Excel crashed: ${state.crashed}`);
    if (step.name.includes("types") && failure === null && this.stopWatch)
      await this.awaitLive(liveAt);
  }

  private checkContent(after: BookSnapshot, step: Step): void {
    const actual = contents(after, this.sheets);
    const changed = differing(this.expected, actual);
    if (changed.length)
      this.violate(
        `${step.name}: the user's cells changed without a confirmed write: ${changed
          .slice(0, 4)
          .map((k) => `${k} ${String(this.expected.get(k))} -> ${String(actual.get(k))}`)
          .join("; ")}`
      );
  }

  private checkFormats(after: BookSnapshot): void {
    const changed = differing(this.baseFormats, formats(after, this.sheets));
    if (changed.length)
      this.violate(`the user's formats changed: ${changed.slice(0, 4).join(", ")}`);
    const marks = userMarks(after, this.sheets);
    if (marks.join("\n") !== this.baseUserMarks.join("\n"))
      this.violate(`the user's conditional formats or notes changed: ${marks.join("; ")}`);
  }

  private checkUndo(step: Step, undoAt: number, noticesAt: number, failure: unknown): void {
    const events = this.sim.state.undoLog.slice(undoAt);
    if (step.readOnly && events.length)
      this.violate(
        `a read touched the undo stack: ${events.map((e) => `${e.kind} ${e.by}`).join(", ")}`
      );
    const warned = [...this.caps.unavailable, ...(step.warns ?? [])].some(
      (s) => s !== null && UNDO_WARNING.test(s)
    );
    for (const e of events) {
      if (e.kind !== "cleared" || warned) continue;
      // The reports the simulator plays only when asked, which the add-in knowingly does not follow.
      if (
        this.config.reportedDesktopClears &&
        /Range\.formulas|WorksheetCollection\.add/.test(e.by)
      )
        continue;
      this.violate(`${step.name} cleared the undo history (${e.by}) and the pane had not said so`);
    }
    if (events.some((e) => e.kind === "refused") && failure === null)
      if (this.notices.length === noticesAt)
        this.violate(`${step.name} was made ungrouped and the user was not told`);
  }

  /** Live validation follows the edit: a report (or a message) within the debounce. */
  private async awaitLive(before: number): Promise<void> {
    await jest.advanceTimersByTimeAsync(WATCH_DEBOUNCE_MS);
    for (let i = 0; i < 200 && this.live + this.liveErrors.length === before; i++)
      await this.settle();
    if (this.live + this.liveErrors.length === before)
      this.violate("live validation did not follow the edit");
  }

  /** Await `work` while moving fake time on, so callbacks on timers (getFileAsync's) arrive. */
  private async pumped<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = work.finally(() => (settled = true));
    // A millisecond a turn: the fake clock puts a zero-delay timer set while it ticks 1 ms on.
    for (let i = 0; i < 10_000 && !settled; i++) await jest.advanceTimersByTimeAsync(1);
    return done;
  }

  /** Let event handlers, timers due now and the batches they started finish. */
  private async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await this.sim.state.idle();
      await jest.advanceTimersByTimeAsync(0);
    }
  }

  /** Type something into a cell as the user or a co-author. */
  private async type(sheet: string, address: string, source: "Local" | "Remote"): Promise<void> {
    const value = this.pick.of<number | string | null>([this.pick.int(5000), "n/a", null, "1,500"]);
    await this.sim.state.setValue(sheet, address, value, { source });
  }

  private now(r: { sheet: string; address: string }): Content | undefined {
    const { state } = this.sim;
    return state.formula(r.sheet, r.address) ?? state.value(r.sheet, r.address) ?? undefined;
  }

  private violate(what: string): void {
    this.violations.push(what);
  }

  describe(): string {
    const c = this.config;
    return `seed ${c.seed} on ${c.platform}, ExcelApi ${c.api}${c.watch ? ", live validation" : ""}${c.reportedDesktopClears ? ", reported desktop clears" : ""}:\n  ${this.trail.join("\n  ")}\n=> ${this.violations.join("\n=> ")}`;
  }
}
