/// <reference types="office-js" />
import type { FocusActions, RecomputeRow } from "../../../src/taskpane/actions";
import { parseCellLabel } from "../../../src/taskpane/actions/cell-ref";
import type { WorkbookReport } from "../../../src/workbook/validate";
import { REVIEW_SHEET } from "../../../src/workbook/review-sheet";
import { Skip, type Check, type LaneContext, type Scenario } from "./types";

/**
 * The scenarios of issue 11, written against the add-in's public actions (the code under test)
 * and checked with Excel's own API. Each starts from a fresh template sheet it inserts itself, so
 * the lane needs nothing but a blank workbook. Where a scenario depends on behaviour another part
 * of issue 11 adds (the undo-safe writes, the function redesign, the co-author refresh), it checks
 * what Excel must do; the simulator runs it only as far as its models reach (NotModelled: skipped).
 */

/** The custom-function formula the functions scenario puts beside a bound line (one place to change it). */
export const functionFormula = (code: string): string => `=FOCUS.LINE(${code})`;

const STATEMENT = "seg-4d2";

/** A fresh template sheet: its name, an input line's cell and code, and a derived line's cell. */
async function templateSheet(actions: FocusActions) {
  const sheet = await actions.insertTemplate(STATEMENT);
  const derived = await actions.recomputePreview();
  const derivedCells = new Set(derived.filter((r) => r.scope === sheet).map((r) => r.cell));
  const bound = (await actions.bindings()).filter((b) => b.scope === sheet && b.cell !== null);
  const input = bound.find((b) => !derivedCells.has(b.cell!));
  const total = derived.find((r) => r.scope === sheet);
  if (!input || !total)
    throw new Error(`the ${STATEMENT} template on ${sheet} has no input or derived line`);
  return { sheet, input: { cell: input.cell!, code: String(input.code) }, derived: total.cell };
}

/** Read a cell's value and formula with Excel.run. */
async function readCell(run: typeof Excel.run, cell: string) {
  const ref = parseCellLabel(cell);
  if (!ref) throw new Error(`not a cell: ${cell}`);
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
    range.load("values, formulas");
    await context.sync();
    return { value: range.values[0][0] as unknown, formula: range.formulas[0][0] as unknown };
  });
}

async function writeCell(run: typeof Excel.run, cell: string, value: number): Promise<void> {
  const ref = parseCellLabel(cell)!;
  await run(async (context) => {
    context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address).values = [[value]];
    await context.sync();
  });
}

/** Start live validation; resolves with the first report that arrives after `after()` ran, or null after 10 s. */
async function reportAfter(
  ctx: LaneContext,
  after: () => Promise<void>
): Promise<WorkbookReport | null> {
  let armed = false;
  let resolve!: (r: WorkbookReport) => void;
  const arrived = new Promise<WorkbookReport>((r) => (resolve = r));
  const stop = await ctx.actions.watch((report) => armed && resolve(report));
  try {
    await after();
    armed = true;
    return await Promise.race([arrived, ctx.sleep(ctx.patienceMs).then(() => null)]);
  } finally {
    await stop();
  }
}

async function typeOrSkip(ctx: LaneContext, cell: string, value: number): Promise<void> {
  if ((await ctx.user({ kind: "type", cell, value })) === "could-not")
    throw new Skip(`the value could not be typed into ${cell}`);
}

