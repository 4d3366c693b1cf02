/** @jest-environment jsdom */
import { act, fireEvent, within } from "@testing-library/react";
import { Dec, finding, type ScopeReport, reviewScopes } from "../../src/engine";
import type { WorkbookReport } from "../../src/workbook/validate";
import { parseReviewSheet } from "../../src/workbook/review-sheet";
import { fakeActions, scopeReport } from "./fake-actions";
import { openTab, renderPane, section } from "./render-pane";

const d = (n: number) => new Dec(n);

/** Scopes with their as-of dates, checked by the review layer as the pane's Validate would. */
function datedReport(scopes: [ScopeReport, string][]): WorkbookReport {
  const periods = scopes.map(([s, asOf]) => ({
    scope: s.scope,
    entity: "FCM",
    asOf,
    source: "FOCUS_ASOF" as const,
  }));
  const list = scopes.map(([s]) => s);
  const record = parseReviewSheet(null);
  return {
    scopes: list,
    calculation: "automatic",
    periods,
    bound: [],
    record,
    review: reviewScopes({ scopes: list, periods, bound: [], record }),
  };
}

const deficiency = finding("deficiency", {
  code: "7190",
  statement: "seg-4d2",
  cell: "'Day 2'!E14",
  reported: d(-50),
  rule: "CEA 4d(a)(2) and Reg 1.20: under-segregated; immediate notice under Reg 1.12(h)",
  message: "4d(2) segregation: excess (deficiency) is -50, a deficiency.",
});
const earlyWarning = finding("early-warning", {
  code: "3750",
  statement: "cftc-capital",
  cell: "'Day 1'!E40",
  reported: d(1_100_000),
  expected: d(1_200_000),
  difference: d(-100_000),
  rule: "Reg 1.12(b): adjusted net capital below the early-warning level; notice within 24 hours",
  message: "Adjusted net capital 1,100,000 is below the early-warning level of 1,200,000.",
});

async function validated(report: WorkbookReport) {
  const fake = fakeActions({ validate: jest.fn(async () => report) });
  await renderPane(fake.actions);
  const panel = await openTab("Validate");
  await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Validate" })));
  return { ...fake, panel };
}

describe("Validate: notices due", () => {
  it("lists every scope's notices, most urgent first, with paragraph, deadline, trigger, line and whom to notify", async () => {
    // Day 2 (Tuesday 12/01) comes first in the workbook, but Day 1's 24-hour notice (Friday 11/27) falls due first.
    const report = datedReport([
      [scopeReport("Day 2", [deficiency]), "2020-12-01"],
      [scopeReport("Day 1", [earlyWarning]), "2020-11-27"],
    ]);
    const { panel } = await validated(report);
    const notices = section(panel, "Notices due (2)");
    const items = within(within(notices).getByRole("list", { name: "Notices due" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Reg 1\.12\(b\): within 24 hours: by 11\/28\/2020/);
    expect(items[0]).toContain(
      "adjusted net capital below the early-warning level: 3750 1,100,000; early-warning level 1,200,000"
    );
    expect(items[0]).toContain("CFTC capital · line NC (3750) · Day 1");
    expect(items[1]).toMatch(/^Reg 1\.12\(h\): immediately \(statement as of 12\/01\/2020\)/);
    expect(items[1]).toContain("Notify CFTC, DSRO: report the deficiency immediately");
    within(notices).getByText(/^Assumed: FOCUS_BROKER_DEALER is not bound/);
  });

  it("selects a notice's cell when it is chosen", async () => {
    const report = datedReport([[scopeReport("Day 2", [deficiency]), "2020-12-01"]]);
    const { actions, panel } = await validated(report);
    fireEvent.click(
      within(section(panel, "Notices due (1)")).getByRole("button", { name: "'Day 2'!E14" })
    );
    expect(actions.goTo).toHaveBeenCalledWith("'Day 2'!E14");
  });

  it("says so when none is due", async () => {
    const { panel } = await validated(datedReport([[scopeReport("Day 1", []), "2020-12-01"]]));
    within(section(panel, "Notices due (0)")).getByText(/^None: no statement shows a trigger/);
  });
});
