/**
 * The budgets `npm run bench -- --check` enforces, judged on made-up results: each one can fail on
 * its own, and a figure that could not be taken (no Chromium) is "not measured", not a failure.
 * No timing happens here: the bench measures, this only checks the judging.
 */
import { judgeBudgets } from "../../bench/budgets";
import type { Results } from "../../bench/results";

function results(over: Partial<Results> = {}): Results {
  const cli = (sheets: number, medianMs: number, floorMs?: number) => ({
    sheets,
    bytes: 0,
    medianMs,
    minMs: medianMs,
    peakRssMb: 0,
    ...(floorMs
      ? { floor: { medianMs: floorMs, minMs: floorMs, peakRssMb: 0, ratio: medianMs / floorMs } }
      : {}),
  });
  const office = (boundLines: number, syncs: number) => ({
    boundLines,
    sheets: 1,
    syncs,
    maxRequestKb: 1,
    maxResponseKb: 1,
  });
  const fn = { fn: "FOCUS.EXCESS", cells: 1, medianMs: 1, minMs: 1, usPerCell: 1, syncs: 0 };
  return {
    date: "2026-01-01T00:00:00.000Z",
    machine: { cpus: 2, cpu: "test", memGb: 1, node: "v20" },
    engine: {
      dailyLines: 27,
      firstPeriodUs: 1,
      perPeriodUs: 40,
      seedLines: 109,
      seedPerPeriodUs: 100,
    },
    cli: [cli(1, 100), cli(25, 200), cli(250, 500, 300), cli(1000, 1200, 700)],
    others: [],
    functions: {
      excess: fn,
      nativeBaselineMs: 1,
      excessDirectUsPerCall: 1,
      doubleWouldDiffer: 0,
      line: { ...fn, fn: "FOCUS.LINE" },
    },
    office: [office(156, 3), office(1508, 3), office(15002, 3)],
    bundles: { files: [], firstLoadGzipKb: 240, totalGzipKb: 290 },
    pane: {
      runs: [],
      medianMs: 800,
      minMs: 700,
      maxMs: 900,
      medianValidateMs: 150,
      previewGzipKb: 270,
    },
    hyperFormulaScan: { scanned: 20, found: [] },
    ...over,
  };
}

const unmet = (r: Results) =>
  judgeBudgets(r)
    .filter((b) => b.met === false)
    .map((b) => b.budget);

it("meets every budget on figures inside them", () => {
  expect(judgeBudgets(results()).every((b) => b.met === true)).toBe(true);
});

it("names each budget that is exceeded", () => {
  const r = results({
    cli: [
      {
        sheets: 250,
        bytes: 0,
        medianMs: 2000,
        minMs: 2000,
        peakRssMb: 0,
        floor: { medianMs: 900, minMs: 900, peakRssMb: 0, ratio: 2.22 },
      },
    ],
    engine: {
      dailyLines: 27,
      firstPeriodUs: 1,
      perPeriodUs: 50,
      seedLines: 109,
      seedPerPeriodUs: 100,
    },
    office: [{ boundLines: 15002, sheets: 577, syncs: 4, maxRequestKb: 1, maxResponseKb: 1 }],
    bundles: { files: [], firstLoadGzipKb: 250.1, totalGzipKb: 300 },
    pane: {
      runs: [],
      medianMs: 1500,
      minMs: 1500,
      maxMs: 1500,
      medianValidateMs: 1,
      previewGzipKb: 1,
    },
    hyperFormulaScan: { scanned: 20, found: ["dist/382.js"] },
  });
  expect(unmet(r)).toHaveLength(7);
  expect(judgeBudgets(r).find((b) => /HyperFormula/.test(b.budget))?.measured).toBe(
    "found in dist/382.js"
  );
});

it("judges the floor ratio at 250 and 1,000 sheets: one over 2× fails it; smaller sizes are shown in the bench, not judged", () => {
  const oneSheet = {
    sheets: 1,
    bytes: 0,
    medianMs: 250,
    minMs: 250,
    peakRssMb: 0,
    floor: { medianMs: 100, minMs: 100, peakRssMb: 0, ratio: 2.5 },
  };
  const r = results({
    cli: [
      oneSheet,
      {
        sheets: 250,
        bytes: 0,
        medianMs: 500,
        minMs: 500,
        peakRssMb: 0,
        floor: { medianMs: 300, minMs: 300, peakRssMb: 0, ratio: 1.67 },
      },
      {
        sheets: 1000,
        bytes: 0,
        medianMs: 1500,
        minMs: 1500,
        peakRssMb: 0,
        floor: { medianMs: 700, minMs: 700, peakRssMb: 0, ratio: 2.14 },
      },
    ],
  });
  const floor = judgeBudgets(r).find((b) => /floor/.test(b.budget))!;
  expect(floor).toMatchObject({ met: false, measured: "1.67× at 250, 2.14× at 1000" });
  const within = results({ cli: [oneSheet, ...r.cli.filter((c) => c.sheets === 250)] });
  expect(judgeBudgets(within).find((b) => /floor/.test(b.budget))).toMatchObject({
    met: true,
    measured: "1.67× at 250",
  });
  expect(
    judgeBudgets(
      results({ cli: [{ sheets: 250, bytes: 0, medianMs: 500, minMs: 500, peakRssMb: 0 }] })
    ).find((b) => /floor/.test(b.budget))
  ).toMatchObject({ met: null, measured: "not run" });
});

it("reports the pane as not measured, not failed, when Chromium is missing", () => {
  const pane = judgeBudgets(results({ pane: { skipped: "chromium not installed" } })).find((b) =>
    /interactive/.test(b.budget)
  )!;
  expect(pane).toMatchObject({ met: null, measured: "skipped: chromium not installed" });
});
