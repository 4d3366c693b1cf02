/**
 * npm run bench: the cost of a check as workbooks grow. Figures go to the
 * console and bench/results.json; `--check` enforces the budgets.
 * Not part of the unit tests: timings belong here, never in a test.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { checkScope, seg4d2 } from "../src/engine";
import { SEED } from "../examples/seed-figures";
import { BUDGETED_FLOOR_SHEETS, judgeBudgets } from "./budgets";
import { productionBundles, scanForHyperFormula } from "./bundle";
import { hyperFormulaMs, libreOfficeMs } from "./compare";
import { benchFunctions } from "./functions";
import { validateRoundTrips } from "./office";
import { benchPane } from "./pane";
import { printRead, printResults } from "./print";
import { median } from "./median";
import type { CliFigure, EngineFigure, Results } from "./results";
import { dailyValues, dailyWorkbook } from "./workbooks";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "focus-check.js");
const FLOOR = join(ROOT, "lib", "bench", "floor.js");
const CHECK_ONLY = join(ROOT, "lib", "bench", "check-only.js");
const RSS_HOOK = join(ROOT, "bench", "rss-hook.js");
const OUT = join(ROOT, "bench", "out");

/** Bound lines as an adapter hands them over: numbers with the form's number format, blanks as blanks. */
function boundLines(values: Record<string, number | string | null>) {
  return Object.entries(values).map(([code, v], i) => ({
    code,
    cell: `'S'!E${i + 6}`,
    sheet: "S",
    address: `E${i + 6}`,
    content:
      v === null
        ? { value: { type: "blank" as const } }
        : typeof v === "number"
          ? { value: { type: "number" as const, value: v }, numberFormat: "#,##0;(#,##0)" }
          : { value: { type: "text" as const, text: v } },
  }));
}

/** Microseconds per checkScope call, best of five rounds of `n` calls after a warm-up. */
function timePeriods(lines: ReturnType<typeof boundLines>, n: number): number {
  for (let i = 0; i < 500; i++) checkScope({ scope: "warm", lines });
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) checkScope({ scope: `p${i}`, lines });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / n);
  }
  return Math.round(best * 10) / 10;
}

/**
 * Engine alone. A period is one daily 4d(2) segregation statement, the unit a reviewer
 * validates a year of (the same figures as the CLI workbooks); the seed's five
 * statements together are timed too.
 */
function benchEngine(): EngineFigure {
  const daily = boundLines(
    Object.fromEntries(seg4d2.lines.map((l) => [l.code, dailyValues(3)[l.code] ?? null]))
  );
  const t0 = process.hrtime.bigint();
  checkScope({ scope: "cold", lines: daily });
  const coldUs = Number(process.hrtime.bigint() - t0) / 1000;
  return {
    dailyLines: daily.length,
    firstPeriodUs: Math.round(coldUs),
    perPeriodUs: timePeriods(daily, 1000),
    seedLines: Object.keys(SEED).length,
    seedPerPeriodUs: timePeriods(boundLines(SEED), 1000),
  };
}

