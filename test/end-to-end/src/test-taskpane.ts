/// <reference types="office-js" />
/**
 * The test pane of the real-Excel lane (the test build's taskpane entry, in place of the add-in's
 * pane; functions and commands are the add-in's own). Microsoft's pattern (the
 * Excel-Custom-Functions-Shared template's test/end-to-end): at Office.onReady, ping
 * office-addin-test-server, run the scenarios against the open workbook, post the results.
 */
import { pingTestServer, sendTestResults } from "office-addin-test-helpers";
import { createFocusActions, detectCapabilities } from "../../../src/taskpane/actions";
import { createOfficeWorkbook } from "../../../src/workbook/office";
import { officeAddin, showPaneIfTemplate } from "../../../src/workbook/office/startup";
import { describeStep } from "../lane/prompts";
import { runLane } from "../lane/runner";
import { SCENARIOS } from "../lane/scenarios";
import type { LaneContext, LaneProgress, LaneStore, UserAnswer } from "../lane/types";

const PORT = 4201;
const KEY = "focus-check:real-excel-lane";

const element = (id: string) => document.getElementById(id)!;
const say = (text: string) => void (element("status").textContent = text);

/** Progress kept across the workbook's reopening (the auto-open scenario). */
const store: LaneStore = {
  load: () => {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as LaneProgress) : null;
  },
  save: (progress) =>
    progress ? localStorage.setItem(KEY, JSON.stringify(progress)) : localStorage.removeItem(KEY),
};

function ask(text: string): Promise<UserAnswer> {
  element("prompt-text").textContent = text;
  element("prompt").hidden = false;
  return new Promise((resolve) => {
    const answer = (a: UserAnswer) => () => {
      element("prompt").hidden = true;
      resolve(a);
    };
    element("done").onclick = answer("done");
    element("could-not").onclick = answer("could-not");
  });
}

async function start(): Promise<void> {
  const isSetSupported = (set: string, v?: string) =>
    Office.context.requirements.isSetSupported(set, v);
  const capabilities = detectCapabilities(isSetSupported);
  // The add-in's own start-up step, as src/taskpane/index.tsx runs it.
  const outcome = showPaneIfTemplate(officeAddin(), capabilities.autoOpen);
  const server = await pingTestServer(PORT).catch(() => null);
  if (server?.status !== 200) {
    say("The lane's test server is not running: start the lane with npm run test:excel.");
    return;
  }
  const ctx: LaneContext = {
    actions: createFocusActions(createOfficeWorkbook(), capabilities),
    run: Excel.run,
    addin: officeAddin(),
    user: (step) => ask(describeStep(step)),
    startupOutcome: () => outcome,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    patienceMs: 10_000,
  };
  say("Running the scenarios: follow the prompts below.");
  const results = await runLane(SCENARIOS, ctx, store);
  for (const r of results) {
    const item = document.createElement("li");
    item.textContent = `${r.status.toUpperCase()} ${r.id}: ${r.detail.join("; ")}`;
    element("results").append(item);
  }
  await sendTestResults(results, PORT);
  say("Results sent to the test server; the terminal prints them. You can close Excel.");
}

Office.onReady(() => void start().catch((e: unknown) => say(`The lane stopped: ${String(e)}`)));
