"use strict";
/**
 * The real-Excel lane's report: what the test pane posted to office-addin-test-server, checked
 * and printed one line per scenario. Plain JavaScript so scripts/test-excel.js can print it
 * without a build; test/end-to-end/lane-on-sim.test.ts tests it.
 */

const STATUSES = new Set(["pass", "fail", "skipped"]);

/** The posted results, or an Error saying what is wrong with them. */
function parseResults(posted) {
  const list = typeof posted === "string" ? JSON.parse(posted) : posted;
  if (!Array.isArray(list)) return new Error("the test pane posted no list of results");
  for (const [i, r] of list.entries()) {
    const ok =
      r &&
      typeof r.id === "string" &&
      typeof r.title === "string" &&
      STATUSES.has(r.status) &&
      Array.isArray(r.detail) &&
      r.detail.every((d) => typeof d === "string");
    if (!ok)
      return new Error(`result ${i + 1} is not {id, title, status, detail}: ${JSON.stringify(r)}`);
  }
  return list;
}

/**
 * Lines to print and the exit code: 0 only when nothing failed, every expected scenario reported
 * and at least one passed (a run where everything was skipped proves nothing).
 */
function formatReport(results, expectedIds) {
  const lines = [];
  const width = Math.max(0, ...results.map((r) => r.id.length));
  for (const r of results) {
    lines.push(`${r.status.toUpperCase().padEnd(7)} ${r.id.padEnd(width)}  ${r.title}`);
    for (const d of r.detail) lines.push(`        ${"".padEnd(width)}  - ${d}`);
  }
  const missing = (expectedIds || []).filter((id) => !results.some((r) => r.id === id));
  for (const id of missing)
    lines.push(
      `MISSING ${id.padEnd(width)}  (no result: Excel may have closed or crashed during it)`
    );
  const count = (s) => results.filter((r) => r.status === s).length;
  const [pass, fail, skipped] = [count("pass"), count("fail"), count("skipped")];
  lines.push("");
  lines.push(
    `${pass} passed, ${fail} failed, ${skipped} skipped${missing.length ? `, ${missing.length} missing` : ""}`
  );
  const exitCode = fail === 0 && missing.length === 0 && pass > 0 ? 0 : 1;
  return { lines, exitCode };
}

/** What the driver says on a machine without Excel desktop: it cannot run here. */
const CANNOT_RUN_HERE =
  "npm run test:excel cannot run here: it sideloads the add-in into Excel desktop, which exists " +
  "only on Windows and Mac (there is no Excel on Linux, and CI cannot run it). Nothing was run. " +
  "Run it on a Windows or Mac machine with Excel before a release (README: The real-Excel lane); " +
  "the lane's own logic is tested here against the simulator (test/end-to-end/lane-on-sim.test.ts).";

module.exports = { parseResults, formatReport, CANNOT_RUN_HERE };
