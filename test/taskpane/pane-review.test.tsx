/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createFocusActions } from "../../src/taskpane/actions";
import { REVIEW_SHEET } from "../../src/workbook/review-sheet";
import { writeXlsx } from "../../sim";
import { boundSheet } from "../workbook/fixtures";
import { ALL_CAPABILITIES, RecordedWorkbook } from "./recorded-workbook";
import { openTab, renderPane, section } from "./render-pane";

/** Three daily 4d(2) sheets named by date; the excess falls 100 -> 95 -> 60 (a >25% fall on the last day). */
function week(firm?: string): RecordedWorkbook {
  const wb = new RecordedWorkbook();
  const days: [string, number][] = [
    ["Seg 2020-11-30", 100],
    ["Seg 2020-12-01", 95],
    ["Seg 2020-12-02", 60],
  ];
  // A firm's name printed above the statement's title, when given.
  const heading: Record<string, string> = firm
    ? { A1: firm, A2: "Statement of Segregation Requirements and Funds in Segregation" }
    : {};
  for (const [sheet, excess] of days) {
    wb.addWorksheet(sheet, {
      ...heading,
      C1: 115,
      C2: 115,
      C3: 115,
      C4: 115 + excess,
      C5: 115 + excess,
      C6: excess,
      C7: 50,
    });
    const codes = ["7010", "7040", "7060", "7070", "7180", "7190", "7194"];
    codes.forEach((code, i) => wb.define(`FOCUS_${code}`, `'${sheet}'!$C$${i + 1}`, sheet));
  }
  return wb;
}

async function reviewTab(wb: RecordedWorkbook) {
  localStorage.clear();
  const actions = createFocusActions(wb, ALL_CAPABILITIES);
  await renderPane(actions);
  const panel = await openTab("Review");
  await act(async () =>
    fireEvent.click(within(panel).getByRole("button", { name: "Load review" }))
  );
  return panel;
}

