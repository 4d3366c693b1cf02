import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { CANNOT_RUN_HERE, formatReport, parseResults } from "../../scripts/excel-lane-report";
import { createExcelSim } from "../../sim";
import { focusRuntime } from "../functions/focus-runtime";
import { describeStep } from "./lane/prompts";
import { runLane } from "./lane/runner";
import { SCENARIOS } from "./lane/scenarios";
import { simLane } from "./lane/sim-harness";
import { Skip, type Scenario, type ScenarioResult } from "./lane/types";

/**
 * The real-Excel lane's own logic, here, against the simulator: the runner, the scenarios over
 * the add-in's real actions and Office adapter, result collection across a reopen, the report
 * and the driver's refusal where there is no Excel. What Excel itself does is the lane's job on
 * Windows and Mac (npm run test:excel); this proves the lane works up to Excel's door.
 */
const root = join(__dirname, "../..");

describe("real-Excel lane: the runner", () => {
  const store = () => {
    let kept: ReturnType<Parameters<typeof runLane>[2]["load"]> = null;
    return { load: () => kept, save: (p: typeof kept) => void (kept = p) };
  };
  const scenario = (
    id: string,
    run: Scenario["run"],
    afterReopen?: Scenario["afterReopen"]
  ): Scenario => ({
    id,
    title: id,
    checks: "",
    run,
    afterReopen,
  });

  it("turns checks, skips and errors into one result per scenario, in order", async () => {
    const { ctx } = simLane(createExcelSim());
    const results = await runLane(
      [
        scenario("ok", async (_c, check) => check(true, "fine")),
        scenario("bad", async (_c, check) => {
          check(false, "first");
          check(true, "second");
        }),
        scenario("skip", async () => {
          throw new Skip("no co-author");
        }),
        scenario("boom", async () => {
          throw Object.assign(new Error("refused"), { code: "UndoNotSupported" });
        }),
        scenario("empty", async () => undefined),
      ],
      ctx,
      store()
    );
    expect(results.map((r) => [r.id, r.status, r.detail])).toEqual([
      ["ok", "pass", ["fine"]],
      ["bad", "fail", ["failed: first"]],
      ["skip", "skipped", ["no co-author"]],
      ["boom", "fail", ["error: UndoNotSupported: refused"]],
      ["empty", "fail", ["no check ran"]],
    ]);
  });

  it("resumes a scenario after the document is reopened, keeping the results before it (Excel's page unloads)", async () => {
    const { ctx } = simLane(createExcelSim());
    const kept = store();
    const reopening = scenario(
      "reopen",
      async (_c, check) => {
        check(true, "before");
        return "reopen";
      },
      async (_c, check) => check(true, "after")
    );
    // In Excel the save-and-reopen prompt never returns: the page unloads.
    const unloading = { ...ctx, user: () => new Promise<never>(() => undefined) };
    const first = runLane(
      [scenario("a", async (_c, check) => check(true, "a")), reopening],
      unloading,
      kept
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(kept.load()).toEqual({
      results: [expect.objectContaining({ id: "a", status: "pass" })],
      pending: "reopen",
    });
    void first;
    // The reopened workbook loads the runtime: the lane starts again and resumes.
    const results = await runLane([scenario("a", async () => undefined), reopening], ctx, kept);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["a", "pass"],
      ["reopen", "pass"],
    ]);
    expect(kept.load()).toBeNull();
  });

  it("asks the person in plain words for every step", () => {
    expect(describeStep({ kind: "type", cell: "'Day 1'!E6", value: 5 })).toBe(
      "Click cell 'Day 1'!E6, type 5 and press Enter. Then click Done."
    );
    expect(describeStep({ kind: "undo" })).toMatch(/Ctrl\+Z once \(Cmd\+Z on Mac\)/);
    expect(describeStep({ kind: "save-and-reopen" })).toMatch(/close it, and open it again/);
  });
});

