#!/usr/bin/env node
/**
 * npm run test:excel: the real-Excel lane, Microsoft's way (the Excel-Custom-Functions-Shared
 * template's test/end-to-end). Starts office-addin-test-server on port 4201, sideloads the test
 * build (test/end-to-end/test-manifest.xml, the lane's test pane with the add-in's functions and
 * commands) into Excel desktop with office-addin-debugging through npx (not a dependency: it
 * does not install on Linux), waits for the test pane to post its results, and prints one line
 * per scenario. Exits non-zero when a scenario failed or is missing.
 *
 * Only on Windows or Mac with Excel desktop. Anywhere else (Linux, CI) it says it cannot run
 * and exits 2 without pretending: there is no Excel there.
 */
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const { parseResults, formatReport, CANNOT_RUN_HERE } = require("./excel-lane-report");

const PORT = 4201; // office-addin-test-server's port in Microsoft's template, and the test pane's
const WAIT_MINUTES = 30; // the person at Excel follows prompts: typing, Ctrl+Z, a reopen
const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "test", "end-to-end", "test-manifest.xml");
const windows = process.platform === "win32";

function npx(args) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["--yes", ...args], { cwd: root, stdio: "inherit", shell: windows });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

async function main() {
  const desktop = windows || process.platform === "darwin";
  if (!desktop || process.env.CI) {
    console.error(CANNOT_RUN_HERE);
    return 2;
  }
  const { TestServer } = require("office-addin-test-server");
  const server = new TestServer(PORT);
  if (!(await server.startTestServer(true))) {
    console.error(`Could not start office-addin-test-server on port ${PORT}.`);
    return 1;
  }
  const sideloaded =
    (await npx([
      "office-addin-debugging",
      "start",
      manifest,
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server -- --config test/end-to-end/webpack.config.js",
      "--dev-server-port",
      "3000",
    ])) === 0;
  try {
    if (!sideloaded) {
      console.error("office-addin-debugging could not sideload the test build into Excel desktop.");
      return 1;
    }
    console.log(
      "Excel opens with the FOCUS test pane: follow its prompts. Results print here when it posts them."
    );
    const timeout = new Promise((resolve) =>
      setTimeout(() => resolve(null), WAIT_MINUTES * 60_000)
    );
    const posted = await Promise.race([server.getTestResults(), timeout]);
    // The scenario ids, kept equal to test/end-to-end/lane/scenarios.ts by lane-on-sim.test.ts.
    const SCENARIOS = require("./excel-lane-scenarios.json");
    if (posted === null) {
      console.error(`No results after ${WAIT_MINUTES} minutes: Excel may have closed or crashed.`);
      console.error(formatReport([], SCENARIOS).lines.join("\n"));
      return 1;
    }
    const results = parseResults(posted);
    if (results instanceof Error) {
      console.error(results.message);
      return 1;
    }
    const report = formatReport(results, SCENARIOS);
    console.log(report.lines.join("\n"));
    return report.exitCode;
  } finally {
    await server.stopTestServer();
    await npx(["office-addin-debugging", "stop", manifest]);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  }
);
