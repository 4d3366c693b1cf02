/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { detectCapabilities } from "../../src/taskpane/actions";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { fakeActions } from "./fake-actions";
import { openTab, renderPane } from "./render-pane";

/** What Tab reaches, in order: enabled, visible, not taken out of the tab order. */
function tabOrder(root: HTMLElement): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>("button, input, select, [tabindex]");
  return [...candidates].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled &&
      el.tabIndex >= 0 &&
      !el.closest("[hidden]") &&
      !el.closest("[aria-hidden=true]")
  );
}

describe("pane shell", () => {
  it("shows every unavailable capability as a visible sentence and disables what depends on it", async () => {
    const caps = detectCapabilities((_name, v) => v === "1.7"); // names only (no SharedRuntime 1.1 either)
    const { actions } = fakeActions({}, caps);
    await renderPane(actions);
    const notices = screen.getByRole("list", { hidden: false });
    expect(
      within(notices)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(caps.unavailable);
    expect(caps.unavailable).toHaveLength(6); // five capabilities, and undo (ExcelApi 1.19)
    const panel = await openTab("Validate");
    expect(
      (within(panel).getByRole("button", { name: "Highlight" }) as HTMLButtonElement).disabled
    ).toBe(true);
    expect(
      (within(panel).getByRole("switch", { name: "Live updates" }) as HTMLInputElement).disabled
    ).toBe(true);
    expect(
      (within(panel).getByRole("button", { name: "Validate" }) as HTMLButtonElement).disabled
    ).toBe(false);
  });

  it("shows no notice when everything is supported", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    expect(screen.queryByText(/Some features are unavailable/)).toBeNull();
  });

  it("puts the tabs and each panel's main controls in the keyboard's reach, in reading order", async () => {
    const { actions } = fakeActions();
    const { container } = await renderPane(actions);
    const position = (el: HTMLElement) => tabOrder(container).indexOf(el);

    const tabs = ["Validate", "Bind", "Recompute", "Templates", "Review"].map((name) =>
      screen.getByRole("tab", { name })
    );
    expect(tabs.map(position)).toEqual([0, 1, 2, 3, 4]);
    const validate = screen.getByRole("tabpanel", { name: "Validate" });
    const main = [
      within(validate).getByRole("button", { name: "Validate" }),
      within(validate).getByRole("switch", { name: "Live updates" }),
      within(validate).getByRole("button", { name: "Clear highlights" }),
    ];
    expect(main.map(position)).toEqual([5, 6, 7]);

    const bind = await openTab("Bind");
    const bindControls = [
      within(bind).getByRole("combobox", { name: /Line/ }),
      within(bind).getByRole("radio", { name: /This sheet/ }),
      within(bind).getByRole("button", { name: "Scan sheet" }),
      within(bind).getByRole("button", { name: "Unbind FOCUS_3750 (sheet Day 1)" }),
    ];
    const bindPositions = bindControls.map(position);
    expect(bindPositions.every((p) => p > 4)).toBe(true);
    expect([...bindPositions].sort((a, b) => a - b)).toEqual(bindPositions);
    expect(position(within(validate).getByRole("button", { name: "Validate", hidden: true }))).toBe(
      -1
    ); // hidden panel

    const recompute = await openTab("Recompute");
    expect(position(within(recompute).getByRole("button", { name: "Preview" }))).toBe(5);
    const templates = await openTab("Templates");
    expect(
      position(
        within(templates).getByRole("button", { name: "Insert sheet: 4d(2) segregation template" })
      )
    ).toBe(5);
    const review = await openTab("Review");
    expect(position(within(review).getByRole("button", { name: "Load review" }))).toBe(5);

    // Every stop is a native control, which Enter and Space operate with no extra code.
    for (const el of tabOrder(container))
      expect(["BUTTON", "INPUT", "SELECT"]).toContain(el.tagName);
  });

  it("picks a line with the keyboard alone", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Bind");
    const box = within(panel).getByRole("combobox", { name: /Line/ });
    fireEvent.keyDown(box, { key: "7" });
    fireEvent.change(box, { target: { value: "7180" } });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "Enter" });
    expect((box as HTMLInputElement).value).toBe("7180 · line 13 · Total amount in segregation");
    await act(async () =>
      fireEvent.click(within(panel).getByRole("button", { name: "Bind selected cell" }))
    );
    expect(actions.bindSelection).toHaveBeenCalledWith("7180", "sheet", undefined);
  });

  it("keeps the other panels working when one panel fails to render", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    // A malformed answer makes the bindings list throw while rendering.
    const { actions } = fakeActions({
      bindings: jest.fn(async () => [{ statement: "seg-4d2" }] as never),
    });
    await renderPane(actions);
    const bind = await openTab("Bind");
    within(bind).getByRole("alert");
    within(bind).getByText("The Bind panel stopped.");
    within(bind).getByText(/The FOCUS functions and the ribbon's Validate button still work/);

    const validate = await openTab("Validate");
    await act(async () =>
      fireEvent.click(within(validate).getByRole("button", { name: "Validate" }))
    );
    expect(actions.validate).toHaveBeenCalledTimes(1);
    within(validate).getByRole("region", { name: "Findings, Day 1" });
  });

  it("inserts a template and offers the new sheet", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    const panel = await openTab("Templates");
    await act(async () =>
      fireEvent.click(
        within(panel).getByRole("button", { name: "Insert sheet: 4d(2) segregation template" })
      )
    );
    expect(actions.insertTemplate).toHaveBeenCalledWith("seg-4d2");
    within(panel).getByText(/Inserted sheet 4d\(2\) segregation template/);
    fireEvent.click(
      within(panel).getByRole("button", { name: "Go to '4d(2) segregation template'!A1" })
    );
    expect(actions.goTo).toHaveBeenCalledWith("'4d(2) segregation template'!A1");
  });
});

describe("ErrorBoundary", () => {
  function Boom({ fail }: { fail: boolean }): React.JSX.Element {
    if (fail) throw new Error("render failed");
    return <p>fine</p>;
  }

  it("catches a throwing child, says what still works, and tries again", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    let fail = true;
    const Child = () => <Boom fail={fail} />;
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary area="The Bind panel">
          <Child />
        </ErrorBoundary>
      </FluentProvider>
    );
    within(screen.getByRole("alert")).getByText(/render failed/);
    expect(console.error).toHaveBeenCalledWith(
      "FOCUS: The Bind panel failed",
      expect.any(Error),
      expect.any(String)
    );
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => screen.getByText("fine"));
  });
});