/** Press Ctrl+Z; false when Excel had nothing to undo (its undo stack was cleared). */
async function undo(ctx: LaneContext, check: Check, after: string): Promise<void> {
  check((await ctx.user({ kind: "undo" })) === "done", `Excel could undo after ${after}`);
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "undo-after-live-validation",
    title: "Ctrl+Z still undoes the user's typing after live validation ran",
    checks:
      "Validate and live validation never clear the undo stack or add a step to it (excel-add-ins-undo-capabilities.md; office-js#5918: a sync with getMergedAreasOrNullObject cleared it on Windows).",
    async run(ctx, check) {
      const { input } = await templateSheet(ctx.actions);
      const before = await readCell(ctx.run, input.cell);
      const report = await reportAfter(ctx, () => typeOrSkip(ctx, input.cell, 12345));
      check(report !== null, "live validation ran after the edit");
      await undo(ctx, check, "live validation");
      const after = await readCell(ctx.run, input.cell);
      check(
        after.value === before.value,
        `Ctrl+Z restored ${input.cell} to ${String(before.value)}`
      );
    },
  },
  {
    id: "undo-after-recompute",
    title: "One Ctrl+Z reverts Recompute (as formulas)",
    checks:
      "Recompute is one undo step with mergeUndoGroup (ExcelApi 1.20) and never throws UndoNotSupported (excel-add-ins-undo-capabilities.md).",
    async run(ctx, check) {
      if (!ctx.actions.capabilities().undoGroups) throw new Skip("this Excel lacks ExcelApi 1.20");
      const { sheet, derived } = await templateSheet(ctx.actions);
      await typeOrSkip(ctx, derived, 1);
      const rows: RecomputeRow[] = (await ctx.actions.recomputePreview()).filter(
        (r) => r.scope === sheet && r.changes
      );
      check(
        rows.some((r) => r.cell === derived),
        `Recompute proposes to restore ${derived}`
      );
      const before = await Promise.all(rows.map((r) => readCell(ctx.run, r.cell)));
      const written = await ctx.actions.recomputeApply(rows, "formulas");
      check(
        written === rows.length,
        `Recompute wrote ${rows.length} cells without UndoNotSupported`
      );
      await undo(ctx, check, "Recompute");
      const after = await Promise.all(rows.map((r) => readCell(ctx.run, r.cell)));
      check(
        after.every((a, i) => a.formula === before[i].formula),
        "one Ctrl+Z put every recomputed cell back"
      );
    },
  },
  {
    id: "undo-after-acknowledge",
    title: "Acknowledge, then Ctrl+Z: Excel keeps working and the record sheet stays very hidden",
    checks:
      "No non-undoable call inside a merged undo group (Worksheet.visibility is not undoable on Windows and Mac; office-js#6001: Excel crashed on Undo after a very hidden sheet and a cell write in one group). A crash here ends the run with no results.",
    async run(ctx, check) {
      const { sheet, derived } = await templateSheet(ctx.actions);
      await typeOrSkip(ctx, derived, 1);
      const finding = (await ctx.actions.validate()).scopes
        .find((s) => s.scope === sheet)
        ?.findings.find((f) => f.severity !== "info");
      if (!finding) throw new Error(`typing over ${derived} raised no finding to acknowledge`);
      await ctx.actions.acknowledge(sheet, finding, "real-Excel lane", "FOCUS lane");
      check(true, "Acknowledge completed without UndoNotSupported");
      await undo(ctx, check, "Acknowledge");
      const visibility = await ctx.run(async (context) => {
        const record = context.workbook.worksheets.getItemOrNullObject(REVIEW_SHEET);
        record.load("visibility");
        await context.sync();
        return record.isNullObject ? null : record.visibility;
      });
      check(
        visibility !== "Visible",
        `after Ctrl+Z ${REVIEW_SHEET} is not visible (${String(visibility)})`
      );
    },
  },
  {
    id: "functions-with-pane-closed",
    title: "FOCUS functions follow an edit to a bound cell with the pane closed",
    checks:
      "The shared runtime keeps running with the pane hidden (show-hide-add-in.md); no Excel.run inside a recalculation (call-excel-apis-from-custom-function.md; office-js#1395, #6841, #6936).",
    async run(ctx, check) {
      const { sheet, input } = await templateSheet(ctx.actions);
      const target = `'${sheet.replace(/'/g, "''")}'!H2`;
      const ref = parseCellLabel(target)!;
      await ctx.run(async (context) => {
        context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address).formulas = [
          [functionFormula(input.code)],
        ];
        await context.sync();
      });
      await ctx.addin.hide();
      await writeCell(ctx.run, input.cell, 4321);
      let value: unknown = null;
      for (
        let waited = 0;
        waited <= ctx.patienceMs && value !== 4321 && value !== "#NAME?";
        waited += 500
      ) {
        await ctx.sleep(500);
        value = (await readCell(ctx.run, target)).value;
      }
      await ctx.addin.showAsTaskpane();
      if (value === "#NAME?")
        throw new Skip("the FOCUS functions are not registered in this Excel");
      check(
        value === 4321,
        `${functionFormula(input.code)} shows 4321 with the pane closed (saw ${String(value)})`
      );
    },
  },
  {
    id: "co-author-refresh",
    title: "A co-author's edit refreshes the pane's report silently",
    checks:
      "Co-authoring: handle Remote changes by refreshing, without dialogs or writes (co-authoring-in-excel-add-ins.md). Needs the workbook shared on OneDrive or SharePoint and a second session.",
    async run(ctx, check) {
      const { input } = await templateSheet(ctx.actions);
      const report = await reportAfter(ctx, async () => {
        const answer = await ctx.user({ kind: "co-author-type", cell: input.cell, value: 777 });
        if (answer === "could-not") throw new Skip("no co-author session on this workbook");
      });
      check(report !== null, "the pane's report refreshed after the co-author's edit");
    },
  },
  {
    id: "auto-open",
    title: "A team template opens the pane by itself when the workbook is reopened",
    checks:
      "Office.addin.setStartupBehavior(load) is stored in the document, has no effect on the opening it was set in, and the runtime that loads with the reopened workbook shows the pane (run-code-on-document-open.md, show-hide-add-in.md).",
    async run(ctx, check) {
      if (!ctx.actions.capabilities().autoOpen)
        throw new Skip("this Excel lacks SharedRuntime 1.1");
      const status = await ctx.actions.setTeamTemplate(true);
      check(status.autoOpen, "Prepare as team template stored the startup behaviour Load");
      return "reopen";
    },
    async afterReopen(ctx, check) {
      check((await ctx.startupOutcome()) === "shown", "the start-up step showed the pane");
      check(
        (await ctx.user({ kind: "confirm-pane-opened" })) === "done",
        "the person saw the pane open by itself"
      );
      const status = await ctx.actions.setTeamTemplate(false);
      check(!status.autoOpen, "Stop opening the pane set it back to None");
    },
  },
];
