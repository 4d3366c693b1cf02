/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Dec } from "../../src/engine";
import { publishRibbonResult } from "../../src/taskpane/actions";
import type { WorkbookReport } from "../../src/workbook/validate";
import { fakeActions, REPORT, reportFromScopes, scopeReport } from "./fake-actions";
import { openTab, renderPane, section } from "./render-pane";

async function validated(overrides = {}) {
  const fake = fakeActions(overrides);
  await renderPane(fake.actions);
  const panel = await openTab("Validate");
  await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Validate" })));
  return { ...fake, panel };
}

const findingsOf = (group: HTMLElement) =>
  within(group)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");

describe("Validate panel", () => {
  it("groups findings by statement in print order, errors first, with amounts and rules", async () => {
    const { panel } = await validated();
    const findings = section(panel, "Findings, Day 1");
    const lists = within(findings).getAllByRole("list");
    expect(lists.map((l) => l.getAttribute("aria-label"))).toEqual([
      "Names and workbook findings",
      "4d(2) segregation findings",
      "CFTC capital findings",
    ]);
    const seg = findingsOf(lists[1]);
    expect(seg.map((t) => /^(Error|Warning|Note)/.exec(t)?.[1])).toEqual([
      "Error",
      "Warning",
      "Note",
      "Note",
    ]);
    expect(seg[0]).toMatch(/Identity.*line 13 \(7180\).*Total amount in segregation.*'Day 1'!E12/);
    expect(seg[0]).toMatch(/Reported140.*Computed150.*Difference\(10\)/);
    const capital = findingsOf(lists[2])[0];
    expect(capital).toMatch(/Reported1,100,000.*Compared with1,200,000.*Difference\(100,000\)/);
    expect(capital).toMatch(/Notice: Reg 1\.12\(b\)/);
  });

  it("selects a finding's cell when it is chosen", async () => {
    const { actions, panel } = await validated();
    const identity = within(section(panel, "Findings, Day 1")).getByRole("button", {
      name: /^Error Identity line 13 \(7180\) Total amount in segregation 'Day 1'!E12$/,
    });
    expect(identity.tagName).toBe("BUTTON"); // a native button: Enter and Space choose it too
    fireEvent.click(identity);
    // The finding's location as the engine made it, not its label taken apart again.
    expect(actions.goTo).toHaveBeenCalledWith({ sheet: "Day 1", address: "E12" });
  });

  it("summarises each bound statement with a status in words and the rule requiring a notice", async () => {
    const { panel } = await validated();
    const summary = section(panel, "Summary, Day 1");
    const rows = within(summary)
      .getAllByRole("row")
      .map((r) => r.textContent);
    expect(rows).toEqual([
      "StatementExcessTargetStatus",
      "4d(2) segregation2510OK",
      "CFTC capital100,0001,200,000Below target",
    ]);
    within(within(summary).getByRole("list", { name: "Notices required" })).getByText(
      "Reg 1.12(b): notice within 24 hours"
    );
  });

  it("announces the result in the live region", async () => {
    await validated();
    await waitFor(() =>
      expect(screen.getByTestId("announcer").textContent).toBe(
        "Validated Day 1: 1 error, 3 warnings, 2 notes."
      )
    );
  });

  it("highlights the report's cells and clears them", async () => {
    const { actions, panel } = await validated();
    await act(async () =>
      fireEvent.click(within(panel).getByRole("button", { name: "Highlight" }))
    );
    expect(actions.highlight).toHaveBeenCalledWith(REPORT);
    within(panel).getByText(/Marked 3 cells with notes/);
    await act(async () =>
      fireEvent.click(within(panel).getByRole("button", { name: "Clear highlights" }))
    );
    expect(actions.clearHighlights).toHaveBeenCalledTimes(1);
    within(panel).getByText("Removed 3 marks.");
  });

  it("explains a total's finding", async () => {
    const explain = jest.fn(async () => ({
      code: "7180",
      op: "sum" as const,
      terms: [],
      floor: null,
      computed: new Dec(150),
      reported: new Dec(140),
      text: "7180 = 7070 150 = 150; reported 140",
    }));
    const { panel } = await validated({ explain });
    const findings = section(panel, "Findings, Day 1");
    const buttons = within(findings).getAllByRole("button", { name: "Explain" });
    expect(buttons).toHaveLength(1); // only the finding on a derived line
    await act(async () => fireEvent.click(buttons[0]));
    expect(explain).toHaveBeenCalledWith("Day 1", "7180");
    within(findings).getByText("7180 = 7070 150 = 150; reported 140");
  });

  it("lets the reviewer switch between sheets, starting with the first that has an error", async () => {
    const report: WorkbookReport = reportFromScopes([
      scopeReport("Day 1", []),
      scopeReport("Day 2"),
    ]);
    const { panel } = await validated({ validate: jest.fn(async () => report) });
    const sheet = within(panel).getByRole("combobox", { name: "Sheet" }) as HTMLSelectElement;
    expect(sheet.value).toBe("Day 2");
    fireEvent.change(sheet, { target: { value: "Day 1" } });
    within(section(panel, "Findings, Day 1")).getByText("Everything ties: no findings.");
  });

  it("re-validates live while switched on and stops when switched off", async () => {
    const { actions, stop } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Validate");
    await act(async () =>
      fireEvent.click(within(panel).getByRole("switch", { name: "Live updates" }))
    );
    expect(actions.validate).toHaveBeenCalledTimes(1);
    expect(actions.watch).toHaveBeenCalledTimes(1);
    const [onReport] = actions.watch.mock.calls[0];
    act(() => onReport(reportFromScopes([scopeReport("Day 1", [])])));
    within(section(panel, "Findings, Day 1")).getByText("Everything ties: no findings.");
    within(panel).getByText(/\(live\)$/);

    await act(async () =>
      fireEvent.click(within(panel).getByRole("switch", { name: "Live updates" }))
    );
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("shows the ribbon's result and brings the Validate tab forward", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Bind");
    act(() => publishRibbonResult({ report: REPORT, marks: 3, at: new Date() }));
    const panel = screen.getByRole("tabpanel", { name: "Validate" });
    within(panel).getByText(/from the ribbon/);
    section(panel, "Findings, Day 1");
    expect(actions.validate).not.toHaveBeenCalled();
  });
});
