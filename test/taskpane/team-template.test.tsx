/** @jest-environment jsdom */
/// <reference types="office-js" />
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createExcelSim, type SimSettings } from "../../sim";
import { createFocusActions } from "../../src/taskpane/actions";
import { isDevelopmentOrigin } from "../../src/taskpane/actions/team-template";
import { createOfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { AUTO_OPEN_SETTING, type DocumentSettings } from "../../src/workbook/office/settings";
import { showPaneIfTemplate } from "../../src/workbook/office/startup";
import { fakeActions, TEAM_TEMPLATE } from "./fake-actions";
import { ALL_CAPABILITIES, dayOneWorkbook } from "./recorded-workbook";
import { dialogButton, findDialog, noDialog, openTab, renderPane, section } from "./render-pane";

describe("team template: the action", () => {
  it("sets the startup behaviour and reads it back, then clears it; nothing else is written", async () => {
    const wb = dayOneWorkbook();
    const actions = createFocusActions(wb, ALL_CAPABILITIES);
    expect((await actions.teamTemplate()).autoOpen).toBe(false);
    expect((await actions.setTeamTemplate(true)).autoOpen).toBe(true);
    expect(await wb.autoOpenSaved()).toBe(true);
    expect((await actions.setTeamTemplate(false)).autoOpen).toBe(false);
    expect(wb.writes).toEqual([
      { op: "setAutoOpen", on: true },
      { op: "setAutoOpen", on: false },
    ]);
  });

  it("on a host without SharedRuntime 1.1 says so plainly and changes nothing", async () => {
    const wb = dayOneWorkbook();
    const actions = createFocusActions(wb, { ...ALL_CAPABILITIES, autoOpen: false });
    const status = await actions.teamTemplate();
    expect(status.autoOpen).toBe(false);
    expect(status.unavailable).toMatch(
      /needs Excel with SharedRuntime 1\.1; open the pane from the Home tab instead/
    );
    await expect(actions.setTeamTemplate(true)).rejects.toThrow(/SharedRuntime 1\.1/);
    expect(wb.writes).toEqual([]);
  });

  it("knows a development origin: localhost and loopback, not a deployed host", async () => {
    for (const o of [
      "https://localhost:3000",
      "http://127.0.0.1:3100",
      "https://[::1]:3000",
      "https://addin.localhost",
    ])
      expect(isDevelopmentOrigin(o)).toBe(true);
    for (const o of ["https://focus.contoso.com", "https://localhost.contoso.com", "null", ""])
      expect(isDevelopmentOrigin(o)).toBe(false);
    // jsdom serves this test from http://localhost: the real actions call that development.
    const status = await createFocusActions(dayOneWorkbook(), ALL_CAPABILITIES).teamTemplate();
    expect(status.developmentOrigin).toBe("http://localhost");
  });
});

/** Compile-time: the simulator's settings name only members Office.Settings declares. */
const settingsConform: Exclude<keyof SimSettings, keyof Office.Settings> extends never
  ? true
  : false = true;

describe("team template: the Office adapter over the simulator's Office.addin", () => {
  it("simulates Office.Settings with Office's own member names", () =>
    expect(settingsConform).toBe(true));

  const over = (
    sim = createExcelSim(),
    settings: () => DocumentSettings = () => sim.Office.context.document.settings
  ) => ({
    sim,
    wb: createOfficeWorkbook({
      run: sim.Excel.run,
      isSetSupported: sim.Office.context.requirements.isSetSupported,
      settings,
      addin: () => sim.Office.addin,
    }),
  });

  it("Prepare stores Load in the document; nothing happens on this opening; saved and reopened, the runtime loads and shows the pane", async () => {
    const { sim, wb } = over();
    await wb.setAutoOpen(true);
    expect(await wb.autoOpen()).toEqual({ on: true, olderSetting: false });
    // No effect on the opening in which it was set (run-code-on-document-open.md).
    expect(sim.taskpane.loadedWithDocument).toBe(false);
    expect(sim.taskpane.paneVisible).toBe(false);

    sim.taskpane.save();
    expect(sim.taskpane.reopen()).toBe(true);
    // The runtime's start-up code (src/taskpane/index.tsx calls it from Office.onReady).
    expect(await showPaneIfTemplate(sim.Office.addin, true)).toBe("shown");
    expect(sim.taskpane.paneVisible).toBe(true);
  });

  it("Stop stores None: saved and reopened, the runtime does not load with the workbook and the pane stays closed", async () => {
    const { sim, wb } = over();
    await wb.setAutoOpen(true);
    sim.taskpane.save();
    sim.taskpane.reopen();
    await wb.setAutoOpen(false);
    expect((await wb.autoOpen()).on).toBe(false);
    sim.taskpane.save();
    expect(sim.taskpane.reopen()).toBe(false);
    // Opened by the user later (the runtime loads then): start-up shows nothing by itself.
    expect(await showPaneIfTemplate(sim.Office.addin, true)).toBe("not-a-template");
    expect(sim.taskpane.calls).toEqual([]);
  });

  it("start-up never calls Office.addin where SharedRuntime 1.1 is missing", async () => {
    const sim = createExcelSim({ requirementSets: { ExcelApi: "1.20" } });
    expect(await showPaneIfTemplate(sim.Office.addin, false)).toBe("unsupported");
    expect(sim.taskpane.calls).toEqual([]);
    // Had it called, Office would have refused.
    await expect(sim.Office.addin.getStartupBehavior()).rejects.toThrow(/SharedRuntime 1\.1/);
  });

  it("removes the older setting Office.AutoShowTaskpaneWithDocument when a workbook still carries it, and saves only then", async () => {
    const { sim, wb } = over();
    const settings = sim.Office.context.document.settings;
    settings.set(AUTO_OPEN_SETTING, true);
    await new Promise<void>((done) => settings.saveAsync(() => done()));
    expect(await wb.autoOpen()).toEqual({ on: false, olderSetting: true });

    const save = jest.spyOn(settings, "saveAsync");
    await wb.setAutoOpen(true);
    await new Promise<void>((done) => settings.refreshAsync(() => done()));
    expect(settings.get(AUTO_OPEN_SETTING)).toBeNull();
    expect(save).toHaveBeenCalledTimes(1);
    // Without the older setting there is nothing to save (saveAsync clears Excel's undo history).
    await wb.setAutoOpen(false);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await wb.autoOpen()).toEqual({ on: false, olderSetting: false });
  });

  it("a failed save of the older setting is an error with Office's reason", async () => {
    const failing: DocumentSettings = {
      get: () => true,
      set: () => undefined,
      remove: () => undefined,
      saveAsync: (cb) => cb({ status: "failed", error: { message: "The document is read-only." } }),
    };
    await expect(over(createExcelSim(), () => failing).wb.setAutoOpen(true)).rejects.toThrow(
      "Excel did not save the document setting: The document is read-only."
    );
  });
});

