/** @jest-environment jsdom */
import { act, fireEvent, within } from "@testing-library/react";
import { detectCapabilities, publishNotice } from "../../src/taskpane/actions";
import {
  recomputeUndoNote,
  recordSheetUndoNote,
  templateUndoNote,
} from "../../src/taskpane/actions/undo-notes";
import { fakeActions } from "./fake-actions";
import { ALL_CAPABILITIES } from "./recorded-workbook";
import { findDialog, openTab, renderPane } from "./render-pane";

const all = () => true;

describe("what the pane says about undo, by platform", () => {
  it("reads the platform and ExcelApi 1.19 from Office", () => {
    expect(detectCapabilities(all, "OfficeOnline").platform).toBe("web");
    expect(detectCapabilities(all, "PC").platform).toBe("windows");
    expect(detectCapabilities(all, "Mac").platform).toBe("mac");
    expect(detectCapabilities(all, "iOS").platform).toBe("other");
    expect(detectCapabilities(all).keepsUndo).toBe(true);
    expect(detectCapabilities((_n, v) => v !== "1.19" && v !== "1.20").keepsUndo).toBe(false);
  });

  it("warns before the record sheet is created on Windows and Mac only (Worksheet.visibility is not undoable there)", () => {
    for (const [platform, warned] of [
      ["OfficeOnline", false],
      ["PC", true],
      ["Mac", true],
    ] as const) {
      const caps = detectCapabilities(all, platform);
      expect(recordSheetUndoNote(caps, false) !== null).toBe(warned);
      expect(recordSheetUndoNote(caps, true)).toBeNull();
    }
  });

  it("warns before Recompute on Windows only (office-js#5918), and everywhere before ExcelApi 1.19", () => {
    expect(recomputeUndoNote(detectCapabilities(all, "PC"))).toMatch(/5918/);
    expect(recomputeUndoNote(detectCapabilities(all, "OfficeOnline"))).toBeNull();
    expect(recomputeUndoNote(detectCapabilities(all, "Mac"))).toBeNull();
    const old = detectCapabilities((_n, v) => Number(v) < 1.19, "OfficeOnline");
    expect(recomputeUndoNote(old)).toMatch(/clears your undo history/);
    expect(templateUndoNote(old)).toMatch(/clears your undo history/);
    expect(templateUndoNote(detectCapabilities(all, "PC"))).toBeNull();
  });
});

describe("in the pane", () => {
  it("says at the top, before any write, that below ExcelApi 1.19 every change the add-in makes clears the undo history", async () => {
    // Failed before: only Recompute, the Templates tab and the review notes said so, while
    // Highlight, Clear, bind, unbind and applying a map or a scan cleared it unannounced.
    const old = detectCapabilities((_n, v) => Number(v) < 1.19, "OfficeOnline");
    const fake = fakeActions({}, old);
    const pane = await renderPane(fake.actions);
    const notices = pane.getAllByRole("listitem").map((li) => li.textContent);
    expect(
      notices.filter((t) => /ExcelApi 1\.19.*clears your undo history/.test(t ?? ""))
    ).toHaveLength(1);
    expect(detectCapabilities(all, "OfficeOnline").unavailable).toEqual([]);
  });

  it("the Recompute confirmation says, on Windows, that the undo history goes", async () => {
    const fake = fakeActions({}, { ...ALL_CAPABILITIES, platform: "windows", keepsUndo: true });
    await renderPane(fake.actions);
    const panel = await openTab("Recompute");
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Preview" })));
    fireEvent.click(within(panel).getByRole("button", { name: "Write 2 cells…" }));
    const dialog = await findDialog("Overwrite 2 cells?");
    within(dialog).getByText(/Excel on Windows clears your undo history/);
  });

  it("shows the adapter's notice when a write could not be one undo step", async () => {
    const fake = fakeActions();
    const pane = await renderPane(fake.actions);
    await act(async () => publishNotice("Excel could not make this change a single undo step."));
    expect(pane.getByText("Excel could not make this change a single undo step.")).toBeTruthy();
  });
});
