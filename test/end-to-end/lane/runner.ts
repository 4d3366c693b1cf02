import {
  Skip,
  type LaneContext,
  type LaneStore,
  type Scenario,
  type ScenarioResult,
} from "./types";

/**
 * Run every scenario once, in order, collecting one result each. A scenario that asks for the
 * document to be reopened leaves its progress in the store: in Excel the page unloads, and the
 * runtime that loads with the reopened workbook calls runLane again, which resumes it. Returns
 * every result once all have run (in Excel, the test pane then posts them to the test server).
 */
export async function runLane(
  scenarios: readonly Scenario[],
  ctx: LaneContext,
  store: LaneStore
): Promise<ScenarioResult[]> {
  const progress = store.load() ?? { results: [], pending: null };
  const results = [...progress.results];
  if (progress.pending !== null) {
    const scenario = scenarios.find((s) => s.id === progress.pending);
    store.save({ results, pending: null });
    if (scenario)
      results.push(await attempt(scenario, (check) => afterReopen(scenario, ctx, check)));
  }
  for (const scenario of scenarios) {
    if (results.some((r) => r.id === scenario.id)) continue;
    let reopen = false;
    const result = await attempt(scenario, async (check) => {
      if ((await scenario.run(ctx, check)) !== "reopen") return;
      store.save({ results, pending: scenario.id });
      reopen = true;
      if ((await ctx.user({ kind: "save-and-reopen" })) === "could-not")
        throw new Skip("the workbook could not be saved and reopened");
      // Still here: the harness reopened the document without unloading (the simulator).
      store.save({ results, pending: null });
      await afterReopen(scenario, ctx, check);
    });
    if (reopen) store.save({ results: [...results, result], pending: null });
    results.push(result);
  }
  store.save(null);
  return results;
}

async function afterReopen(
  scenario: Scenario,
  ctx: LaneContext,
  check: (ok: boolean, what: string) => void
) {
  if (!scenario.afterReopen)
    throw new Error(`${scenario.id} asked for a reopen but has no afterReopen`);
  await scenario.afterReopen(ctx, check);
}

/** Run one scenario's body: failed checks, a skip, or an exception become its result. */
async function attempt(
  scenario: Scenario,
  body: (check: (ok: boolean, what: string) => void) => Promise<void>
): Promise<ScenarioResult> {
  const failed: string[] = [];
  const passed: string[] = [];
  const check = (ok: boolean, what: string) => void (ok ? passed : failed).push(what);
  const result = (status: ScenarioResult["status"], detail: string[]): ScenarioResult => ({
    id: scenario.id,
    title: scenario.title,
    status,
    detail,
  });
  try {
    await body(check);
  } catch (e) {
    if (e instanceof Skip && failed.length === 0)
      return result("skipped", [e.message, ...passed.map((p) => `checked first: ${p}`)]);
    if (e instanceof Skip)
      return result("fail", [...failed.map((f) => `failed: ${f}`), `then skipped: ${e.message}`]);
    return result("fail", [...failed.map((f) => `failed: ${f}`), `error: ${describe(e)}`]);
  }
  if (failed.length > 0)
    return result(
      "fail",
      failed.map((f) => `failed: ${f}`)
    );
  if (passed.length === 0) return result("fail", ["no check ran"]);
  return result("pass", passed);
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