describe("team template: the manifest", () => {
  const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");

  it("carries no Office.AutoShowTaskpaneWithDocument TaskpaneId under the long-lived shared runtime", () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).not.toMatch(/<TaskpaneId>\s*Office\.AutoShowTaskpaneWithDocument/);
  });

  it("has one ShowTaskpane action, with a TaskpaneId: the shared runtime's single pane", () => {
    // configure-your-add-in-to-use-a-shared-runtime.md: one task pane; a pane without a TaskpaneId is a different pane.
    const actions = [
      ...manifest.matchAll(/<Action xsi:type="ShowTaskpane">([\s\S]*?)<\/Action>/g),
    ].map((m) => m[1]);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatch(/<TaskpaneId>ButtonId1<\/TaskpaneId>/);
    expect(actions[0]).toMatch(/<SourceLocation resid="Taskpane.Url"\/>/);
  });
});

describe("Templates panel: team template", () => {
  const teamSection = () =>
    section(screen.getByRole("tabpanel", { name: "Templates" }), "Team template");

  it("warns when the add-in runs from a development manifest, and says what to do", async () => {
    const { actions } = fakeActions({
      teamTemplate: jest.fn(async () => ({
        ...TEAM_TEMPLATE,
        developmentOrigin: "https://localhost:3000",
      })),
    });
    await renderPane(actions);
    await openTab("Templates");
    const text = teamSection().textContent ?? "";
    expect(text).toMatch(/running from https:\/\/localhost:3000, a development manifest/);
    expect(text).toMatch(
      /A template prepared under a development manifest will not auto-open for users/
    );
    expect(text).toMatch(/Deploy the production manifest through the Microsoft 365 admin center/);
  });

  it("does not warn when served from a deployed host", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Templates");
    expect(teamSection().textContent).not.toMatch(/development manifest/);
    expect(teamSection().textContent).toMatch(
      /stored in the document.*save the\s+workbook afterwards/
    );
  });

  it("prepares after a confirmation, then says to save the workbook; Cancel changes nothing", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Templates");
    fireEvent.click(
      within(teamSection()).getByRole("button", { name: "Prepare as team template" })
    );
    fireEvent.click(dialogButton(await findDialog("Prepare as team template?"), "Cancel"));
    expect(noDialog()).toBe(true);
    expect(actions.setTeamTemplate).not.toHaveBeenCalled();

    fireEvent.click(
      within(teamSection()).getByRole("button", { name: "Prepare as team template" })
    );
    await act(async () =>
      fireEvent.click(dialogButton(await findDialog("Prepare as team template?"), "Prepare"))
    );
    expect(actions.setTeamTemplate).toHaveBeenCalledWith(true);
    expect(teamSection().textContent).toMatch(/Save the workbook now to keep the setting/);
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(/^Prepared: /));

    // Prepared, the same button turns it off.
    fireEvent.click(
      within(teamSection()).getByRole("button", {
        name: "Stop opening the pane with this workbook",
      })
    );
    await act(async () =>
      fireEvent.click(
        dialogButton(await findDialog("Stop opening the pane?"), "Stop opening the pane")
      )
    );
    expect(actions.setTeamTemplate).toHaveBeenLastCalledWith(false);
    expect(teamSection().textContent).toMatch(/no longer opens with this workbook/);
    await waitFor(() =>
      expect(screen.getByTestId("announcer").textContent).toMatch(/no longer opens/)
    );
  });

  it("on a host without SharedRuntime 1.1: a plain notice, and the button is disabled", async () => {
    const { actions } = fakeActions({
      teamTemplate: jest.fn(async () => ({
        ...TEAM_TEMPLATE,
        unavailable:
          "Opening the pane with a workbook (team templates) needs Excel with SharedRuntime 1.1; open the pane from the Home tab instead.",
      })),
    });
    await renderPane(actions);
    await openTab("Templates");
    await waitFor(() => expect(teamSection().textContent).toMatch(/Not available in this Excel/));
    expect(teamSection().textContent).toMatch(/needs Excel with SharedRuntime 1\.1/);
    expect(
      (
        within(teamSection()).getByRole("button", {
          name: "Prepare as team template",
        }) as HTMLButtonElement
      ).disabled
    ).toBe(true);
  });

  it("warns about the undo history only when the older setting must be removed", async () => {
    for (const olderSetting of [false, true]) {
      const { actions } = fakeActions({
        teamTemplate: jest.fn(async () => ({ ...TEAM_TEMPLATE, olderSetting })),
      });
      const { unmount } = await renderPane(actions);
      await openTab("Templates");
      fireEvent.click(
        within(teamSection()).getByRole("button", { name: "Prepare as team template" })
      );
      const dialog = await findDialog("Prepare as team template?");
      expect(dialog.textContent).toMatch(/From the next time this workbook is opened/);
      if (olderSetting)
        expect(dialog.textContent).toMatch(
          /removes the older setting.*clears Excel's undo history/
        );
      else expect(dialog.textContent).not.toMatch(/undo/);
      fireEvent.click(dialogButton(dialog, "Cancel"));
      unmount();
    }
  });

  it("over the real actions in jsdom (http://localhost), the development warning shows", async () => {
    await renderPane(createFocusActions(dayOneWorkbook(), ALL_CAPABILITIES));
    await openTab("Templates");
    expect(teamSection().textContent).toMatch(/will not auto-open for users/);
    expect(TEAM_TEMPLATE.developmentOrigin).toBeNull();
  });
});

