/**
 * Teams and reviewers in the browser preview, driven in Chromium: a binding map exported from the
 * example and applied to a copy without names (its plan and conflicts first), the team template's
 * setting on and off under the development-manifest warning, and the Review tab over three daily
 * 4d(2) sheets dated in their names. A browser session of its own beside preview.test.ts (the same
 * build, reused or built once under its lock); every state gets a screenshot and an axe check
 * (test-results/preview/teams-*), and every page must ask nothing of another host and log no error.
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { formWorkbook, SEED_SHEETS } from "../../examples/form-layout";
import { SEED, SEED_ASOF, SEED_FIRM } from "../../examples/seed-figures";
import { parseBindingMap } from "../../src/workbook/binding-map";
import { type WorkbookModel, writeXlsx } from "../../sim";
import { previewSuite } from "./support/suite";
import { namesPanel } from "./support/workbook";

const suite = previewSuite({
  label: "teams suite",
  artifactPrefix: "teams-",
  stepTimeoutMs: 10_000,
});
const { pane, paneTab, button, checkpoint } = suite;
let page: Page;
beforeEach(() => {
  page = suite.page();
});

const section = (name: string) => pane().getByRole("region", { name, exact: true });
const namesHeading = (count: number) =>
  namesPanel(page).getByRole("heading", { name: `Defined names (${count})` });

/** Choose a file in the picker `opener` opens (Open .xlsx…, Apply bindings from a map…). */
async function choose(opener: string, name: string, bytes: Uint8Array | string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), button(opener).click()]);
  await chooser.setFiles({
    name,
    mimeType: "application/octet-stream",
    buffer: Buffer.from(bytes),
  });
}

async function openWorkbook(name: string, model: WorkbookModel): Promise<void> {
  await choose("Open .xlsx…", name, writeXlsx(model));
  await page.getByText(`Workbook: ${name}`).waitFor();
}

/** The example as examples/make-example.ts writes it: every amount bound by a workbook-level name. */
const example = () =>
  formWorkbook({ firm: SEED_FIRM, asOf: SEED_ASOF, values: SEED, sheets: SEED_SHEETS });

/** "'Seg 4d(2)'!$E$29" → ["Seg 4d(2)", "E29"] */
const target = (refersTo: string) => {
  const [, sheet, address] = /^'(.+)'!(.+)$/.exec(refersTo)!;
  return [sheet.replace(/''/g, "'"), address.replace(/\$/g, "")];
};

it("exports the example's bindings as a map and applies it to a copy without names, conflicts first", async () => {
  await paneTab("Bind").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    button("Export bindings").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^focus-bindings-\d{4}-\d{2}-\d{2}\.focus-map\.json$/
  );
  const text = readFileSync((await download.path())!, "utf8");
  const parsed = parseBindingMap(text);
  if (!parsed.ok) throw new Error(`the exported map does not parse: ${parsed.error}`);
  const { bindings } = parsed.map;
  const expected = example().names!.map((n) => [n.name, null, ...target(n.refersTo)]);
  expect(bindings.map((b) => [b.name, b.owner, b.sheet, b.address]).sort()).toEqual(
    expected.sort()
  );
  expect(bindings.find((b) => b.name === "FOCUS_7180")!.label).toMatch(
    /Total amount in segregation/
  );
  await pane()
    .getByText(`Saved ${bindings.length} bindings as ${download.suggestedFilename()}.`)
    .waitFor();
  await checkpoint("01-map-exported");

  // Next month's copy: the same layout without names, one row relabelled and one sheet gone.
  const copy = example();
  const seg = copy.sheets.find((s) => s.name === "Seg 4d(2)")!;
  const relabelled = seg.cells.find((c) => c.ref === "B30")!; // the label of FOCUS_7190 (E30)
  relabelled.value = "Excess funds (relabelled)";
  const gone = "Dealer options 32.6";
  const skipped = bindings.filter((b) => b.sheet === gone).length;
  expect(skipped).toBeGreaterThan(0);
  await openWorkbook("next-month.xlsx", {
    ...copy,
    sheets: copy.sheets.filter((s) => s.name !== gone),
    names: [],
  });
  await namesHeading(0).waitFor();

  await paneTab("Bind").click();
  await choose("Apply bindings from a map…", download.suggestedFilename(), text);
  const maps = section("Binding maps");
  const creates = bindings.length - skipped - 1;
  await maps
    .getByText(
      `${download.suggestedFilename()} holds ${bindings.length} bindings: ${creates} names would ` +
        `be created without conflict, 0 already in place, ${skipped + 1} conflicts listed below.`,
      { exact: false }
    )
    .waitFor();
  const changed = maps.getByRole("list", { name: "Rows whose label differs from the map (1)" });
  await expect(changed.textContent()).resolves.toContain("FOCUS_7190");
  const missing = maps.getByRole("list", {
    name: `Sheets this workbook does not have (skipped) (${skipped})`,
  });
  await expect(missing.getByRole("listitem").count()).resolves.toBe(skipped);
  await expect(missing.textContent()).resolves.toContain(`sheet '${gone}' is not in this workbook`);
  await namesHeading(0).waitFor(); // the plan changed nothing
  await missing.scrollIntoViewIfNeeded();
  await checkpoint("02-map-plan");

  // The relabelled row is left out unless "Bind these cells anyway" is ticked.
  await button(`Apply: ${creates} names`).click();
  await maps
    .getByText(`Applied ${download.suggestedFilename()}: ${creates} names created or replaced.`)
    .waitFor();
  await namesHeading(creates).waitFor();
  const rows = namesPanel(page).getByRole("row");
  await rows.filter({ hasText: "FOCUS_7180" }).filter({ hasText: "='Seg 4d(2)'!$E$29" }).waitFor();
  await rows
    .filter({ hasText: "FOCUS_8590" })
    .filter({ hasText: "'Cleared swaps 4d(f)'" })
    .waitFor();
  await expect(rows.filter({ hasText: "FOCUS_7190" }).count()).resolves.toBe(0);
  await checkpoint("03-map-applied");
});

