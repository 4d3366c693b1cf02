/**
 * npm run bench: the cost of a check as workbooks grow. Figures go to the
 * console and bench/results.json; `--check` enforces the budgets.
 * Not part of the unit tests: timings belong here, never in a test.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { checkScope } from "../src/engine/check";
import { SEED } from "../examples/seed-figures";
import { productionBundles } from "./bundle";
import { hyperFormulaMs, libreOfficeMs } from "./compare";
import { validateRoundTrips } from "./office";
import { seg4d2 } from "../src/engine/statements";
import { dailyValues, dailyWorkbook } from "./workbooks";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "focus-check.js");
const OUT = join(ROOT, "bench", "out");

interface CliFigure { sheets: number; bytes: number; medianMs: number; minMs: number; peakRssMb: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Bound lines as an adapter hands them over: numbers with the form's number format, blanks as blanks. */
function boundLines(values: Record<string, number | string | null>) {
  return Object.entries(values).map(([code, v], i) => ({
    code,
    cell: `'S'!E${i + 6}`,
    sheet: "S",
    address: `E${i + 6}`,
    content:
      v === null ? { value: { type: "blank" as const } }
      : typeof v === "number" ? { value: { type: "number" as const, value: v }, numberFormat: "#,##0;(#,##0)" }
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
function benchEngine() {
  const daily = boundLines(Object.fromEntries(seg4d2.lines.map((l) => [l.code, dailyValues(3)[l.code] ?? null])));
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

/** The CLI end to end, from process start, on generated daily workbooks. */
function benchCli(sheets: number, runs: number): CliFigure {
  const bytes = dailyWorkbook(sheets);
  const file = join(OUT, `daily-${sheets}.xlsx`);
  writeFileSync(file, bytes);
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    // /usr/bin/time is not always there; a preloaded hook reports the child's own peak RSS.
    const r = spawnSync(process.execPath, ["--require", join(ROOT, "bench", "rss-hook.js"), BIN, "--json", file], { encoding: "utf8", maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const rss = /RSS (\d+)/.exec(r.stderr);
    if (rss) peak = Math.max(peak, Number(rss[1]) / 1024);
    // Every generated workbook carries broken totals (day 17 of a month) or, at one sheet, none.
    const report = JSON.parse(r.stdout);
    if (report.files[0].file !== file || report.files[0].scopes.length !== sheets) throw new Error(`focus-check did not check ${file}: ${r.stderr}`);
  }
  return { sheets, bytes: bytes.length, medianMs: Math.round(median(times)), minMs: Math.round(Math.min(...times)), peakRssMb: Math.round(peak) };
}

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
  const cli = [1, 25, 250, 1000].map((n) => benchCli(n, n >= 1000 ? 3 : 5));
  const others = [];
  for (const c of cli) {
    const lo = await libreOfficeMs(c.sheets);
    const hf = hyperFormulaMs(c.sheets);
    others.push({ sheets: c.sheets, focusCheckMs: c.medianMs, libreOfficeMs: Math.round(lo), hyperFormulaMs: Math.round(hf.ms), derivedCells: hf.derivedCells });
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  const office = [];
  for (const lines of [150, 1500, 15000]) office.push(await validateRoundTrips(lines));
  const bundles = productionBundles(ROOT);
  const results = { date: new Date().toISOString(), machine, engine, cli, others, office, bundles };
  writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");

  console.log(`machine: ${machine.cpus} cores, ${machine.cpu}, ${machine.memGb} GB, Node ${machine.node}`);
  console.log(`engine: a daily 4d(2) period (${engine.dailyLines} bound lines): first ${engine.firstPeriodUs} µs (cold), then ${engine.perPeriodUs} µs per period over 1,000 periods`);
  console.log(`        the seed's five statements (${engine.seedLines} bound lines): ${engine.seedPerPeriodUs} µs per period`);
  console.log("\nCLI end to end (process start to exit, --json):");
  console.log("sheets  file KB  median ms  min ms  peak RSS MB  ms/sheet");
  for (const c of cli) {
    console.log(`${String(c.sheets).padStart(6)}  ${String(Math.round(c.bytes / 1024)).padStart(7)}  ${String(c.medianMs).padStart(9)}  ${String(c.minMs).padStart(6)}  ${String(c.peakRssMb).padStart(11)}  ${(c.medianMs / c.sheets).toFixed(2).padStart(8)}`);
  }
  console.log("\nthe same derived lines computed by a spreadsheet engine (formulas over sheet-level names):");
  console.log("sheets  focus-check ms  LibreOffice ms  ratio  HyperFormula ms  ratio");
  for (const o of others) {
    console.log(`${String(o.sheets).padStart(6)}  ${String(o.focusCheckMs).padStart(14)}  ${String(o.libreOfficeMs).padStart(14)}  ${(o.libreOfficeMs / o.focusCheckMs).toFixed(1).padStart(5)}  ${String(o.hyperFormulaMs).padStart(15)}  ${(o.hyperFormulaMs / o.focusCheckMs).toFixed(1).padStart(5)}`);
  }
  console.log("(focus-check: process start to exit, reading the .xlsx and checking every identity; LibreOffice: start, open, recalculate, save; HyperFormula: in process, build and compute, no file reading)");
  console.log("\nOffice adapter, one Validate (counted by the simulator's meter):");
  console.log("bound lines  sheets  syncs  largest request KB  largest response KB");
  for (const o of office) console.log(`${String(o.boundLines).padStart(11)}  ${String(o.sheets).padStart(6)}  ${String(o.syncs).padStart(5)}  ${String(o.maxRequestKb).padStart(18)}  ${String(o.maxResponseKb).padStart(19)}`);
  console.log("\nproduction bundles (the add-in page loads them all):");
  for (const b of bundles.files) console.log(`  ${b.file.padEnd(16)} ${String(b.rawKb).padStart(8)} KB raw ${String(b.gzipKb).padStart(7)} KB gzip`);
  console.log(`  page total       ${String(bundles.totalGzipKb).padStart(24)} KB gzip`);
  const base = cli[0].medianMs;
  const slope = (cli[3].medianMs - cli[2].medianMs) / (cli[3].sheets - cli[2].sheets);
  const slopeLow = (cli[2].medianMs - cli[1].medianMs) / (cli[2].sheets - cli[1].sheets);
  console.log(`growth: ${slopeLow.toFixed(2)} ms/sheet from 25 to 250, ${slope.toFixed(2)} ms/sheet from 250 to 1,000 (${slope <= slopeLow * 1.5 ? "linear" : "super-linear"}); fixed cost ${base} ms`);

  if (check) {
    const failures: string[] = [];
    const c250 = cli.find((c) => c.sheets === 250)!;
    if (c250.medianMs >= 2000) failures.push(`250 sheets took ${c250.medianMs} ms (budget 2,000)`);
    if (engine.perPeriodUs >= 50) failures.push(`engine ${engine.perPeriodUs} µs per period (budget 50)`);
    for (const o of office) if (o.syncs > 3) failures.push(`Validate took ${o.syncs} syncs at ${o.boundLines} bound lines (budget 3)`);
    if (bundles.totalGzipKb > 250) failures.push(`the page's JavaScript is ${bundles.totalGzipKb} KB gzip (budget 250)`);
    if (failures.length) {
      console.error(`\nbudget exceeded:\n  ${failures.join("\n  ")}`);
      process.exitCode = 1;
    } else console.log("\nall budgets met");
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
