import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { FocusActions } from "../../src/taskpane/actions";

// findBy* and waitFor give up after 1 s by default. The pane loads its panels, report views and
// writers through import() on first use; with the whole suite on a 2-core machine one such load
// can pass a second, and a test then fails on time, not behaviour (seen in sessions 7 and 8 on
// "writes the review package as a sheet"). A wrong pane still fails: the text never comes.
configure({ asyncUtilTimeout: 10_000 });

/** Render the pane and let its first reads (the bindings list) settle. */
export async function renderPane(actions: FocusActions) {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(
      <FluentProvider theme={webLightTheme}>
        <App actions={actions} />
      </FluentProvider>
    );
  });
  return result;
}

/** Open a tab and wait for its panel: panels other than Validate load on first opening. */
export async function openTab(name: string): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
  });
  const panel = screen.getByRole("tabpanel", { name });
  await waitFor(() => {
    if (panel.textContent === "" || panel.textContent === "Loading…")
      throw new Error(`${name} is still loading`);
  });
  await act(async () => undefined); // the panel's first reads settle
  return panel;
}

/** The visible panel's region with this heading. */
export function section(panel: HTMLElement, title: string | RegExp): HTMLElement {
  return within(panel).getByRole("region", { name: title });
}

/**
 * An open confirmation dialog. In jsdom, Fluent's focus manager (tabster) never
 * sees focus enter the modal and leaves its surface marked aria-hidden, so the
 * query includes hidden elements; the role and name are still checked.
 */
export async function findDialog(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { name, hidden: true });
}

export function dialogButton(dialog: HTMLElement, name: string | RegExp): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}

export function noDialog(): boolean {
  return document.querySelector("[role=alertdialog]") === null;
}
