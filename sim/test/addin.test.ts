/// <reference types="office-js" />
import { createExcelSim, SimOfficeError, type SimOfficeAddin } from "..";

/** Compile-time: Office.addin in the simulator names only members Office.Addin declares. */
type Invented = Exclude<keyof SimOfficeAddin, keyof Office.Addin>;
const conforms: Invented extends never ? true : Invented = true;

describe("simulator: Office.addin (SharedRuntime 1.1)", () => {
  it("names only Office.Addin's members, and StartupBehavior's run-time values", () => {
    expect(conforms).toBe(true);
    expect(createExcelSim().Office.StartupBehavior).toEqual({ none: "None", load: "Load" });
  });

  it("stores the startup behaviour in the document: no effect on this opening, effect on the next once saved", async () => {
    const { Office, taskpane } = createExcelSim();
    expect(await Office.addin.getStartupBehavior()).toBe("None");
    await Office.addin.setStartupBehavior("Load");
    expect(await Office.addin.getStartupBehavior()).toBe("Load");
    expect(taskpane.loadedWithDocument).toBe(false);
    expect(taskpane.paneVisible).toBe(false);

    // Not saved: the document reopens as it was stored.
    expect(taskpane.reopen()).toBe(false);
    expect(await Office.addin.getStartupBehavior()).toBe("None");

    await Office.addin.setStartupBehavior("Load");
    taskpane.save();
    expect(taskpane.reopen()).toBe(true);
    expect(taskpane.loadedWithDocument).toBe(true);
    // The runtime loads but shows no UI by itself (StartupBehavior.load: "Load the add-in but do not show UI").
    expect(taskpane.paneVisible).toBe(false);

    await Office.addin.setStartupBehavior("None");
    taskpane.save();
    expect(taskpane.reopen()).toBe(false);
  });

  it("showAsTaskpane shows the pane and moves keyboard focus into it (office-js#5050); hide gives it back", async () => {
    const { Office, taskpane } = createExcelSim();
    const modes: string[] = [];
    const remove = await Office.addin.onVisibilityModeChanged(
      (m) => void modes.push(m.visibilityMode)
    );
    expect(taskpane.focus).toBe("grid");
    await Office.addin.showAsTaskpane();
    expect(taskpane.paneVisible).toBe(true);
    expect(taskpane.focus).toBe("pane");
    await Office.addin.hide();
    expect(taskpane.paneVisible).toBe(false);
    expect(taskpane.focus).toBe("grid");
    await remove();
    taskpane.userOpensPane();
    expect(modes).toEqual(["Taskpane", "Hidden"]);
    expect(taskpane.calls).toEqual(["showAsTaskpane", "hide"]);
  });

  it("the user's pane button and clicks move focus; closing the pane leaves the runtime's state as it was", async () => {
    const { taskpane, Office } = createExcelSim();
    taskpane.userOpensPane();
    expect([taskpane.paneVisible, taskpane.focus]).toEqual([true, "pane"]);
    taskpane.userClicksGrid();
    expect(taskpane.focus).toBe("grid");
    await Office.addin.setStartupBehavior("Load");
    taskpane.userClosesPane();
    expect(taskpane.paneVisible).toBe(false);
    expect(await Office.addin.getStartupBehavior()).toBe("Load");
  });

  it("without SharedRuntime 1.1 every call rejects, and a saved Load does not load the runtime", async () => {
    const { Office, taskpane } = createExcelSim({ requirementSets: { ExcelApi: "1.20" } });
    expect(Office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(false);
    for (const call of [
      () => Office.addin.getStartupBehavior(),
      () => Office.addin.setStartupBehavior("Load"),
      () => Office.addin.showAsTaskpane(),
      () => Office.addin.hide(),
    ]) {
      const error = await call().then(
        () => null,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(SimOfficeError);
      expect((error as SimOfficeError).code).toBe("ApiNotFound");
    }
    expect(taskpane.calls).toEqual([]);
    taskpane.save();
    expect(taskpane.reopen()).toBe(false);
  });

  it("refuses an unknown startup behaviour", async () => {
    const { Office } = createExcelSim();
    await expect(Office.addin.setStartupBehavior("Always" as "Load")).rejects.toThrow(
      /Unknown startup behavior/
    );
  });
});