/** One process from start to exit, with its peak RSS in MB (a preloaded hook reports it: /usr/bin/time is not always there). */
function timed(
  script: string,
  args: string[]
): { ms: number; rssMb: number; stdout: string; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", RSS_HOOK, script, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /RSS (\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : 0, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI end to end, from process start, on generated daily workbooks; with `floor`, the
 * bare read of the same file (bench/floor.ts) and the check alone (bench/check-only.ts) run
 * before each CLI run, so all three see the same load on a shared machine.
 */
function benchCli(sheets: number, runs: number, floor: boolean): CliFigure {
  const bytes = dailyWorkbook(sheets);
  const file = join(OUT, `daily-${sheets}.xlsx`);
  writeFileSync(file, bytes);
  const times: number[] = [];
  const floorTimes: number[] = [];
  const checkTimes: number[] = [];
  let peak = 0;
  let floorPeak = 0;
  for (let i = 0; i < runs; i++) {
    if (floor) {
      const f = timed(FLOOR, [file]);
      if (!/"cells":[1-9]/.test(f.stdout))
        throw new Error(`the floor read nothing from ${file}: ${f.stderr}`);
      floorTimes.push(f.ms);
      floorPeak = Math.max(floorPeak, f.rssMb);
      const c = timed(CHECK_ONLY, [file]);
      if (!c.stdout.includes(`"scopes":${sheets}`))
        throw new Error(`the check alone did not check ${file}: ${c.stderr}`);
      checkTimes.push(c.ms);
    }
    const r = timed(BIN, ["--json", file]);
    times.push(r.ms);
    peak = Math.max(peak, r.rssMb);
    // Every generated workbook carries broken totals (day 17 of a month) or, at one sheet, none.
    const report = JSON.parse(r.stdout);
    if (report.files[0].file !== file || report.files[0].scopes.length !== sheets)
      throw new Error(`focus-check did not check ${file}: ${r.stderr}`);
  }
  const medianMs = Math.round(median(times));
  const figure: CliFigure = {
    sheets,
    bytes: bytes.length,
    medianMs,
    minMs: Math.round(Math.min(...times)),
    peakRssMb: Math.round(peak),
  };
  if (floor) {
    const floorMs = Math.round(median(floorTimes));
    figure.floor = {
      medianMs: floorMs,
      minMs: Math.round(Math.min(...floorTimes)),
      peakRssMb: Math.round(floorPeak),
      ratio: Math.round((medianMs / floorMs) * 100) / 100,
      checkOnlyMs: Math.round(median(checkTimes)),
      checkOnlyRatio: Math.round((median(checkTimes) / floorMs) * 100) / 100,
    };
  }
  return figure;
}

/** Every size is measured beside the floor: one filing, a month, a year, four years of daily sheets. */
const CLI_SHEETS = [1, 25, 250, 1000];

async function main() {
  const check = process.argv.includes("--check");
  mkdirSync(OUT, { recursive: true });
  const engine = benchEngine();
  if (process.argv.includes("--engine")) {
    // Quick look while optimising: the engine alone, nothing written.
    console.log(JSON.stringify(engine));
    if (check && engine.perPeriodUs >= 50) process.exitCode = 1;
    return;
  }
  if (process.argv.includes("--read")) {
    // Quick look while optimising: focus-check beside the floor only.
    const read = CLI_SHEETS.map((n) => benchCli(n, 5, true));
    printRead(read);
    // Recorded beside the last full run (kept as it was), with its own date and the machine's load.
    const path = join(ROOT, "bench", "results.json");
    const last = JSON.parse(readFileSync(path, "utf8"));
    last.readRun = {
      date: new Date().toISOString(),
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
      cli: read,
    };
    writeFileSync(path, JSON.stringify(last, null, 2) + "\n");
    const budgeted = read.filter((c) => BUDGETED_FLOOR_SHEETS.includes(c.sheets));
    if (check && budgeted.some((c) => c.floor!.ratio > 2)) process.exitCode = 1;
    return;
  }
  const cli = CLI_SHEETS.map((n) => benchCli(n, 5, true));
  const others = [];
  for (const c of cli) {
    const lo = await libreOfficeMs(c.sheets);
    const hf = hyperFormulaMs(c.sheets);
    others.push({
      sheets: c.sheets,
      focusCheckMs: c.medianMs,
      libreOfficeMs: Math.round(lo),
      hyperFormulaMs: Math.round(hf.ms),
      derivedCells: hf.derivedCells,
    });
  }
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const functions = await benchFunctions(ROOT);
  const office = [];
  for (const lines of [150, 1500, 15000]) office.push(await validateRoundTrips(lines));
  const bundles = productionBundles(ROOT);
  const pane = await benchPane(ROOT);
  // Both builds are fresh now (the pane's step built dist-preview/): neither may carry GPL code.
  const hyperFormulaScan = scanForHyperFormula(ROOT, ["dist", "dist-preview"]);
  const results: Results = {
    date: new Date().toISOString(),
    machine,
    engine,
    cli,
    others,
    functions,
    office,
    bundles,
    pane,
    hyperFormulaScan,
  };
  const judged = judgeBudgets(results);
  writeFileSync(
    join(ROOT, "bench", "results.json"),
    JSON.stringify({ ...results, budgets: judged }, null, 2) + "\n"
  );
  printResults(results);

  const failures = judged.filter((b) => b.met === false);
  const unmeasured = judged.filter((b) => b.met === null).map((b) => `${b.budget}: ${b.measured}`);
  // GPL code in a build fails the bench with or without --check: that is a licence breach, not a slowdown.
  if (hyperFormulaScan.found.length) process.exitCode = 1;
  if (!check) return;
  if (failures.length) {
    console.error(
      `\nbudgets: ${failures.length} not met\n${failures.map((f) => `  - ${f.budget}: ${f.measured} (budget ${f.limit})`).join("\n")}`
    );
    process.exitCode = 1;
  } else
    console.log(
      `\nbudgets: all met${unmeasured.length ? ` (not measured here: ${unmeasured.join("; ")})` : ""}`
    );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