describe("team template: the pane's start-up (src/taskpane/index.tsx) in the shared runtime", () => {
  /** Load the pane's entry as the runtime does at Office.onReady, over the simulator as Excel and Office. */
  async function startRuntime(sim: ReturnType<typeof createExcelSim>) {
    document.body.innerHTML = '<div id="root"></div>';
    Object.assign(globalThis, {
      Excel: sim.Excel,
      Office: { ...sim.Office, HostType: { Excel: "Excel" }, onReady: sim.Office.onReady },
    });
    await act(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules needs require() for a fresh copy
      jest.isolateModules(() => void require("../../src/taskpane/index"));
      await new Promise((r) => setTimeout(r, 50));
    });
  }
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
    delete (globalThis as Record<string, unknown>).Office;
  });

  it("a workbook saved with Load: the runtime that loads with it shows the pane", async () => {
    const sim = createExcelSim();
    await sim.Office.addin.setStartupBehavior("Load");
    sim.taskpane.save();
    expect(sim.taskpane.reopen()).toBe(true);
    await startRuntime(sim);
    expect(sim.taskpane.calls).toEqual(["showAsTaskpane"]);
    expect(sim.taskpane.paneVisible).toBe(true);
    // It reads the behaviour and never sets it at start-up (that would undo a user's Stop).
    expect(await sim.Office.addin.getStartupBehavior()).toBe("Load");
  });

  it("an ordinary workbook: start-up shows nothing by itself", async () => {
    const sim = createExcelSim();
    sim.taskpane.userOpensPane();
    await startRuntime(sim);
    expect(sim.taskpane.calls).toEqual([]);
    expect(await sim.Office.addin.getStartupBehavior()).toBe("None");
  });
});
