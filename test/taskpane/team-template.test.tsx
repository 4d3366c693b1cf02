/** @jest-environment jsdom */
/// <reference types="office-js" />
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createExcelSim, type SimSettings } from "../../src/sim";
import { createFocusActions } from "../../src/taskpane/actions";
import { isDevelopmentOrigin } from "../../src/taskpane/actions/team-template";
import { createOfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { AUTO_OPEN_SETTING, type DocumentSettings } from "../../src/workbook/office/settings";
import { fakeActions, TEAM_TEMPLATE } from "./fake-actions";
import { ALL_CAPABILITIES, dayOneWorkbook } from "./fake-workbook";
import { dialogButton, findDialog, noDialog, openTab, renderPane, section } from "./render-pane";

describe("team template: the action", () => {
  it("sets the document setting and saves it, then clears it; nothing else is written", async () => {
    const wb = dayOneWorkbook();
    const actions = createFocusActions(wb, ALL_CAPABILITIES);
    expect((await actions.teamTemplate()).autoOpen).toBe(false);
    expect((await actions.setTeamTemplate(true)).autoOpen).toBe(true);
    expect(wb.autoOpenSaved).toBe(true);
    expect((await actions.setTeamTemplate(false)).autoOpen).toBe(false);
    expect(wb.writes).toEqual([
      { op: "setAutoOpen", on: true },
      { op: "setAutoOpen", on: false },
    ]);
  });

  it("knows a development origin: localhost and loopback, not a deployed host", async () => {
    for (const o of ["https://localhost:3000", "http://127.0.0.1:3100", "https://[::1]:3000", "https://addin.localhost"])
      expect(isDevelopmentOrigin(o)).toBe(true);
    for (const o of ["https://focus.contoso.com", "https://localhost.contoso.com", "null", ""])
      expect(isDevelopmentOrigin(o)).toBe(false);
    // jsdom serves this test from http://localhost: the real actions call that development.
    const status = await createFocusActions(dayOneWorkbook(), ALL_CAPABILITIES).teamTemplate();
    expect(status.developmentOrigin).toBe("http://localhost");
  });
});

/** Compile-time: the simulator's settings name only members Office.Settings declares. */
const settingsConform: Exclude<keyof SimSettings, keyof Office.Settings> extends never ? true : false = true;

describe("team template: the Office adapter", () => {
  it("simulates Office.Settings with Office's own member names", () => expect(settingsConform).toBe(true));

  const over = (settings: () => DocumentSettings) => {
    const sim = createExcelSim();
    return createOfficeWorkbook({
      run: sim.Excel.run,
      isSetSupported: sim.Office.context.requirements.isSetSupported,
      settings,
    });
  };

  it("stores Office.AutoShowTaskpaneWithDocument in the document's settings with saveAsync, and removes it", async () => {
    const settings = createExcelSim().Office.context.document.settings;
    const wb = over(() => settings);
    await wb.setAutoOpen(true);
    // refreshAsync reads back what was saved into the document, not the working copy.
    await new Promise<void>((done) => settings.refreshAsync(() => done()));
    expect(settings.get(AUTO_OPEN_SETTING)).toBe(true);
    expect(await wb.autoOpen()).toBe(true);
    await wb.setAutoOpen(false);
    await new Promise<void>((done) => settings.refreshAsync(() => done()));
    expect(settings.get(AUTO_OPEN_SETTING)).toBeNull();
    expect(await wb.autoOpen()).toBe(false);
  });

  it("a failed save is an error with Office's reason", async () => {
    const failing: DocumentSettings = {
      get: () => null,
      set: () => undefined,
      remove: () => undefined,
      saveAsync: (cb) => cb({ status: "failed", error: { message: "The document is read-only." } }),
    };
    await expect(over(() => failing).setAutoOpen(true)).rejects.toThrow(
      "Excel did not save the document setting: The document is read-only."
    );
  });
});

describe("team template: the manifest", () => {
  it("opens the pane with a prepared document: the ribbon button's TaskpaneId is Office.AutoShowTaskpaneWithDocument", () => {
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    const ids = [...manifest.matchAll(/<TaskpaneId>([^<]*)<\/TaskpaneId>/g)].map((m) => m[1]);
    expect(ids).toEqual(["Office.AutoShowTaskpaneWithDocument"]);
    expect(manifest).not.toMatch(/FocusPane/);
  });
});

describe("Templates panel: team template", () => {
  const teamSection = () => section(screen.getByRole("tabpanel", { name: "Templates" }), "Team template");

  it("warns when the add-in runs from a development manifest, and says what to do", async () => {
    const { actions } = fakeActions({
      teamTemplate: jest.fn(async () => ({ autoOpen: false, developmentOrigin: "https://localhost:3000" })),
    });
    await renderPane(actions);
    await openTab("Templates");
    const text = teamSection().textContent ?? "";
    expect(text).toMatch(/running from https:\/\/localhost:3000, a development manifest/);
    expect(text).toMatch(/A template prepared under a development manifest will not auto-open for users/);
    expect(text).toMatch(/Deploy the production manifest through the Microsoft 365 admin center/);
  });

  it("does not warn when served from a deployed host", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Templates");
    expect(teamSection().textContent).not.toMatch(/development manifest/);
    expect(teamSection().textContent).toMatch(/stored in the document.*save the\s+workbook afterwards/);
  });

  it("prepares after a confirmation, then says to save the workbook; Cancel changes nothing", async () => {
    const { actions } = fakeActions();
    await renderPane(actions);
    await openTab("Templates");
    fireEvent.click(within(teamSection()).getByRole("button", { name: "Prepare as team template" }));
    fireEvent.click(dialogButton(await findDialog("Prepare as team template?"), "Cancel"));
    expect(noDialog()).toBe(true);
    expect(actions.setTeamTemplate).not.toHaveBeenCalled();

    fireEvent.click(within(teamSection()).getByRole("button", { name: "Prepare as team template" }));
    await act(async () => fireEvent.click(dialogButton(await findDialog("Prepare as team template?"), "Prepare")));
    expect(actions.setTeamTemplate).toHaveBeenCalledWith(true);
    expect(teamSection().textContent).toMatch(/Save the workbook now to keep the setting/);
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(/^Prepared: /));

    // Prepared, the same button turns it off.
    fireEvent.click(within(teamSection()).getByRole("button", { name: "Stop opening the pane with this workbook" }));
    await act(async () => fireEvent.click(dialogButton(await findDialog("Stop opening the pane?"), "Stop opening the pane")));
    expect(actions.setTeamTemplate).toHaveBeenLastCalledWith(false);
    expect(teamSection().textContent).toMatch(/no longer opens with this workbook/);
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toMatch(/no longer opens/));
  });

  it("over the real actions in jsdom (http://localhost), the development warning shows", async () => {
    await renderPane(createFocusActions(dayOneWorkbook(), ALL_CAPABILITIES));
    await openTab("Templates");
    expect(teamSection().textContent).toMatch(/will not auto-open for users/);
    expect(TEAM_TEMPLATE.developmentOrigin).toBeNull();
  });
});
