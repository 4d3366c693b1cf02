/**
 * The budgets `npm run bench -- --check` enforces, judged on one run's results. A budget whose
 * figure could not be taken (no Chromium) is "not measured": said, but not a failure.
 */
import type { Results } from "./results";

export interface BudgetResult {
  budget: string;
  limit: string;
  measured: string;
  /** null: not measured on this machine. */
  met: boolean | null;
}

/** The sizes issue #14 set the 2× budget at (the floor is measured at every size). */
export const BUDGETED_FLOOR_SHEETS = [250, 1000];

export function judgeBudgets(r: Results): BudgetResult[] {
  const c250 = r.cli.find((c) => c.sheets === 250);
  const maxSyncs = Math.max(...r.office.map((o) => o.syncs));
  const pane = "skipped" in r.pane ? null : r.pane;
  const read = r.cli.filter((c) => c.floor && BUDGETED_FLOOR_SHEETS.includes(c.sheets));
  return [
    {
      budget: "focus-check, 250 daily sheets (median, process start to exit)",
      limit: "< 2 s",
      measured: c250 ? `${c250.medianMs} ms` : "not run",
      met: c250 ? c250.medianMs < 2000 : null,
    },
    {
      budget:
        "focus-check within 2× of the floor (a bare fflate-and-regex read of the same file), 250 and 1,000 daily sheets",
      limit: "≤ 2×",
      measured: read.length
        ? read.map((c) => `${c.floor!.ratio}× at ${c.sheets}`).join(", ")
        : "not run",
      met: read.length ? read.every((c) => c.floor!.ratio <= 2) : null,
    },
    {
      budget: "engine, one daily 4d(2) period",
      limit: "< 50 µs",
      measured: `${r.engine.perPeriodUs} µs`,
      met: r.engine.perPeriodUs < 50,
    },
    {
      budget: "syncs per Validate, at every size",
      limit: "≤ 3",
      measured: `${maxSyncs} (at ${r.office.map((o) => o.boundLines).join(", ")} lines)`,
      met: maxSyncs <= 3,
    },
    {
      budget: "task pane JavaScript, production, first load, gzip",
      limit: "≤ 250 KB",
      measured: `${r.bundles.firstLoadGzipKb} KB`,
      met: r.bundles.firstLoadGzipKb <= 250,
    },
    {
      budget: "pane interactive (median, from page.goto)",
      limit: "< 1.5 s",
      measured: pane
        ? `${pane.medianMs} ms`
        : `skipped: ${"skipped" in r.pane ? r.pane.skipped : ""}`,
      met: pane ? pane.medianMs < 1500 : null,
    },
    {
      budget: "no HyperFormula (GPL-3.0) code in dist/ or dist-preview/",
      limit: "none",
      measured: r.hyperFormulaScan.found.length
        ? `found in ${r.hyperFormulaScan.found.join(", ")}`
        : `none in ${r.hyperFormulaScan.scanned} files`,
      met: r.hyperFormulaScan.found.length === 0,
    },
  ];
}
