/**
 * The user's workbook is sacred, checked by a model-based test: random workbooks in the
 * simulator (test/taskpane/sacred/generate.ts) and random sequences of the pane's actions,
 * the user's and a co-author's edits, Ctrl+Z, protection and refused requests, on every
 * platform the simulator plays and above and below the requirement sets that change what
 * Excel does (sacred/run.ts). After every step: typed cells change only through a confirmed
 * Recompute of what the preview showed; the user's formats, conditional formats and notes
 * stay as they were (and Clear leaves none of the add-in's marks); the undo history is
 * cleared only after the pane said so; a failed action changes nothing and says why; nothing
 * but an ActionError leaves the facade; the add-in's events are never left off.
 */
import type { SimPlatform } from "../../sim";
import { ModelRun, type RunConfig } from "./sacred/run";

const PLATFORMS: SimPlatform[] = ["web", "windows", "mac"];
/** 1.20 groups undo; 1.19 keeps add-in changes undoable; 1.18 clears on every change; 1.12 has no merged-area check; 1.8 no workbook events. */
const APIS = ["1.20", "1.19", "1.18", "1.12", "1.8"];
/** FOCUS_MODEL_SEEDS=50 FOCUS_MODEL_STEPS=60 npx jest test/taskpane/workbook-sacred.test.ts for a deeper run. */
const SEEDS_PER_HOST = Number(process.env.FOCUS_MODEL_SEEDS ?? 3);
const STEPS = Number(process.env.FOCUS_MODEL_STEPS ?? 30);

function configs(): RunConfig[] {
  const out: RunConfig[] = [];
  let seed = 1;
  for (const platform of PLATFORMS)
    for (const api of APIS)
      for (let i = 0; i < SEEDS_PER_HOST; i++, seed++)
        out.push({
          seed,
          platform,
          api,
          watch: i % 2 === 0,
          reportedDesktopClears: platform !== "web" && i % 4 === 3,
          steps: STEPS,
        });
  return out;
}

beforeEach(() => {
  // Live validation's debounce runs on fake time; everything else on real promises.
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe("the user's workbook is sacred (model-based)", () => {
  const all = configs();

  // A deeper run (FOCUS_MODEL_SEEDS) takes about a tenth of a second a run of 30 steps, times 4 under load.
  const timeout = 60_000 + SEEDS_PER_HOST * APIS.length * STEPS * 70;
  it.each(PLATFORMS)(
    "on %s, every host, every seed: no promise broken",
    async (platform) => {
      const broken: string[] = [];
      let steps = 0;
      let failed = 0;
      for (const config of all.filter((c) => c.platform === platform)) {
        const run = new ModelRun(config);
        await run.run();
        steps += run.stepsRun;
        failed += run.failures;
        if (run.violations.length) broken.push(run.describe());
      }
      expect(broken).toEqual([]);
      // Every step ran, and most of the pane's actions went through (a run of refusals proves little).
      expect(steps).toBe(SEEDS_PER_HOST * APIS.length * STEPS);
      expect(failed).toBeLessThan(steps / 2);
    },
    timeout
  );
});
