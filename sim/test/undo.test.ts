/// <reference types="office-js" />
import { createExcelSim, type SimPlatform } from "..";
import type { WorkbookModel } from "../xlsx-writer";

const MODEL: WorkbookModel = {
  sheets: [{ name: "Day 1", cells: [{ ref: "A1", value: 1 }] }],
  names: [],
};

const PLATFORMS: SimPlatform[] = ["web", "windows", "mac"];

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe("the simulator's platform", () => {
  it.each([
    ["web", "OfficeOnline"],
    ["windows", "PC"],
    ["mac", "Mac"],
  ] as const)("%s is Office.context.diagnostics.platform %s", async (platform, office) => {
    const sim = createExcelSim({ workbook: MODEL, platform });
    expect(sim.Office.context.diagnostics.platform).toBe(office);
    expect((await sim.Office.onReady()).platform).toBe(office);
    expect(sim.state.platform).toBe(platform);
  });

  it("defaults to Excel on the web", () => {
    expect(createExcelSim().Office.context.diagnostics.platform).toBe("OfficeOnline");
  });
});

describe.each(PLATFORMS)("the undo stack on %s", (platform) => {
  const make = () => createExcelSim({ workbook: MODEL, platform });

  it("a typed cell is one step, and Undo puts the old value back", async () => {
    const { state } = make();
    await state.setValue("Day 1", "A1", 2);
    await state.setValue("Day 1", "B1", "x");
    expect(state.undoDepth).toBe(2);
    expect(await state.undo()).toBe(true);
    expect(state.value("Day 1", "B1")).toBeNull();
    expect(await state.undo()).toBe(true);
    expect(state.value("Day 1", "A1")).toBe(1);
    expect(await state.undo()).toBe(false);
  });

  it("a co-author's edit is not on this user's stack", async () => {
    const { state } = make();
    await state.setValue("Day 1", "A1", 2, { source: "Remote" });
    expect(state.undoDepth).toBe(0);
  });

  it("loads and reads never touch the stack (getMergedAreasOrNullObject aside)", async () => {
    const { Excel, state } = make();
    await state.setValue("Day 1", "A1", 2);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Day 1");
      sheet.getRange("A1:B2").load("values, formulas, numberFormat, valueTypes");
      ctx.workbook.worksheets.load("items/name, items/visibility, items/protection/protected");
      ctx.workbook.names.load("items/name, items/formula");
      ctx.runtime.load("enableEvents");
      await ctx.sync();
    });
    expect(state.undoDepth).toBe(1);
  });

  it("each sync of an ungrouped run that writes is one step; Undo reverts it", async () => {
    const { Excel, state } = make();
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Day 1");
      sheet.getRange("A1").values = [[5]];
      await ctx.sync();
      sheet.getRange("A2").formulas = [["=A1*2"]];
      await ctx.sync();
    });
    expect(state.undoDepth).toBe(2);
    await state.undo();
    expect(state.formula("Day 1", "A2")).toBeNull();
    expect(state.value("Day 1", "A1")).toBe(5);
  });

  it("a run with mergeUndoGroup is one step across its syncs", async () => {
    const { Excel, state } = make();
    await state.setValue("Day 1", "C1", 9);
    await Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Day 1");
      sheet.getRange("A1").values = [[5]];
      ctx.runtime.enableEvents = false;
      await ctx.sync();
      sheet.getRange("A2").values = [[6]];
      ctx.workbook.names.add("FOCUS_X", sheet.getRange("A1"));
      sheet.getRange("A1").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    expect(state.undoDepth).toBe(2);
    await state.undo();
    expect(state.value("Day 1", "A1")).toBe(1);
    expect(state.value("Day 1", "A2")).toBeNull();
    expect(state.snapshot().names).toEqual({});
    expect(state.value("Day 1", "C1")).toBe(9);
  });

  it("settings.saveAsync clears the stack (office-js#3141)", async () => {
    const { Office, state } = make();
    await state.setValue("Day 1", "A1", 2);
    Office.context.document.settings.set("k", true);
    await new Promise<void>((done) => Office.context.document.settings.saveAsync(() => done()));
    expect(state.undoDepth).toBe(0);
    expect(state.undoLog.at(-1)).toEqual({
      kind: "cleared",
      by: "Settings.saveAsync",
    });
  });

  it("deleting a sheet or protecting one clears the stack everywhere (the doc's table)", async () => {
    const { Excel, state } = make();
    await state.setValue("Day 1", "A1", 2);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("Scratch");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Scratch").delete();
      await ctx.sync();
    });
    expect(state.undoDepth).toBe(0);
    expect(state.undoLog.at(-1)).toEqual({
      kind: "cleared",
      by: "Worksheet.delete",
    });
  });

  it("inside mergeUndoGroup a call without undo support throws UndoNotSupported and the batch does nothing", async () => {
    const { Excel, state } = make();
    state.failedBatches = "partly-applied";
    await state.setValue("Day 1", "A1", 2);
    const refused = await code(
      Excel.run({ mergeUndoGroup: true }, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Day 1");
        sheet.getRange("B1").values = [[7]];
        sheet.protection.protect();
        await ctx.sync();
      })
    );
    expect(refused).toBe("UndoNotSupported");
    expect(state.value("Day 1", "B1")).toBeNull();
    expect(state.snapshot().sheets[0].protected).toBe(false);
    expect(state.undoDepth).toBe(1);
  });
});

