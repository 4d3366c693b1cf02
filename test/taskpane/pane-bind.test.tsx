/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { searchLines } from "../../src/taskpane/bind/line-search";
import { fakeActions, PROPOSALS } from "./fake-actions";
import { dialogButton, findDialog, noDialog, openTab, renderPane, section } from "./render-pane";

describe("line search", () => {
  it("matches by code, line number, label words and statement", () => {
    expect(searchLines("7180").map((o) => o.code)).toEqual(["7180"]);
    expect(searchLines("line 13").map((o) => o.code)).toContain("7180");
    const totals = searchLines("total segregation");
    expect(totals.map((o) => o.code)).toContain("7180");
    expect(totals.every((o) => /total/i.test(o.label) && /segregat/i.test(o.haystack))).toBe(true);
    const swaps = searchLines("cleared swaps");
    expect(swaps.length).toBeGreaterThan(5);
    expect(swaps.every((o) => o.statement === "cleared-swaps-4df")).toBe(true);
    expect(searchLines("no such words")).toEqual([]);
  });
});

const pickerOptions = () => within(screen.getByRole("listbox")).getAllByRole("option");
const pickerOption = (code: string) => pickerOptions().find((o) => o.textContent?.startsWith(code))!;

async function typeInPicker(text: string) {
  const box = screen.getByRole("combobox", { name: /Line/ });
  fireEvent.keyDown(box, { key: text[0] }); // typing opens the list, as in Excel
  fireEvent.change(box, { target: { value: text } });
  return box;
}

describe("Bind panel", () => {
  it("filters the picker by code and by label", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Bind");
    await typeInPicker("7180");
    expect(pickerOptions().map((o) => o.textContent)).toEqual([
      "7180 line 13 Total amount in segregation",
    ]);
    await typeInPicker("net ledger");
    const options = pickerOptions().map((o) => o.textContent);
    expect(options).toContain("7010 line 1A Net ledger balance: cash");
    expect(options.every((o) => /net ledger/i.test(o ?? ""))).toBe(true);
    await typeInPicker("zzzz");
    expect(pickerOptions().map((o) => o.textContent)).toEqual(["No line matches “zzzz”"]);
  });

  it("binds the selected cell at sheet level by default and at workbook level on request", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Bind");
    const bind = within(panel).getByRole("button", { name: "Bind selected cell" });
    expect((bind as HTMLButtonElement).disabled).toBe(true); // no line chosen yet

    await typeInPicker("7180");
    fireEvent.click(pickerOption("7180"));
    fireEvent.click(bind);
    await waitFor(() => expect(actions.bindSelection).toHaveBeenCalledWith("7180", "sheet", undefined));
    expect(await within(panel).findByText(/FOCUS_7180 now refers to 'Day 1'!E20 \(it referred to 'Day 1'!E12\)/)).toBeTruthy();

    const bindSection = section(panel, "Bind the selected cell");
    fireEvent.click(within(bindSection).getByRole("radio", { name: /Whole workbook/ }));
    fireEvent.click(bind);
    await waitFor(() => expect(actions.bindSelection).toHaveBeenLastCalledWith("7180", "workbook", undefined));
    expect(actions.bindings).toHaveBeenCalledTimes(3); // on mount and after each binding
  });

  it("lists bindings by statement with problems, shadowing and jump-to-cell", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const list = section(await openTab("Bind"), "Bindings");
    await within(list).findByRole("heading", { name: "4d(2) segregation (3 names)" });
    within(list).getByRole("heading", { name: "CFTC capital (1 name)" });
    within(list).getByText("Refers to #REF! (its cells or sheet were deleted).");
    within(list).getByText(/Not used on Day 1: the sheet's own name wins there/);
    fireEvent.click(within(list).getByRole("button", { name: "Go to 'Day 1'!E40" }));
    expect(actions.goTo).toHaveBeenCalledWith("'Day 1'!E40");
  });

  it("rebinds a sheet's name on that sheet only", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const list = section(await openTab("Bind"), "Bindings");
    fireEvent.click(await within(list).findByRole("button", { name: "Rebind to selection: FOCUS_3750 (sheet Day 1)" }));
    await waitFor(() => expect(actions.bindSelection).toHaveBeenCalledWith("3750", "sheet", "Day 1"));
  });

  it("unbinds only after confirmation", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const list = section(await openTab("Bind"), "Bindings");
    const unbind = await within(list).findByRole("button", { name: "Unbind FOCUS_3750 (sheet Day 1)" });

    fireEvent.click(unbind);
    let dialog = await findDialog("Unbind FOCUS_3750?");
    within(dialog).getByText(/The cell and its value stay as they are/);
    fireEvent.click(dialogButton(dialog, "Cancel"));
    await waitFor(() => expect(noDialog()).toBe(true));
    expect(actions.unbind).not.toHaveBeenCalled();

    fireEvent.click(unbind);
    dialog = await findDialog("Unbind FOCUS_3750?");
    fireEvent.click(dialogButton(dialog, "Unbind"));
    await waitFor(() => expect(actions.unbind).toHaveBeenCalledWith({ name: "FOCUS_3750", sheet: "Day 1" }));
  });

  it("scans, shows conflicts unticked, and creates only the reviewed names", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Bind");
    const scan = section(panel, "Find lines on the active sheet");
    fireEvent.click(within(scan).getByRole("button", { name: "Scan sheet" }));
    const boxes = await within(scan).findAllByRole("checkbox", { name: /· line / });
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, true]);
    within(scan).getByText(/Conflict: FOCUS_7010 -> 'Day 1'!E6/);
    expect(actions.applyProposals).not.toHaveBeenCalled();

    expect(document.activeElement?.textContent).toMatch(/^Found 3 lines on sheet Day 3/); // focus follows the result

    fireEvent.click(boxes[2]); // leave 7070 out
    fireEvent.click(within(scan).getByRole("button", { name: "Create 1 name" }));
    await waitFor(() => expect(actions.applyProposals).toHaveBeenCalledWith([PROPOSALS[1]], "sheet"));
    expect(await within(panel).findByText("Created 1 name at sheet level.")).toBeTruthy();
    const scanButton = within(scan).getByRole("button", { name: "Scan sheet" });
    await waitFor(() => expect(document.activeElement).toBe(scanButton));
  });

  it("shows a failed bind as a message naming the cell, with a way to it", async () => {
    const { ActionError } = await import("../../src/taskpane/actions");
    const { actions } = fakeActions({
      bindSelection: jest.fn(async () => {
        throw new ActionError("Nothing was written. 'Day 1'!E20 is on a protected sheet.", "'Day 1'!E20");
      }),
    });
    await renderPane(actions);
    const panel = await openTab("Bind");
    await typeInPicker("7010");
    fireEvent.click(pickerOption("7010"));
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Bind selected cell" })));
    const bar = within(panel).getByText(/'Day 1'!E20 is on a protected sheet/);
    fireEvent.click(within(bar).getByRole("button", { name: "Go to 'Day 1'!E20" }));
    expect(actions.goTo).toHaveBeenCalledWith("'Day 1'!E20");
  });
});