it("prepares the workbook as a team template under the development-manifest warning, and stops", async () => {
  await paneTab("Templates").click();
  const team = section("Team template");
  await team.getByText("Development manifest").waitFor();
  await expect(team.textContent()).resolves.toContain(
    `The add-in is running from ${new URL(suite.serverUrl()).origin}, a development manifest.`
  );
  await team.getByText("This workbook does not open the pane by itself.").waitFor();
  await team.scrollIntoViewIfNeeded();
  await checkpoint("04-team-template");

  await team.getByRole("button", { name: "Prepare as team template" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Prepare as team template?" });
  await dialog.waitFor();
  await checkpoint("05-team-template-confirm");
  await dialog.getByRole("button", { name: "Prepare", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await team
    .getByText(
      /^Prepared: from the next time this workbook is opened, the FOCUS pane opens with it\./
    )
    .waitFor();
  await team.getByText("This workbook is prepared: it opens the pane.").waitFor();
  await checkpoint("06-team-template-prepared");

  await team.getByRole("button", { name: "Stop opening the pane with this workbook" }).click();
  const stop = page.getByRole("alertdialog", { name: "Stop opening the pane?" });
  await stop.getByRole("button", { name: "Stop opening the pane", exact: true }).click();
  await stop.waitFor({ state: "detached" });
  await team.getByText(/^The pane no longer opens with this workbook\./).waitFor();
  await team.getByText("This workbook does not open the pane by itself.").waitFor();
  await team.getByRole("button", { name: "Prepare as team template" }).waitFor();
  await checkpoint("07-team-template-off");
});

/**
 * The seed's 4d(2) statement with its lost lines filled (so line 13 adds up), on sheet `sheet`,
 * with `delta` more in segregation and so in excess; names at sheet level, one scope per sheet.
 */
function segDay(sheet: string, delta: number): WorkbookModel {
  const plus = (code: string) => (SEED[code] as number) + delta;
  const values = {
    ...SEED,
    "7090": 322033030,
    "7160": 155005807,
    "7100": plus("7100"),
    "7180": plus("7180"),
    "7190": plus("7190"),
    "7198": plus("7198"),
  };
  const model = formWorkbook({
    firm: SEED_FIRM,
    asOf: SEED_ASOF,
    values,
    sheets: [{ statement: SEED_SHEETS[0].statement, sheet }],
  });
  return { ...model, names: model.names!.map((n) => ({ ...n, localSheet: sheet })) };
}

it("reviews three daily sheets: the excess chart, the missing business day and the withdrawal flag", async () => {
  // Excess 134.1M, 139.1M, then 74.1M: a fall of 46.7% of the day before, and below the 122M target.
  const days = [
    segDay("Seg 2020-11-30", 0),
    segDay("Seg 2020-12-02", 5e6),
    segDay("Seg 2020-12-03", -6e7),
  ];
  await openWorkbook("daily.xlsx", {
    sheets: days.flatMap((d) => d.sheets),
    names: days.flatMap((d) => d.names!),
  });

  await paneTab("Review").click();
  await button("Load review").click();
  const chart = section("Periods").getByRole("img");
  await expect(chart.getAttribute("aria-label")).resolves.toBe(
    // The firm is read from what each sheet prints at its top (the template's first row).
    "4d(2) segregation, HSBC SECURITIES (USA) INC.: excess from 134,116,777 on 11/30/2020 to 74,116,777 on 12/03/2020; " +
      "target 122,000,000; 1 of 3 periods under target."
  );
  const periods = section("Periods").getByRole("list", { name: "Periods" }).getByRole("listitem");
  await expect(periods.count()).resolves.toBe(3);
  await expect(periods.nth(2).textContent()).resolves.toMatch(/^12\/03\/2020 · Seg 2020-12-03/);
  // 12/01 is missing; the withdrawal rule still applies from 12/02 to 12/03, the previous business day.
  await expect(periods.nth(1).textContent()).resolves.toContain("12/01/2020");
  await checkpoint("08-review-periods");

  const comparison = section("Against the prior period");
  await comparison
    .getByText(
      "4d(2) segregation: residual interest fell by 65,000,000 (46.7%) from 139,116,777 on Seg 2020-12-02 " +
        "(12/02/2020, the previous business day), more than 25% of the prior day's residual interest.",
      { exact: false }
    )
    .filter({ hasText: "Reg 1.23(c)" })
    .waitFor();
  const table = comparison.getByRole("table", { name: "Seg 2020-12-03 against Seg 2020-12-02" });
  await expect(
    table.getByRole("row").filter({ hasText: "(7190)" }).textContent()
  ).resolves.toContain("139,116,777");
  await comparison.scrollIntoViewIfNeeded();
  // Only the pane scrolls: the page itself fits the window (the body's margin once made it scroll).
  await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
  await checkpoint("09-review-comparison");
});
