/** @jest-environment jsdom */
import { act, fireEvent, waitFor, within } from "@testing-library/react";
import { overwriteText } from "../../src/taskpane/recompute/confirm-text";
import { fakeActions, ROWS } from "./fake-actions";
import { dialogButton, findDialog, noDialog, openTab, renderPane } from "./render-pane";

async function previewed() {
  const fake = fakeActions();
  await renderPane(fake.actions);
  const panel = await openTab("Recompute");
  await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Preview" })));
  return { ...fake, panel };
}

describe("Recompute panel", () => {
  it("previews the totals with reported, computed and change, ticking only the ones that change", async () => {
    const { panel } = await previewed();
    const table = within(panel).getByRole("table", { name: "Recompute preview" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "7040 · 4Net equity (deficit)'Day 1'!E9typed value115115none",
      "7180 · 13Total amount in segregation'Day 1'!E12typed value14015010",
      "7190 · 14Excess (deficiency) funds in segregation'Day 1'!E13(3)3538",
    ]);
    const ticks = rows.map((r) => (within(r).getByRole("checkbox") as HTMLInputElement).checked);
    expect(ticks).toEqual([false, true, true]);
    within(panel).getByRole("button", { name: "Write 2 cells…" });
  });

  it("asks before writing, says how many cells and which hold typed values, and cancel writes nothing", async () => {
    const { actions, panel } = await previewed();
    fireEvent.click(within(panel).getByRole("button", { name: "Write 2 cells…" }));
    const dialog = await findDialog("Overwrite 2 cells?");
    within(dialog).getByText(
      "2 cells on sheet Day 1 will be replaced with the computed values. Inputs are not touched."
    );
    within(dialog).getByText(
      "1 of them holds a number typed by hand ('Day 1'!E12); it will be lost."
    );
    expect(actions.recomputeApply).not.toHaveBeenCalled();

    fireEvent.click(dialogButton(dialog, "Cancel"));
    await waitFor(() => expect(noDialog()).toBe(true));
    expect(actions.recomputeApply).not.toHaveBeenCalled();
  });

  it("writes the ticked rows in the chosen mode after confirmation", async () => {
    const { actions, panel } = await previewed();
    fireEvent.click(within(panel).getByRole("radio", { name: /Native formulas/ }));
    fireEvent.click(within(panel).getByRole("checkbox", { name: "Write 7190 at 'Day 1'!E13" })); // untick
    fireEvent.click(within(panel).getByRole("button", { name: "Write 1 cell…" }));
    const dialog = await findDialog("Overwrite 1 cell?");
    within(dialog).getByText(/replaced with native Excel formulas over the FOCUS_ names/);
    await act(async () => fireEvent.click(dialogButton(dialog, "Overwrite 1 cell")));
    expect(actions.recomputeApply).toHaveBeenCalledWith([ROWS[1]], "formulas");
    within(panel).getByText("Wrote 1 cell.");
    expect(actions.recomputePreview).toHaveBeenCalledTimes(2); // the preview is refreshed after writing
  });

  it("cancels with Escape, writing nothing", async () => {
    const { actions, panel } = await previewed();
    fireEvent.click(within(panel).getByRole("button", { name: "Write 2 cells…" }));
    const dialog = await findDialog("Overwrite 2 cells?");
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(noDialog()).toBe(true));
    expect(actions.recomputeApply).not.toHaveBeenCalled();
  });
});

describe("overwrite confirmation text", () => {
  it("names the sheets and lists at most five typed cells", () => {
    const typed = Array.from({ length: 7 }, (_v, i) => ({
      ...ROWS[1],
      sheet: i < 3 ? "Day 1" : "Day 2",
      cell: `'Day ${i < 3 ? 1 : 2}'!E${i}`,
    }));
    const text = overwriteText(typed, "values");
    expect(text.title).toBe("Overwrite 7 cells?");
    expect(text.body).toBe(
      "7 cells on 2 sheets will be replaced with the computed values. Inputs are not touched."
    );
    expect(text.typed).toBe(
      "7 of them hold numbers typed by hand ('Day 1'!E0, 'Day 1'!E1, 'Day 1'!E2, 'Day 2'!E3, 'Day 2'!E4, …); they will be lost."
    );
    expect(overwriteText([ROWS[2]], "values").typed).toBeNull();
  });
});
