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
const pickerOption = (code: string) =>
  pickerOptions().find((o) => o.textContent?.startsWith(code))!;

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
    await waitFor(() =>
      expect(actions.bindSelection).toHaveBeenCalledWith("7180", "sheet", undefined)
    );
    expect(
      await within(panel).findByText(
        /FOCUS_7180 now refers to 'Day 1'!E20 \(it referred to 'Day 1'!E12\)/
      )
    ).toBeTruthy();

    const bindSection = section(panel, "Bind the selected cell");
    fireEvent.click(within(bindSection).getByRole("radio", { name: /Whole workbook/ }));
    fireEvent.click(bind);
    await waitFor(() =>
      expect(actions.bindSelection).toHaveBeenLastCalledWith("7180", "workbook", undefined)
    );
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
    fireEvent.click(
      await within(list).findByRole("button", {
        name: "Rebind to selection: FOCUS_3750 (sheet Day 1)",
      })
    );
    await waitFor(() =>
      expect(actions.bindSelection).toHaveBeenCalledWith("3750", "sheet", "Day 1")
    );
  });

  it("unbinds only after confirmation", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const list = section(await openTab("Bind"), "Bindings");
    const unbind = await within(list).findByRole("button", {
      name: "Unbind FOCUS_3750 (sheet Day 1)",
    });

    fireEvent.click(unbind);
    let dialog = await findDialog("Unbind FOCUS_3750?");
    within(dialog).getByText(/The cell and its value stay as they are/);
    fireEvent.click(dialogButton(dialog, "Cancel"));
    await waitFor(() => expect(noDialog()).toBe(true));
    expect(actions.unbind).not.toHaveBeenCalled();

    fireEvent.click(unbind);
    dialog = await findDialog("Unbind FOCUS_3750?");
    fireEvent.click(dialogButton(dialog, "Unbind"));
    await waitFor(() =>
      expect(actions.unbind).toHaveBeenCalledWith({ name: "FOCUS_3750", sheet: "Day 1" })
    );
  });

  it("scans a sheet: proposals by statement with their source and confidence, conflicts and low confidence unticked", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Bind");
    const scan = section(panel, "Find lines by scanning");
    fireEvent.click(within(scan).getByRole("button", { name: "Scan sheet" }));
    const seg = await within(scan).findByRole("list", {
      name: "Proposed bindings: 4d(2) segregation on Day 3",
    });
    within(scan).getByRole("heading", { name: "4d(2) segregation (4 lines)" });
    within(scan).getByRole("heading", { name: "30.7 secured amounts (1 line)" });
    const boxes = within(seg).getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, true, false]);
    expect(document.activeElement?.textContent).toMatch(
      /^Found 5 lines on sheet Day 3: 1 by code cells, 4 by labels; 1 row not matched\./
    ); // focus follows the result

    const items = within(seg).getAllByRole("listitem");
    within(items[0]).getByText("Code cell");
    within(items[0]).getByText(/Conflict: FOCUS_7010 -> 'Day 1'!E6/);
    within(items[2]).getByText("Label");
    within(items[2]).getByText("Confidence 88%");
    within(items[2]).getByText("under “7. Deposited in segregated funds bank accounts”");
    within(items[3]).getByText("Low confidence 52%");
    // The words and the confidence describe the checkbox, for screen readers.
    expect(boxes[2].getAttribute("aria-describedby")).toBeTruthy();
    expect(
      document.getElementById(boxes[2].getAttribute("aria-describedby")!)?.textContent
    ).toMatch(/“A\. Cash”/);

    const unit = within(scan).getByRole("checkbox", { name: /Set FOCUS_UNIT to 1000 on Day 3/ });
    expect((unit as HTMLInputElement).checked).toBe(true);
    within(scan).getByRole("button", { name: "Create 4 names" }); // 7020, 7070, 7315 and the unit
    expect(actions.applyScan).not.toHaveBeenCalled();
  });

  it("binds an unmatched row by hand with the line picker and creates only what is ticked", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Bind");
    const scan = section(panel, "Find lines by scanning");
    fireEvent.click(within(scan).getByRole("button", { name: "Scan sheet" }));
    const rows = await within(scan).findByRole("list", { name: "Rows not matched on Day 3" });
    within(rows).getByText("Accrued interest receivable");
    within(rows).getByRole("button", { name: "Go to 'Day 3'!E14" });

    const byHand = within(rows).getByRole("button", { name: "Bind 'Day 3'!E14 by hand" });
    expect(byHand.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(byHand);
    const picker = within(rows).getByRole("combobox", { name: /Line for 'Day 3'!E14/ });
    fireEvent.keyDown(picker, { key: "7" });
    fireEvent.change(picker, { target: { value: "7150" } });
    fireEvent.click(pickerOption("7150"));

    fireEvent.click(within(scan).getByRole("checkbox", { name: /^7070 · line 7A/ })); // leave 7070 out
    fireEvent.click(within(scan).getByRole("checkbox", { name: /Set FOCUS_UNIT/ })); // and the unit
    fireEvent.click(within(scan).getByRole("button", { name: "Create 3 names" }));
    await waitFor(() =>
      expect(actions.applyScan).toHaveBeenCalledWith(
        {
          bindings: [PROPOSALS[1], PROPOSALS[4], { sheet: "Day 3", address: "E14", code: "7150" }],
          units: [],
        },
        "sheet"
      )
    );
    expect(await within(panel).findByText("Created 3 names at sheet level.")).toBeTruthy();
    const scanButton = within(scan).getByRole("button", { name: "Scan sheet" });
    await waitFor(() => expect(document.activeElement).toBe(scanButton));
  });

  it("scans the workbook: each sheet under its heading, a conflicting unit unticked", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Bind");
    const scan = section(panel, "Find lines by scanning");
    fireEvent.click(within(scan).getByRole("button", { name: "Scan workbook" }));
    await within(scan).findByRole("heading", { name: "Sheet Day 4" });
    within(scan).getByRole("heading", { name: "Sheet Day 3" });
    expect(document.activeElement?.textContent).toMatch(
      /^Found 6 lines on the workbook \(2 sheets of 3\)/
    );
    const unit = within(scan).getByRole("checkbox", { name: /Set FOCUS_UNIT to 1000000 on Day 4/ });
    expect((unit as HTMLInputElement).checked).toBe(false);
    within(scan).getByText("Conflict: FOCUS_UNIT (workbook level) is 1");
    within(scan).getByText(/Not read: sheet Archive \(The request is too large/);

    fireEvent.click(within(scan).getByRole("radio", { name: /Whole workbook/ }));
    fireEvent.click(within(scan).getByRole("button", { name: "Create 5 names" })); // 3 + Day 4's 7010 + Day 3's unit
    await waitFor(() => expect(actions.applyScan).toHaveBeenCalledTimes(1));
    const [choice, level] = (actions.applyScan as jest.Mock).mock.calls[0];
    expect(level).toBe("workbook");
    expect(
      choice.bindings.map((b: { sheet: string; code: string }) => `${b.sheet}:${b.code}`)
    ).toEqual(["Day 3:7020", "Day 3:7070", "Day 3:7315", "Day 4:7010"]);
    expect(choice.units).toEqual([{ sheet: "Day 3", unit: "1000" }]);
  });

  it("says so when a scan finds nothing, and discards without writing", async () => {
    const { actions } = fakeActions({
      scanSheet: jest.fn(async () => ({
        scope: "sheet" as const,
        scanned: 1,
        unread: [],
        sheets: [{ sheet: "Notes", proposals: [], unmatched: [], unit: null }],
      })),
    });
    await renderPane(actions);
    const scan = section(await openTab("Bind"), "Find lines by scanning");
    fireEvent.click(within(scan).getByRole("button", { name: "Scan sheet" }));
    await within(scan).findByText(/No unbound line was found on sheet Notes/);
    fireEvent.click(within(scan).getByRole("button", { name: "Close" }));
    within(scan).getByRole("button", { name: "Scan workbook" });
    expect(actions.applyScan).not.toHaveBeenCalled();
  });

  it("shows a failed bind as a message naming the cell, with a way to it", async () => {
    const { ActionError } = await import("../../src/taskpane/actions");
    const { actions } = fakeActions({
      bindSelection: jest.fn(async () => {
        throw new ActionError(
          "Nothing was written. 'Day 1'!E20 is on a protected sheet.",
          "'Day 1'!E20"
        );
      }),
    });
    await renderPane(actions);
    const panel = await openTab("Bind");
    await typeInPicker("7010");
    fireEvent.click(pickerOption("7010"));
    await act(async () =>
      fireEvent.click(within(panel).getByRole("button", { name: "Bind selected cell" }))
    );
    const bar = within(panel).getByText(/'Day 1'!E20 is on a protected sheet/);
    fireEvent.click(within(bar).getByRole("button", { name: "Go to 'Day 1'!E20" }));
    expect(actions.goTo).toHaveBeenCalledWith("'Day 1'!E20");
  });
});
