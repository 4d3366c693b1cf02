import type { Locator, Page } from "playwright-core";

/** The grid's cell at an A1 address on the sheet shown. */
export const cell = (page: Page, address: string): Locator => page.getByTestId(`cell-${address}`);

export const sheetTab = (page: Page, sheet: string): Locator =>
  page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: sheet, exact: true });

export const namesPanel = (page: Page): Locator =>
  page.getByRole("region", { name: /^Defined names/ });

/** Click a cell, type into it as the user does, and press Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** The selected cell: the grid's (aria-selected) and the name box's, which must agree. */
export async function selectedCell(page: Page): Promise<string> {
  const testId = await page.getByRole("gridcell", { selected: true }).getAttribute("data-testid");
  const nameBox = await page.getByRole("textbox", { name: "Name box" }).inputValue();
  if (testId !== `cell-${nameBox}`)
    throw new Error(`grid selects ${testId}, the name box says ${nameBox}`);
  return nameBox;
}

/** Every cell of the sheet shown, as displayed: value under its number format. */
export function shownCells(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid^="cell-"]', (cells) =>
    Object.fromEntries(
      cells
        .filter((c) => c.textContent)
        .map((c) => [c.getAttribute("data-testid")!.slice(5), c.textContent!])
    )
  );
}

/** The cells of the sheet shown that have a fill, with its colour. */
export function paintedCells(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid^="cell-"]', (cells) =>
    Object.fromEntries(
      (cells as HTMLElement[])
        .filter((c) => c.style.backgroundColor)
        .map((c) => [c.getAttribute("data-testid")!.slice(5), c.style.backgroundColor])
    )
  );
}

/** Press Tab (or Shift+Tab) until `target` has focus: proves it is reachable by keyboard alone. */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, maxPresses = 80 } = {}
): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${String(target)} was not reached in ${maxPresses} presses of Tab`);
}
