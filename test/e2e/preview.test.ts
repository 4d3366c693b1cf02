/**
 * The browser preview end to end: the real task pane, driven in Chromium as a user drives it,
 * over the in-browser Excel simulator and the grid. One build (reused when fresh), one server,
 * one browser; a fresh page (and so a fresh example workbook) per test. Every test also checks
 * that the page asked nothing of any host but this one and logged no error (a refused
 * Content-Security-Policy would be one). Screenshots and axe reports: test-results/preview/.
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { formWorkbook, SEED_SHEETS } from "../../examples/form-layout";
import { SEED, SEED_ASOF, SEED_FIRM } from "../../examples/seed-figures";
import { createExcelSim, writeXlsx } from "../../sim";
import { labelsOnlyWorkbook } from "../taskpane/labels-workbook";
import { eventually } from "./support/eventually";
import { previewSuite } from "./support/suite";
import {
  cell,
  namesPanel,
  paintedCells,
  selectedCell,
  sheetTab,
  shownCells,
  tabTo,
  typeInto,
} from "./support/workbook";

const suite = previewSuite({ label: "browser suite" });
const { pane, paneTab, button, checkpoint } = suite;
let page: Page;
beforeEach(() => {
  page = suite.page();
});

const lineThirteen = () => button(/^Error Identity line 13 \(7180\)/);

async function validate(): Promise<void> {
  await paneTab("Validate").click();
  await button("Validate").click();
  await lineThirteen().waitFor();
}

it("opens the example beside the pane, formatted as Excel shows it", async () => {
  await expect(cell(page, "E29").textContent()).resolves.toBe("3,893,682,134");
  await expect(cell(page, "E10").textContent()).resolves.toBe("(52,837,332)");
  await cell(page, "E29").click();
  await expect(page.getByRole("textbox", { name: "Formula" }).inputValue()).resolves.toBe(
    "3893682134"
  );
  await expect(
    namesPanel(page)
      .getByRole("row", { name: /FOCUS_7180 Workbook/ })
      .textContent()
  ).resolves.toContain("='Seg 4d(2)'!$E$29");
  await checkpoint("01-example");
});

it("binds the selected cell to a line picked in the pane", async () => {
  await sheetTab(page, "Capital").click();
  await typeInto(page, "E10", "600,000,000");
  await cell(page, "E10").click();
  await paneTab("Bind").click();
  await page.getByRole("combobox", { name: "Line" }).click();
  await page.keyboard.type("3750");
  await page.getByRole("option", { name: "3750 line NC Adjusted net capital" }).click();
  await button("Bind selected cell").click();
  await pane().getByText("FOCUS_3750 refers to 'Capital'!E10.").waitFor();
  await namesPanel(page)
    .getByRole("row", { name: "FOCUS_3750 Capital ='Capital'!$E$10" })
    .waitFor();
  await checkpoint("02-bound");
});

it("binds and validates by keyboard alone", async () => {
  await tabTo(page, sheetTab(page, "Seg 4d(2)"));
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(sheetTab(page, "Capital").getAttribute("aria-selected")).resolves.toBe("true");

  const grid = page.getByRole("grid", { name: "Sheet Capital" });
  await tabTo(page, grid, { backwards: true });
  for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.type("600000000");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowUp");
  await expect(selectedCell(page)).resolves.toBe("E10");

  await tabTo(page, paneTab("Validate"));
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("combobox", { name: "Line" }));
  await page.keyboard.type("3750");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await tabTo(page, button("Bind selected cell"));
  await page.keyboard.press("Enter");
  await namesPanel(page)
    .getByRole("row", { name: "FOCUS_3750 Capital ='Capital'!$E$10" })
    .waitFor();

  await tabTo(page, paneTab("Bind"), { backwards: true });
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await tabTo(page, button("Validate"));
  await page.keyboard.press("Enter");
  await lineThirteen().waitFor();
  await checkpoint("03-keyboard");
});

it("scans a dropped workbook's sheet and creates the names it proposes", async () => {
  const unbound = formWorkbook({
    firm: SEED_FIRM,
    asOf: SEED_ASOF,
    values: SEED,
    sheets: SEED_SHEETS,
  });
  await dropFile(page, "unbound.xlsx", writeXlsx({ ...unbound, names: [] }));
  await page.getByText("Workbook: unbound.xlsx").waitFor();
  await namesPanel(page).getByRole("heading", { name: "Defined names (0)" }).waitFor();

  await paneTab("Bind").click();
  await button("Scan sheet").click();
  const proposals = pane()
    .getByRole("list", { name: /^Proposed bindings: / })
    .getByRole("checkbox");
  await proposals.first().waitFor();
  expect(await proposals.count()).toBeGreaterThan(20);
  await checkpoint("04-scan-review");

  const create = button(/^Create \d+ names$/);
  const count = Number(/\d+/.exec((await create.textContent()) ?? "")![0]);
  expect(count).toBeGreaterThan(20);
  await create.click();
  await namesPanel(page)
    .getByRole("heading", { name: `Defined names (${count})` })
    .waitFor();
  await namesPanel(page)
    .getByRole("row", { name: "FOCUS_7180 Seg 4d(2) ='Seg 4d(2)'!$E$29" })
    .waitFor();
  await checkpoint("05-scan-applied");
});

it("scans a workbook typed with words only, applies the review and validates with no identity error", async () => {
  // A firm's published schedules as typed: labels, inner and main columns, no codes, no names.
  const { model, truth } = labelsOnlyWorkbook();
  await dropFile(page, "words-only.xlsx", writeXlsx(model));
  await page.getByText("Workbook: words-only.xlsx").waitFor();
  await namesPanel(page).getByRole("heading", { name: "Defined names (0)" }).waitFor();

  await paneTab("Bind").click();
  await button("Scan workbook").click();
  const summary = pane().getByText(/^Found \d+ lines on the workbook/);
  await summary.waitFor();
  await expect(summary.textContent()).resolves.toMatch(
    `Found ${truth.size} lines on the workbook (1 sheet of 1): 0 by code cells, ${truth.size} by labels.`
  );
  await pane().getByRole("heading", { name: "4d(2) segregation (27 lines)" }).waitFor();
  const cash = pane()
    .getByRole("list", { name: "Proposed bindings: 4d(2) segregation on Schedules" })
    .getByRole("listitem")
    .first();
  await expect(cash.textContent()).resolves.toMatch(
    /^7010 · line 1A .*Label.*Confidence \d+%.*“A\. Cash”.*under “1\. Net ledger balance”/
  );
  const unit = pane().getByRole("checkbox", { name: /^Set FOCUS_UNIT to 1000000 on Schedules/ });
  expect(await unit.isChecked()).toBe(true);
  await checkpoint("05b-scan-words-review");

  await button(`Create ${truth.size + 1} names`).click(); // every line and the unit
  await namesPanel(page)
    .getByRole("heading", { name: `Defined names (${truth.size + 1})` })
    .waitFor();
  await paneTab("Validate").click();
  await button("Validate").click();
  await pane()
    .getByText(/^Validated Schedules: (no findings|0 errors)/)
    .first()
    .waitFor();
  await pane().getByText("Amounts in millions of dollars.").waitFor();
  expect(
    await pane()
      .getByRole("button", { name: /^Error Identity/ })
      .count()
  ).toBe(0);
  await checkpoint("05c-scan-words-validated");
});

it("validates the example and shows the line-13 gap", async () => {
  await validate();
  const finding = pane().getByRole("listitem").filter({ has: lineThirteen() });
  await expect(finding.textContent()).resolves.toMatch(
    /Reported3,893,682,134Computed3,416,643,297Difference477,038,837/
  );
  await checkpoint("06-validated");
});

it("lands on a finding's cell when the finding is clicked", async () => {
  await validate();
  await sheetTab(page, "Capital").click();
  await lineThirteen().click();
  await eventually(async () => {
    await expect(sheetTab(page, "Seg 4d(2)").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(selectedCell(page)).resolves.toBe("E29");
  });
  await checkpoint("07-finding-cell");
});

it("edits by double-click and F2, cancels with Esc, and live validation follows an edit", async () => {
  await page.getByRole("switch", { name: "Live updates" }).click();
  await lineThirteen().waitFor();
  const editor = page.getByRole("textbox", { name: "Edit cell E29" });

  await cell(page, "E29").dblclick();
  await expect(editor.inputValue()).resolves.toBe("3893682134");
  await page.keyboard.type("999");
  await page.keyboard.press("Escape");
  await editor.waitFor({ state: "detached" });
  await expect(cell(page, "E29").textContent()).resolves.toBe("3,893,682,134");

  // The parts' total typed over the reported one: the gap closes without pressing Validate.
  await page.keyboard.press("F2");
  await editor.fill("3416643297");
  await page.keyboard.press("Enter");
  await expect(cell(page, "E29").textContent()).resolves.toBe("3,416,643,297");
  await lineThirteen().waitFor({ state: "detached" });
  await checkpoint("08-live-edit");
});

it("highlights findings, then clears exactly its own marks", async () => {
  const before = { shown: await shownCells(page), painted: await paintedCells(page) };
  await validate();
  await button("Highlight").click();
  await pane()
    .getByText(/^Marked \d+ cells? with notes/) // one: the example's 7020 check is now a note
    .waitFor();
  const painted = await paintedCells(page);
  expect(painted.E29).toBe("rgb(255, 199, 206)"); // the error fill
  await expect(cell(page, "E29").getAttribute("title")).resolves.toMatch(/focus-check/);
  await checkpoint("09-highlighted");

  await button("Clear highlights").click();
  await pane()
    .getByText(/^Removed \d+ marks?/)
    .waitFor();
  await expect(paintedCells(page)).resolves.toEqual(before.painted);
  await expect(shownCells(page)).resolves.toEqual(before.shown);
  await expect(cell(page, "E29").getAttribute("title")).resolves.toBeNull();
  await checkpoint("10-cleared");
});

it("recomputes totals only after confirmation", async () => {
  const before = await shownCells(page);
  await paneTab("Recompute").click();
  await button("Preview").click();
  const write = button(/^Write \d+ cells…$/);
  await write.click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await checkpoint("11-recompute-confirm");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByRole("status").getByText("Cancelled: nothing was written.").waitFor();
  await expect(shownCells(page)).resolves.toEqual(before);

  await write.click();
  await dialog.getByRole("button", { name: /^Overwrite \d+ cells$/ }).click();
  await dialog.waitFor({ state: "detached" });
  await eventually(() => expect(cell(page, "E29").textContent()).resolves.toBe("3,416,643,297"));
  await checkpoint("12-recomputed");
});

it("inserts a template whose totals the workbook computes from typed inputs", async () => {
  await paneTab("Templates").click();
  await button("Insert sheet: 4d(2) segregation template").click();
  await button("Go to '4d(2) segregation template'!A1").click();
  await eventually(() =>
    expect(
      sheetTab(page, "4d(2) segregation template").getAttribute("aria-selected")
    ).resolves.toBe("true")
  );
  await typeInto(page, "E6", "1,000");
  await typeInto(page, "E7", "250");
  await typeInto(page, "E10", "(100)");
  await eventually(() => expect(cell(page, "E11").textContent()).resolves.toBe("1,150"));
  await cell(page, "E11").click();
  await expect(page.getByRole("textbox", { name: "Formula" }).inputValue()).resolves.toMatch(
    /^=.*FOCUS_7010/
  );
  await checkpoint("13-template");
});

it("computes FOCUS functions typed into cells, and follows an edit of a bound cell", async () => {
  await typeInto(page, "H6", "=FOCUS.LINE(7190)");
  await typeInto(page, "H7", "=FOCUS.CHECK(7180)");
  await eventually(async () => {
    await expect(cell(page, "H6").textContent()).resolves.toBe("134116777");
    await expect(cell(page, "H7").textContent()).resolves.toBe("477038837");
  });
  await typeInto(page, "E30", "5");
  await eventually(() => expect(cell(page, "H6").textContent()).resolves.toBe("5"));
  await cell(page, "H6").click();
  await expect(page.getByRole("textbox", { name: "Formula" }).inputValue()).resolves.toBe(
    "=FOCUS.LINE(7190)"
  );
  await checkpoint("14-functions");
});

it("acknowledges a finding, signs off, and then names the line edited since", async () => {
  await validate();
  const finding = pane().getByRole("listitem").filter({ has: lineThirteen() });
  await finding.getByRole("button", { name: "Acknowledge…" }).click();
  const dialog = page.getByRole("dialog", { name: "Acknowledge finding" });
  await dialog
    .getByRole("textbox", { name: /Reason/ })
    .fill("OCR lost 7090 and the other 155,005,807");
  await dialog.getByRole("textbox", { name: /Your name/ }).fill("A. Reviewer");
  await dialog.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await pane()
    .getByText(/^Acknowledged by A\. Reviewer on .*: OCR lost 7090/)
    .waitFor();
  await checkpoint("15-acknowledged");

  await paneTab("Review").click();
  await button("Load review").click();
  const review = page.getByRole("tabpanel", { name: "Review" });
  await expect(review.getByRole("textbox", { name: /Reviewer/ }).inputValue()).resolves.toBe(
    "A. Reviewer"
  );
  await button("Mark reviewed").click();
  await review.getByText(/Nothing has changed since\./).waitFor();
  await checkpoint("16-signed-off");

  await typeInto(page, "E6", "100");
  await button("Refresh review").click();
  await review.getByText(/1 bound value has changed since: FOCUS_7010 on /).waitFor();
});

it("downloads the edited workbook and opens it again", async () => {
  await typeInto(page, "H6", "edited in the preview");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    button("Download .xlsx").click(),
  ]);
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  expect(createExcelSim({ workbook: bytes }).state.value("Seg 4d(2)", "H6")).toBe(
    "edited in the preview"
  );

  await page.reload();
  await cell(page, "A1").filter({ hasText: "HSBC" }).waitFor();
  await expect(cell(page, "H6").textContent()).resolves.toBe("");
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    button("Open .xlsx…").click(),
  ]);
  await chooser.setFiles({
    name: "edited.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from(bytes),
  });
  await page.getByText("Workbook: edited.xlsx").waitFor();
  await expect(cell(page, "H6").textContent()).resolves.toBe("edited in the preview");
});

/** Drop a file on the workbook, as from the desktop. */
async function dropFile(target: Page, name: string, bytes: Uint8Array): Promise<void> {
  await target.evaluate(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      const zone = document.querySelector('section[aria-label="Workbook"]')!;
      for (const type of ["dragover", "drop"])
        zone.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true })
        );
    },
    { name, data: [...bytes] }
  );
}