describe("Review panel", () => {
  it("plots excess against target and lists the periods in date order with their flags", async () => {
    const panel = await reviewTab(week());
    const periods = section(panel, "Periods");
    const chart = within(periods).getByRole("img");
    expect(chart.getAttribute("aria-label")).toBe(
      "4d(2) segregation: excess from 100 on 11/30/2020 to 60 on 12/02/2020; target 50; 0 of 3 periods under target."
    );
    const items = within(within(periods).getByRole("list", { name: "Periods" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^11\/30\/2020 · Seg 2020-11-30Excess 100, target 50 · ok/);
    expect(items[2]).toContain("residual interest fell by 35 (36.8%)");
  });

  it("shows a firm read from a sheet's heading as such, and binds FOCUS_ENTITY to its cell on confirmation", async () => {
    const wb = week("Alpha Futures LLC");
    const panel = await reviewTab(wb);
    const periods = section(panel, "Periods");
    const items = within(within(periods).getByRole("list", { name: "Periods" })).getAllByRole(
      "listitem"
    );
    expect(items[0].textContent).toContain("Seg 2020-11-30 · Alpha Futures LLC");
    expect(items[0].textContent).toContain(
      "Firm read from the sheet’s heading ('Seg 2020-11-30'!A1), not from FOCUS_ENTITY."
    );
    await act(async () =>
      fireEvent.click(
        within(items[0]).getByRole("button", {
          name: "Confirm: bind FOCUS_ENTITY to 'Seg 2020-11-30'!A1",
        })
      )
    );
    expect((await wb.names()).find((n) => n.name === "FOCUS_ENTITY")).toMatchObject({
      sheet: "Seg 2020-11-30",
      formula: "'Seg 2020-11-30'!$A$1",
    });
    // Reloaded: the first period's firm now comes from FOCUS_ENTITY, the others still from their headings.
    await waitFor(() => {
      const again = within(
        within(section(panel, "Periods")).getByRole("list", { name: "Periods" })
      ).getAllByRole("listitem");
      expect(again[0].textContent).not.toContain("Firm read from the sheet’s heading");
      expect(again[1].textContent).toContain(
        "Firm read from the sheet’s heading ('Seg 2020-12-01'!A1)"
      );
    });
  });

  it("compares the latest period with the one before, notable lines first, every line on request", async () => {
    const panel = await reviewTab(week());
    const compare = section(panel, "Against the prior period");
    within(compare).getByText(/Reg 1\.23\(c\)/);
    const table = within(compare).getByRole("table", {
      name: "Seg 2020-12-02 against Seg 2020-12-01",
    });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toContain("14 (7190)9560(35)-36.84%");
    expect(rows.some((r) => r!.startsWith("1A (7010)"))).toBe(false); // unchanged: shown with every line only
    fireEvent.click(within(compare).getByRole("switch", { name: "Show every line" }));
    expect(within(table).getAllByRole("row").length).toBeGreaterThan(rows.length + 1);
  });

  it("marks reviewed with the typed name, into the very hidden record, then says nothing changed", async () => {
    const wb = week();
    const panel = await reviewTab(wb);
    const signOff = section(panel, "Sign-off");
    within(signOff).getByText("This workbook has not been signed off.");
    fireEvent.change(within(signOff).getByRole("textbox", { name: /Reviewer/ }), {
      target: { value: "A. Reviewer" },
    });
    await act(async () =>
      fireEvent.click(within(signOff).getByRole("button", { name: "Mark reviewed" }))
    );
    await waitFor(() =>
      within(section(panel, "Sign-off")).getByText(
        /Last signed off by A\. Reviewer on \d\d\/\d\d\/\d{4} \d\d:\d\d UTC\. Result then: 3 scopes: .*Nothing has changed since\./
      )
    );
    expect((await wb.structure()).sheets.find((s) => s.name === REVIEW_SHEET)?.visibility).toBe(
      "veryHidden"
    );
    expect(localStorage.getItem("focus-check.reviewer")).toBe("A. Reviewer");

    // Validate says so too, and names the binding once a bound value changes.
    const validate = await openTab("Validate");
    await act(async () =>
      fireEvent.click(within(validate).getByRole("button", { name: "Validate" }))
    );
    within(validate).getByText(
      /^Signed off by A\. Reviewer on .* UTC; nothing has changed since\.$/
    );
    await wb.writeCells([{ sheet: "Seg 2020-12-01", address: "C1", value: 116 }]);
    await act(async () =>
      fireEvent.click(within(validate).getByRole("button", { name: "Validate" }))
    );
    within(validate).getByText(/; 1 bound value changed since \(FOCUS_7010\)\.$/);
  });

  it("refuses a sign-off without a name and writes nothing", async () => {
    const wb = week();
    const panel = await reviewTab(wb);
    const signOff = section(panel, "Sign-off");
    const name = within(signOff).getByRole("textbox", { name: /Reviewer/ });
    expect(name.hasAttribute("required")).toBe(true); // an empty name never leaves the form
    fireEvent.change(name, { target: { value: " " } });
    await act(async () =>
      fireEvent.click(within(signOff).getByRole("button", { name: "Mark reviewed" }))
    );
    await waitFor(() =>
      expect(section(panel, "Sign-off").textContent).toContain("Type the reviewer's name")
    );
    expect(wb.writes.filter((w) => w.op === "writeRecordSheet")).toEqual([]);
  });

  it("writes the review package as a sheet", async () => {
    const wb = week();
    const panel = await reviewTab(wb);
    const pkg = section(panel, "Review package");
    await act(async () =>
      fireEvent.click(within(pkg).getByRole("button", { name: "Write report sheet" }))
    );
    await within(pkg).findByText("Inserted the review package as sheet “FOCUS Review Report”.");
    expect(wb.cell("FOCUS Review Report", "A1")?.value).toEqual({
      type: "text",
      text: "FOCUS review package",
    });
    within(pkg).getByRole("button", { name: "Save Seg 2020-12-02 (CSV)" });
  });
});

describe("acknowledging a finding in the Validate panel", () => {
  it("asks for a reason and a name, records it, and shows it on the finding", async () => {
    const wb = new RecordedWorkbook().addWorksheet("Seg 2020-11-30", { C1: 100, C2: 140 });
    wb.define("FOCUS_7070", "'Seg 2020-11-30'!$C$1", "Seg 2020-11-30").define(
      "FOCUS_7180",
      "'Seg 2020-11-30'!$C$2",
      "Seg 2020-11-30"
    );
    localStorage.clear();
    await renderPane(createFocusActions(wb, ALL_CAPABILITIES));
    const panel = await openTab("Validate");
    await act(async () => fireEvent.click(within(panel).getByRole("button", { name: "Validate" })));
    const ackButton = (await within(panel).findAllByRole("button", { name: "Acknowledge…" }))[0];
    fireEvent.click(ackButton);
    const dialog = await screen.findByRole("dialog", { name: "Acknowledge finding", hidden: true });
    fireEvent.change(within(dialog).getByRole("textbox", { name: /Reason/, hidden: true }), {
      target: { value: "Bank letter pending" },
    });
    fireEvent.change(within(dialog).getByRole("textbox", { name: /Your name/, hidden: true }), {
      target: { value: "A. Reviewer" },
    });
    await act(async () =>
      fireEvent.click(within(dialog).getByRole("button", { name: "Acknowledge", hidden: true }))
    );
    await within(panel).findByText(
      /Acknowledged by A\. Reviewer on \d{4}-\d{2}-\d{2}: Bank letter pending/
    );
  });
});

describe("comparing with a prior workbook chosen in the pane", () => {
  function today(): RecordedWorkbook {
    const wb = new RecordedWorkbook();
    wb.addWorksheet("Seg 2020-12-01", {
      C1: 115,
      C2: 115,
      C3: 115,
      C4: 175,
      C5: 175,
      C6: 60,
      C7: 50,
    });
    ["7010", "7040", "7060", "7070", "7180", "7190", "7194"].forEach((code, i) =>
      wb.define(`FOCUS_${code}`, `'Seg 2020-12-01'!$C$${i + 1}`, "Seg 2020-12-01")
    );
    return wb;
  }
  const yesterday = () => {
    const s = boundSheet(
      "Seg 2020-11-30",
      { "7010": 115, "7040": 115, "7060": 115, "7070": 215, "7180": 215, "7190": 100, "7194": 50 },
      "sheet"
    );
    return writeXlsx({ sheets: [{ name: "Seg 2020-11-30", cells: s.cells }], names: s.names });
  };
  const choose = async (panel: HTMLElement, name: string, bytes: Uint8Array) => {
    const input = within(section(panel, "Against the prior period")).getByLabelText(
      /Compare with a prior workbook/
    ) as HTMLInputElement;
    await act(async () =>
      fireEvent.change(input, { target: { files: [new File([new Uint8Array(bytes)], name)] } })
    );
  };

  it("reads the file in the pane and compares line by line, with the withdrawal flag", async () => {
    const panel = await reviewTab(today());
    await choose(panel, "yesterday.xlsx", yesterday());
    const compare = section(panel, "Against the prior period");
    const table = await within(compare).findByRole("table", {
      name: "Seg 2020-12-01 against Seg 2020-11-30 in yesterday.xlsx",
    });
    expect(
      within(table)
        .getAllByRole("row")
        .map((r) => r.textContent)
    ).toContain("14 (7190)10060(40)-40.00%");
    within(compare).getByText(/residual interest fell by 40 \(40\.0%\) from 100.*Reg 1\.23\(c\)/);
  });

  it("says why in one sentence when the file is no workbook or matches no period", async () => {
    const panel = await reviewTab(today());
    await choose(
      panel,
      "notes.xlsx",
      Uint8Array.from("not a zip", (c) => c.charCodeAt(0))
    );
    await waitFor(() =>
      expect(section(panel, "Against the prior period").textContent).toMatch(/notes\.xlsx .*\./)
    );
    // Two undated scopes of other names: nothing to pair with (a one-scope file would pair with its only scope).
    const a = boundSheet("Other", { "7010": 1 }, "sheet");
    const b = boundSheet("Else", { "7010": 2 }, "sheet");
    await choose(
      panel,
      "other.xlsx",
      writeXlsx({
        sheets: [
          { name: "Other", cells: a.cells },
          { name: "Else", cells: b.cells },
        ],
        names: [...a.names, ...b.names],
      })
    );
    await waitFor(() =>
      expect(section(panel, "Against the prior period").textContent).toContain(
        "No period here matches one in other.xlsx"
      )
    );
  });
});