describe("where the table differs by platform", () => {
  const hideInGroup = async (platform: SimPlatform) => {
    const { Excel, state } = createExcelSim({
      workbook: {
        sheets: [...MODEL.sheets, { name: "Rec", cells: [] }],
        names: [],
      },
      platform,
    });
    await state.setValue("Day 1", "A1", 2);
    const refused = await code(
      Excel.run({ mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("Rec").visibility = "VeryHidden";
        await ctx.sync();
      })
    );
    return { refused, state };
  };

  it("Worksheet.visibility is undoable on the web", async () => {
    const { refused, state } = await hideInGroup("web");
    expect(refused).toBeUndefined();
    expect(state.undoDepth).toBe(2);
  });

  it.each(["windows", "mac"] as const)(
    "Worksheet.visibility is refused in a group on %s, and clears the stack outside one",
    async (platform) => {
      const { refused, state } = await hideInGroup(platform);
      expect(refused).toBe("UndoNotSupported");
      expect(state.snapshot().sheets[1].visibility).toBe("Visible");
      expect(state.undoDepth).toBe(1);
      const sim = createExcelSim({
        workbook: {
          sheets: [...MODEL.sheets, { name: "Rec", cells: [] }],
          names: [],
        },
        platform,
      });
      await sim.state.setValue("Day 1", "A1", 2);
      await sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Rec").visibility = "VeryHidden";
        await ctx.sync();
      });
      expect(sim.state.undoDepth).toBe(0);
    }
  );

  it.each([
    ["web", 1],
    ["windows", 0],
    ["mac", 1],
  ] as const)(
    "a sync with getMergedAreasOrNullObject on %s leaves %i step (office-js#5918: Windows loses the stack)",
    async (platform, depth) => {
      const { Excel, state } = createExcelSim({ workbook: MODEL, platform });
      await state.setValue("Day 1", "A1", 2);
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("A1").getMergedAreasOrNullObject();
        await ctx.sync();
      });
      expect(state.undoDepth).toBe(depth);
    }
  );

  it("inside a merged group on Windows the merged-area read clears the stack but is not refused", async () => {
    const { Excel, state } = createExcelSim({
      workbook: MODEL,
      platform: "windows",
    });
    await state.setValue("Day 1", "A1", 2);
    await Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Day 1").getRange("B1");
      range.getMergedAreasOrNullObject();
      await ctx.sync();
      range.values = [[3]];
      await ctx.sync();
    });
    expect(state.undoLog.map((e) => e.kind)).toEqual(["step", "cleared", "step"]);
    expect(state.undoDepth).toBe(1);
  });

  it("the desktop losses threads report are played only when asked (office-js#6170)", async () => {
    for (const reported of [false, true]) {
      const { Excel, state } = createExcelSim({
        workbook: MODEL,
        platform: "windows",
        reportedDesktopClears: reported,
      });
      await state.setValue("Day 1", "A1", 2);
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("B1").formulas = [["=A1"]];
        await ctx.sync();
      });
      expect(state.undoDepth).toBe(reported ? 0 : 2);
    }
  });

  it("before ExcelApi 1.19 every add-in change clears the stack", async () => {
    const { Excel, state } = createExcelSim({
      workbook: MODEL,
      requirementSets: { ExcelApi: "1.18" },
    });
    await state.setValue("Day 1", "A1", 2);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Day 1").getRange("B1").values = [[3]];
      await ctx.sync();
    });
    expect(state.undoDepth).toBe(0);
  });
});

describe("office-js#6001", () => {
  it("Undo after one merged group added a very hidden sheet and wrote a cell crashes Excel", async () => {
    const { Excel, state } = createExcelSim({
      workbook: MODEL,
      platform: "web",
    });
    await Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      const sheet = ctx.workbook.worksheets.add("Hidden");
      sheet.visibility = "VeryHidden";
      sheet.getRange("A1").values = [["x"]];
      await ctx.sync();
    });
    await expect(state.undo()).rejects.toThrow(/6001/);
    expect(state.crashed).toMatch(/6001/);
  });

  it("the same calls in separate runs are separate steps and undo cleanly", async () => {
    const { Excel, state } = createExcelSim({
      workbook: MODEL,
      platform: "web",
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("Hidden").visibility = "VeryHidden";
      await ctx.sync();
    });
    await Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Hidden").getRange("A1").values = [["x"]];
      await ctx.sync();
    });
    expect(await state.undo()).toBe(true);
    expect(state.crashed).toBeNull();
  });
});

describe("co-author (Remote) edits", () => {
  it("raise onChanged with source Remote, then onCalculated for the formulas they change", async () => {
    const { Excel, state } = createExcelSim({
      workbook: {
        sheets: [
          {
            name: "Day 1",
            cells: [
              { ref: "A1", value: 1 },
              { ref: "A2", formula: "A1*2", value: 2 },
            ],
          },
        ],
      },
    });
    const seen: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(
        async (e) => void seen.push(`changed ${e.source} ${e.address}`)
      );
      ctx.workbook.worksheets.onCalculated.add(async () => void seen.push("calculated"));
      await ctx.sync();
    });
    await state.setValue("Day 1", "A1", 5, { source: "Remote" });
    expect(seen).toEqual(["changed Remote A1", "calculated"]);
    expect(state.value("Day 1", "A2")).toBe(10);
  });
});