describe("real-Excel lane: the scenarios on the simulator", () => {
  let results: ScenarioResult[];
  let steps: ReturnType<typeof simLane>["steps"];

  const focusFunctions = focusRuntime();
  afterAll(() => focusFunctions.unload());

  beforeAll(async () => {
    // The add-in's FOCUS functions registered, as in Excel with the add-in loaded.
    await focusFunctions.load();
    const sim = focusFunctions.open();
    const lane = simLane(sim);
    steps = lane.steps;
    results = await runLane(SCENARIOS, lane.ctx, lane.store);
    // Printed as npm run test:excel prints it, so a run here shows how far the simulator's models reach.
    console.log(
      formatReport(
        results,
        SCENARIOS.map((s) => s.id)
      ).lines.join("\n")
    );
  }, 120_000);

  const result = (id: string) => results.find((r) => r.id === id)!;

  it("runs every scenario once, and each result says why", () => {
    expect(results.map((r) => r.id)).toEqual(SCENARIOS.map((s) => s.id));
    for (const r of results) expect(r.detail.length).toBeGreaterThan(0);
  });

  it("auto-open passes: Prepare stores Load, the reopened workbook's start-up shows the pane, Stop clears it", () => {
    expect(result("auto-open")).toEqual(
      expect.objectContaining({
        status: "pass",
        detail: [
          "Prepare as team template stored the startup behaviour Load",
          "the start-up step showed the pane",
          "the person saw the pane open by itself",
          "Stop opening the pane set it back to None",
        ],
      })
    );
    expect(steps.filter((s) => s.kind === "save-and-reopen")).toHaveLength(1);
  });

  it("every scenario passes on the simulator's models (undo, co-authoring, the pane closed, auto-open)", () => {
    expect(results.map((r) => [r.id, r.status])).toEqual(SCENARIOS.map((s) => [s.id, "pass"]));
  });

  it("the undo scenarios reach Ctrl+Z through the add-in's real actions, then check Excel undid the user's step", () => {
    const before: Record<string, string> = {
      "undo-after-live-validation": "live validation ran after the edit",
      "undo-after-recompute": "Recompute",
      "undo-after-acknowledge": "Acknowledge completed without UndoNotSupported",
    };
    for (const [id, first] of Object.entries(before)) {
      const r = result(id);
      expect(r.detail.some((d) => d.startsWith(first))).toBe(true);
      expect(r.detail.some((d) => /Excel could undo/.test(d))).toBe(true);
    }
    // Each typed into the template sheet it inserted, then asked for Ctrl+Z.
    expect(steps.filter((s) => s.kind === "type")).toHaveLength(3);
    expect(steps.filter((s) => s.kind === "undo").length).toBeGreaterThanOrEqual(3);
  });

  it("the co-author scenario makes a Remote edit and the pane refreshes", () => {
    expect(steps).toContainEqual(expect.objectContaining({ kind: "co-author-type", value: 777 }));
    expect(result("co-author-refresh").detail.join(" ")).toMatch(
      /refreshed after the co-author's edit/
    );
  });

  it("the functions scenario closes the pane (the runtime keeps running) and the cell follows the edit", () => {
    expect(result("functions-with-pane-closed").detail.join(" ")).toMatch(
      /shows 4321 with the pane closed/
    );
  });
});

describe("real-Excel lane: the report and the driver", () => {
  const sample: ScenarioResult[] = [
    { id: "auto-open", title: "opens", status: "pass", detail: ["shown"] },
    {
      id: "undo-after-recompute",
      title: "undo",
      status: "fail",
      detail: ["failed: Excel could undo after Recompute"],
    },
  ];

  it("checks what the test pane posted", () => {
    expect(parseResults(JSON.stringify(sample))).toEqual(sample);
    expect(parseResults({ nope: 1 })).toBeInstanceOf(Error);
    expect(String(parseResults([{ id: "x", status: "maybe" }]))).toMatch(/result 1 is not/);
  });

  it("prints pass/fail per scenario and exits non-zero on a failure, a missing scenario or nothing passed", () => {
    const { lines, exitCode } = formatReport(sample, [
      "auto-open",
      "undo-after-recompute",
      "co-author-refresh",
    ]);
    expect(lines[0]).toMatch(/^PASS {4}auto-open +opens$/);
    expect(lines).toContainEqual(expect.stringMatching(/^FAIL {4}undo-after-recompute/));
    expect(lines).toContainEqual(expect.stringMatching(/^MISSING co-author-refresh .*crashed/));
    expect(lines[lines.length - 1]).toBe("1 passed, 1 failed, 0 skipped, 1 missing");
    expect(exitCode).toBe(1);
    expect(formatReport([sample[0]], ["auto-open"]).exitCode).toBe(0);
    expect(formatReport([{ ...sample[0], status: "skipped" }], ["auto-open"]).exitCode).toBe(1);
  });

  it("the driver's scenario list is the lane's", () => {
    const ids = JSON.parse(readFileSync(join(root, "scripts/excel-lane-scenarios.json"), "utf8"));
    expect(ids).toEqual(SCENARIOS.map((s) => s.id));
  });

  it("npm run test:excel says plainly it cannot run here and exits non-zero (no Excel on Linux or in CI)", () => {
    const run = spawnSync(process.execPath, [join(root, "scripts/test-excel.js")], {
      encoding: "utf8",
    });
    if (process.platform === "win32" || process.platform === "darwin") return; // would start Excel
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(CANNOT_RUN_HERE);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts["test:excel"]).toBe(
      "node scripts/test-excel.js"
    );
  });

  it("the test manifest is manifest.xml with its own Id and name", () => {
    const strip = (xml: string) =>
      xml
        .replace(/<!--[\s\S]*?-->/g, "")
        .replace(/<Id>[^<]*<\/Id>/, "<Id/>")
        .replace(/<DisplayName DefaultValue="[^"]*"\/>/, "<DisplayName/>");
    const main = readFileSync(join(root, "manifest.xml"), "utf8");
    const test = readFileSync(join(__dirname, "test-manifest.xml"), "utf8");
    expect(strip(test)).toBe(strip(main));
    expect(test).not.toMatch(/<Id>6f1c2a64/);
    // office-addin-debugging is reached with npx, never installed (it breaks npm ci on Linux).
    const lock = readFileSync(join(root, "package-lock.json"), "utf8");
    expect(lock).not.toMatch(/"node_modules\/office-addin-debugging"/);
  });
});
