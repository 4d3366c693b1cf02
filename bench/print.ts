/** The console's view of one bench run (bench/results.json holds the same figures). */
import { judgeBudgets } from "./budgets";
import type { CliFigure, Results } from "./results";

const pad = (v: string | number, n: number) => String(v).padStart(n);

export function printResults(r: Results): void {
  const { machine, engine, cli, others, functions: fx, office, bundles, pane } = r;
  console.log(
    `machine: ${machine.cpus} cores, ${machine.cpu}, ${machine.memGb} GB, Node ${machine.node}`
  );
  console.log(
    `engine: a daily 4d(2) period (${engine.dailyLines} bound lines): first ${engine.firstPeriodUs} µs (cold), then ${engine.perPeriodUs} µs per period over 1,000 periods`
  );
  console.log(
    `        the seed's five statements (${engine.seedLines} bound lines): ${engine.seedPerPeriodUs} µs per period`
  );

  console.log("\nCLI end to end (process start to exit, --json):");
  console.log("sheets  file KB  median ms  min ms  peak RSS MB  ms/sheet");
  for (const c of cli)
    console.log(
      `${pad(c.sheets, 6)}  ${pad(Math.round(c.bytes / 1024), 7)}  ${pad(c.medianMs, 9)}  ${pad(c.minMs, 6)}  ${pad(c.peakRssMb, 11)}  ${pad((c.medianMs / c.sheets).toFixed(2), 8)}`
    );
  const slope = (cli[3].medianMs - cli[2].medianMs) / (cli[3].sheets - cli[2].sheets);
  const slopeLow = (cli[2].medianMs - cli[1].medianMs) / (cli[2].sheets - cli[1].sheets);
  console.log(
    `growth: ${slopeLow.toFixed(2)} ms/sheet from 25 to 250, ${slope.toFixed(2)} ms/sheet from 250 to 1,000 (${slope <= slopeLow * 1.5 ? "linear" : "super-linear"}); fixed cost ${cli[0].medianMs} ms`
  );
  printRead(cli);

  console.log(
    "\nthe same derived lines computed by a spreadsheet engine (formulas over sheet-level names):"
  );
  console.log("sheets  focus-check ms  LibreOffice ms  ratio  HyperFormula ms  ratio");
  for (const o of others)
    console.log(
      `${pad(o.sheets, 6)}  ${pad(o.focusCheckMs, 14)}  ${pad(o.libreOfficeMs, 14)}  ${pad((o.libreOfficeMs / o.focusCheckMs).toFixed(1), 5)}  ${pad(o.hyperFormulaMs, 15)}  ${pad((o.hyperFormulaMs / o.focusCheckMs).toFixed(1), 5)}`
    );
  console.log(
    "(focus-check: process start to exit, reading the .xlsx and checking every identity; LibreOffice: start, open, recalculate, save; HyperFormula: in process, build and compute, no file reading)"
  );

  console.log(
    "\ncustom functions in the in-memory Excel (first calculation of a freshly opened workbook, every result checked):"
  );
  for (const f of [fx.excess, fx.line])
    console.log(
      `  ${f.fn.padEnd(13)} ${pad(f.cells, 6)} cells  median ${pad(f.medianMs, 4)} ms  min ${pad(f.minMs, 4)} ms  ${pad(f.usPerCell, 3)} µs/cell  ${f.syncs} syncs`
    );
  console.log(
    `  (FOCUS.LINE: ${fx.line.syncs} syncs in all, one read of the workbook for every cell; FOCUS.EXCESS called directly: ${fx.excessDirectUsPerCall} µs per call;`
  );
  console.log(
    `   the same ${fx.excess.cells} subtractions as a native formula: ${fx.nativeBaselineMs} ms; plain double arithmetic would differ from FOCUS.EXCESS in ${fx.doubleWouldDiffer} of them)`
  );

  console.log("\nOffice adapter, one Validate (counted by the simulator's meter):");
  console.log("bound lines  sheets  syncs  largest request KB  largest response KB");
  for (const o of office)
    console.log(
      `${pad(o.boundLines, 11)}  ${pad(o.sheets, 6)}  ${pad(o.syncs, 5)}  ${pad(o.maxRequestKb, 18)}  ${pad(o.maxResponseKb, 19)}`
    );

  console.log(
    "\nproduction bundles (first load: the scripts taskpane.html names; later: chunks loaded when a panel is first opened):"
  );
  for (const b of bundles.files)
    console.log(
      `  ${b.file.padEnd(16)} ${pad(b.rawKb, 8)} KB raw ${pad(b.gzipKb, 7)} KB gzip  ${b.firstLoad ? "first load" : "later"}`
    );
  console.log(`  first load       ${pad(bundles.firstLoadGzipKb, 24)} KB gzip`);
  console.log(`  all chunks       ${pad(bundles.totalGzipKb, 24)} KB gzip`);
  const scan = r.hyperFormulaScan;
  console.log(
    scan.found.length
      ? `  HyperFormula (GPL-3.0) code FOUND in ${scan.found.join(", ")}`
      : `  HyperFormula (GPL-3.0): no trace in the ${scan.scanned} built files of dist/ and dist-preview/`
  );

  console.log(
    "\ntask pane in headless Chromium (production preview, from page.goto to the Validate button actionable):"
  );
  if ("skipped" in pane) console.log(`  skipped: ${pane.skipped}`);
  else {
    console.log(
      `  median ${pane.medianMs} ms, min ${pane.minMs} ms, max ${pane.maxMs} ms over ${pane.runs.length} fresh contexts; then Validate to the report: median ${pane.medianValidateMs} ms`
    );
    console.log(
      `  runs (interactive / DOMContentLoaded / validate ms): ${pane.runs.map((p) => `${p.interactiveMs}/${p.domContentLoadedMs}/${p.validateMs}`).join("  ")}`
    );
    console.log(
      `  (the preview page's first load: ${pane.previewGzipKb} KB gzip, the pane with the in-browser Excel and the grid)`
    );
  }

  console.log("\nbudgets:");
  for (const b of judgeBudgets(r))
    console.log(
      `  ${b.met === null ? "not measured" : b.met ? "met         " : "NOT MET     "}  ${b.budget}: ${b.measured} (budget ${b.limit})`
    );
}

/** focus-check beside the floor (bench/floor.ts: fflate and one regular expression), both from process start to exit. */
export function printRead(cli: CliFigure[]): void {
  console.log(
    "\nthe one file read: focus-check --json beside the floor (inflate with fflate, one regular expression for every cell value and name):"
  );
  console.log(
    "sheets  floor ms  focus-check ms  ratio  check alone ms  ratio  floor RSS MB  focus-check RSS MB"
  );
  for (const c of cli) {
    if (!c.floor) continue;
    const alone = c.floor.checkOnlyMs ?? "-";
    const aloneRatio = c.floor.checkOnlyRatio?.toFixed(2) ?? "-";
    console.log(
      `${pad(c.sheets, 6)}  ${pad(c.floor.medianMs, 8)}  ${pad(c.medianMs, 14)}  ${pad(c.floor.ratio.toFixed(2), 5)}  ${pad(alone, 14)}  ${pad(aloneRatio, 5)}  ${pad(c.floor.peakRssMb, 12)}  ${pad(c.peakRssMb, 18)}`
    );
  }
}
