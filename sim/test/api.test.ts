/// <reference types="office-js" />
import { createExcelSim, SimOfficeError } from "..";
import type { WorkbookModel } from "../xlsx-writer";

const MODEL: WorkbookModel = {
  sheets: [
    {
      name: "Day 1",
      cells: [
        { ref: "C2", value: 100 },
        { ref: "C3", value: 20 },
        { ref: "C4", formula: "FOCUS_A+FOCUS_B", value: 120 },
        { ref: "D2", value: "label" },
      ],
    },
    { name: "Other", cells: [{ ref: "A1", value: 5 }] },
  ],
  names: [
    { name: "FOCUS_A", refersTo: "'Day 1'!$C$2", localSheet: "Day 1" },
    { name: "FOCUS_A", refersTo: "Other!$A$1" },
    { name: "FOCUS_B", refersTo: "'Day 1'!$C$3" },
  ],
};

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    return e as SimOfficeError;
  }
  throw new Error("expected the promise to reject");
}

describe("batching", () => {
  it("reads a property only after load() and sync()", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Day 1").getRange("C2:C4");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values, address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([[100], [20], [120]]);
      expect(range.address).toBe("'Day 1'!C2:C4");
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("keeps proxies usable across syncs, and collections fill `items` on load", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const cell = sheets.getItem("Day 1").getRange("C4");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Day 1", "Other"]);
      expect(sheets.items[0].visibility).toBe("Visible");
      cell.load("formulas");
      await ctx.sync();
      expect(cell.formulas).toEqual([["=FOCUS_A+FOCUS_B"]]);
    });
  });

  it("answers *OrNullObject calls with null objects, known only after sync", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("other");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      present.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Other");
    });
  });

  it("applies a failing batch not at all, and rejects with the Office error", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    const error = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("C2").values = [[999]];
        ctx.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
        await ctx.sync();
      })
    );
    expect(error).toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
    expect(state.value("Day 1", "C2")).toBe(100);
  });

  it("can leave the operations before a failure applied, as Excel does", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    state.failedBatches = "partly-applied";
    await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("C2").values = [[999]];
        ctx.workbook.worksheets.getItem("Missing").load("name");
        await ctx.sync();
      })
    );
    expect(state.value("Day 1", "C2")).toBe(999);
  });

  it("checks the input's size against the range", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    const error = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("C2:C3").values = [[1]];
        await ctx.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("meters syncs, request and response sizes, and records the run options", async () => {
    const { Excel, meter } = createExcelSim({ workbook: MODEL });
    const { runs, syncs } = await meter.measure(() =>
      Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Day 1").getRange("C2:D4");
        r.load("values");
        await ctx.sync();
        r.getCell(0, 0).values = [[7]];
        await ctx.sync();
      })
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].options).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(syncs).toHaveLength(2);
    expect(syncs[0].responseBytes).toBeGreaterThan(
      JSON.stringify([
        [100, "label"],
        [20, ""],
        [120, ""],
      ]).length
    );
    expect(syncs[1].requestBytes).toBeGreaterThan(syncs[1].responseBytes);
  });

  it("sends what is still queued when the batch function returns", async () => {
    const { Excel, state, meter } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("B1").values = [[1]];
    });
    expect(state.value("Other", "B1")).toBe(1);
    expect(meter.syncCount).toBe(1);
  });
});

describe("worksheets and ranges", () => {
  it("adds, finds, activates and deletes sheets; addresses ranges by A1, indexes and use", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    const taken = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("other");
        await ctx.sync();
      })
    );
    expect(taken.code).toBe("ItemAlreadyExists");
    await Excel.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add("New");
      added.getRange("B2").values = [["x"]];
      added.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name, position");
      const used = ctx.workbook.worksheets.getItem("Day 1").getUsedRange(true).load("address");
      const block = ctx.workbook.worksheets
        .getItem("Day 1")
        .getRangeByIndexes(1, 2, 3, 2)
        .load("address, rowIndex, columnIndex, rowCount, columnCount, text, valueTypes");
      const named = ctx.workbook.names.getItem("FOCUS_B").getRange().load("address");
      await ctx.sync();
      expect([active.name, active.position]).toEqual(["New", 2]);
      expect(used.address).toBe("'Day 1'!C2:D4");
      expect([
        block.address,
        block.rowIndex,
        block.columnIndex,
        block.rowCount,
        block.columnCount,
      ]).toEqual(["'Day 1'!C2:D4", 1, 2, 3, 2]);
      expect(block.text).toEqual([
        ["100", "label"],
        ["20", ""],
        ["120", ""],
      ]);
      expect(block.valueTypes).toEqual([
        ["Double", "String"],
        ["Double", "Empty"],
        ["Double", "Empty"],
      ]);
      expect(named.address).toBe("'Day 1'!C3");
      ctx.workbook.worksheets.getItem("Other").delete();
      await ctx.sync();
    });
    expect(state.snapshot().sheets.map((s) => s.name)).toEqual(["Day 1", "New"]);
    expect(state.value("New", "B2")).toBe("x");
  });

  it("answers a range's used part (a null object when it has no used cell)", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Day 1");
      const part = sheet.getRange("A1:C3").getUsedRangeOrNullObject(true).load("address");
      const none = sheet.getRange("E1:F9").getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(part.address).toBe("'Day 1'!C2:C3");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("refuses a used range whose cells exceed 5 MB as Excel on the web does, and reads it in blocks", async () => {
    const cells = Array.from({ length: 3000 }, (_, r) => ({
      ref: `A${r + 1}`,
      value: "x".repeat(2000),
    }));
    const { Excel, meter } = createExcelSim({ workbook: { sheets: [{ name: "Big", cells }] } });
    const whole = Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Big").getUsedRangeOrNullObject(true).load("values");
      await ctx.sync();
    });
    expect((await rejection(whole)).code).toBe("ResponsePayloadSizeLimitExceeded");
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Big");
      sheet.getRange("A1:A1500").load("values");
      await ctx.sync();
      sheet.getRange("A1501:A3000").load("values");
      await ctx.sync();
    });
    expect(meter.syncs.map((s) => s.failed)).toEqual([true, false, false]);
  });
});

describe("formulas and names", () => {
  it("recalculates after each change, a sheet-level name winning on its sheet", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    expect(state.value("Day 1", "C4")).toBe(120);
    await state.setValue("Day 1", "C2", 1);
    expect(state.value("Day 1", "C4")).toBe(21);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("B1").formulas = [["=FOCUS_A*2"]];
      const r = ctx.workbook.worksheets.getItem("Other").getRange("B1");
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[10]]);
    });
  });

  it("adds names, refuses a taken one, and replaces by delete then add in one batch", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    const taken = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.names.add("focus_b", "='Day 1'!$C$2");
        await ctx.sync();
      })
    );
    expect(taken.code).toBe("ItemAlreadyExists");
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Day 1");
      ctx.workbook.names.getItem("FOCUS_B").delete();
      ctx.workbook.names.add("FOCUS_B", sheet.getRange("C2"));
      sheet.names.add("FOCUS_C", "=100");
      await ctx.sync();
      const names = ctx.workbook.names;
      const local = sheet.names;
      names.load("items/name,items/formula,items/type");
      local.load("items/name,items/formula,items/type,items/value");
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.type])).toEqual([
        ["FOCUS_A", "=Other!$A$1", "Range"],
        ["FOCUS_B", "='Day 1'!$C$2", "Range"],
      ]);
      expect(local.items.map((n) => [n.name, n.formula, n.type, n.value])).toEqual([
        ["FOCUS_A", "='Day 1'!$C$2", "Range", "'Day 1'!$C$2"],
        ["FOCUS_C", "=100", "Integer", 100],
      ]);
    });
    expect(state.value("Day 1", "C4")).toBe(200);
  });

  it("turns names into a deleted sheet into #REF!", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").delete();
      const n = ctx.workbook.names.getItem("FOCUS_A");
      n.load("formula,type");
      await ctx.sync();
      expect([n.formula, n.type]).toEqual(["=#REF!$A$1", "Error"]);
    });
  });

  it("stays stale in manual calculation until calculate()", async () => {
    const { Excel, state } = createExcelSim({ workbook: { ...MODEL, calcMode: "manual" } });
    await state.setValue("Day 1", "C2", 1);
    expect(state.value("Day 1", "C4")).toBe(120);
    await Excel.run(async (ctx) => {
      ctx.application.load("calculationMode");
      await ctx.sync();
      expect(ctx.application.calculationMode).toBe("Manual");
      ctx.application.calculate("Full");
      await ctx.sync();
    });
    expect(state.value("Day 1", "C4")).toBe(21);
  });
});

describe("protection, merges and cell-edit mode", () => {
  it("refuses locked cells and formats on a protected sheet, and allows unlocked cells", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    state.setLocked("Day 1", "C3", false);
    state.protect("Day 1");
    const locked = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("C2").values = [[1]];
        await ctx.sync();
      })
    );
    expect(locked.code).toBe("AccessDenied");
    const format = await rejection(
      Excel.run(async (ctx) => {
        const cf = ctx.workbook.worksheets
          .getItem("Day 1")
          .getRange("C3")
          .conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = "=TRUE";
        await ctx.sync();
      })
    );
    expect(format.code).toBe("AccessDenied");
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Day 1");
      sheet.getRange("C3").values = [[3]];
      sheet.protection.load("protected");
      const lock = sheet.getRange("C2:C3").format.protection;
      lock.load("locked");
      await ctx.sync();
      expect(sheet.protection.protected).toBe(true);
      expect(lock.locked).toBeNull();
    });
    expect(state.value("Day 1", "C3")).toBe(3);
  });

  it("refuses writing into a merged area other than at its top-left cell", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    state.merge("Day 1", "C2:D2");
    expect(state.value("Day 1", "D2")).toBeNull();
    const error = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Day 1").getRange("D2").values = [[1]];
        await ctx.sync();
      })
    );
    expect(error.code).toBe("InvalidOperation");
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Day 1").getRange("C2");
      r.values = [[5]];
      const merged = r.getMergedAreasOrNullObject();
      merged.load("areas/items/address");
      await ctx.sync();
      expect(merged.areas.items.map((a) => a.address)).toEqual(["'Day 1'!C2:D2"]);
    });
  });

  it("fails batches in cell-edit mode unless they wait with delayForCellEdit", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    state.enterCellEdit();
    const error = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
        await ctx.sync();
      })
    );
    expect(error.code).toBe("InvalidOperationInCellEditMode");
    let done = false;
    const waiting = Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[2]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    expect(state.value("Other", "A1")).toBe(5);
    state.exitCellEdit();
    await waiting;
    expect(state.value("Other", "A1")).toBe(2);
  });

  it("ignores delayForCellEdit on hosts before ExcelApi 1.11", async () => {
    const { Excel, state } = createExcelSim({
      workbook: MODEL,
      requirementSets: { ExcelApi: "1.10" },
    });
    state.enterCellEdit();
    const error = await rejection(
      Excel.run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("Other").getRange("A1").values = [[1]];
        await ctx.sync();
      })
    );
    expect(error.code).toBe("InvalidOperationInCellEditMode");
  });
});

describe("events", () => {
  it("tells handlers who changed what: Local or Remote, and calculations after", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    const seen: unknown[] = [];
    let added!: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    await Excel.run(async (ctx) => {
      added = ctx.workbook.worksheets.onChanged.add(
        async (e) => void seen.push([e.type, e.source, e.address])
      );
      ctx.workbook.worksheets.onCalculated.add(async (e) => void seen.push([e.type, e.address]));
      await ctx.sync();
    });
    await state.setValue("Day 1", "C2", 1);
    await state.setValue("Day 1", "C3", 2, { source: "Remote" });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("B2").values = [[1]];
      await ctx.sync();
    });
    await state.idle();
    expect(seen).toEqual([
      ["WorksheetChanged", "Local", "C2"],
      ["WorksheetCalculated", "C4"],
      ["WorksheetChanged", "Remote", "C3"],
      ["WorksheetCalculated", "C4"],
      ["WorksheetChanged", "Local", "B2"],
    ]);
    await Excel.run(added.context as Excel.RequestContext, async (ctx) => {
      added.remove();
      await ctx.sync();
    });
    seen.length = 0;
    await state.setValue("Day 1", "C3", 9);
    expect(seen).toEqual([["WorksheetCalculated", "C4"]]);
  });

  it("delivers nothing while the runtime's events are off", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    const seen: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e.address));
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Other").getRange("B2").values = [[1]];
      await ctx.sync();
    });
    await state.setValue("Other", "B3", 1);
    expect(seen).toEqual([]);
  });

  it("refuses collection-level onChanged before ExcelApi 1.9", async () => {
    const { Excel, Office } = createExcelSim({
      workbook: MODEL,
      requirementSets: { ExcelApi: "1.8" },
    });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const error = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
        await ctx.sync();
      })
    );
    expect(error.code).toBe("ApiNotFound");
  });
});

describe("what the user does outside the add-in's API", () => {
  it("keeps chart sheets out of worksheets; on one, no range is selected (InvalidSelection)", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    state.addChartSheet("Chart1");
    state.activateChartSheet("chart1");
    const names = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const chart = ctx.workbook.worksheets.getItemOrNullObject("Chart1");
      await ctx.sync();
      return { all: sheets.items.map((s) => s.name), chartSeen: !chart.isNullObject };
    });
    expect(names).toEqual({ all: ["Day 1", "Other"], chartSeen: false });
    for (const read of [
      (ctx: Excel.RequestContext) => ctx.workbook.getSelectedRange().load("address"),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getActiveWorksheet().load("name"),
    ]) {
      const error = await rejection(
        Excel.run(async (ctx) => {
          read(ctx);
          await ctx.sync();
        })
      );
      expect(error.code).toBe("InvalidSelection");
    }
    const taken = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("CHART1");
        await ctx.sync();
      })
    );
    expect(taken.code).toBe("ItemAlreadyExists");
    state.select("Other", "A1");
    const selected = await Excel.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      return r.address;
    });
    expect(selected).toBe("Other!A1");
  });

  it("copies a sheet with its cells and its own names, re-pointed at the copy", async () => {
    const { state } = createExcelSim({ workbook: MODEL });
    state.copySheet("Day 1", "Day 2");
    const snap = state.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Day 1", "Day 2", "Other"]);
    expect(snap.sheets[1].names).toEqual({ FOCUS_A: "='Day 2'!$C$2" });
    expect(snap.sheets[0].names).toEqual({ FOCUS_A: "='Day 1'!$C$2" });
    expect(state.value("Day 2", "C4")).toBe(120);
    await state.setValue("Day 2", "C2", 1);
    expect(state.value("Day 2", "C4")).toBe(21); // its own FOCUS_A, the workbook's FOCUS_B
    expect(state.value("Day 1", "C4")).toBe(120);
  });

  it("deletes a name at its level; counts the add-in's event handlers", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    state.deleteName("focus_a", "Day 1");
    expect(state.snapshot().sheets[0].names).toEqual({});
    expect(state.snapshot().names).toEqual({ FOCUS_A: "=Other!$A$1", FOCUS_B: "='Day 1'!$C$3" });
    expect(state.eventHandlerCount).toBe(0);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
    });
    expect(state.eventHandlerCount).toBe(1);
  });
});

describe("conditional formats and notes", () => {
  it("paints the cells whose rule holds, relative to the rule's range", async () => {
    const { Excel, state } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem("Day 1")
        .getRange("C2:C4")
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=C2>50";
      cf.custom.format.fill.color = "#ffc7ce";
      await ctx.sync();
    });
    expect(state.highlighted("Day 1").map((h) => [h.address, h.fill])).toEqual([
      ["C2", "#FFC7CE"],
      ["C4", "#FFC7CE"],
    ]);
    await state.setValue("Day 1", "C2", 1);
    expect(state.highlighted("Day 1").map((h) => h.address)).toEqual([]);
    await Excel.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Day 1").getRange().conditionalFormats;
      cfs.load("items/type,items/id");
      const count = cfs.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
      const rule = cfs.items[0].custom.rule;
      rule.load("formula");
      await ctx.sync();
      expect([cfs.items[0].type, rule.formula]).toEqual(["Custom", "=C2>50"]);
      cfs.items[0].delete();
    });
    expect(state.snapshot().sheets[0].conditionalFormats).toEqual([]);
  });

  it("adds notes on cells and finds them again (ExcelApi 1.18)", async () => {
    const { Excel } = createExcelSim({ workbook: MODEL });
    await Excel.run(async (ctx) => {
      ctx.workbook.notes.add("'Day 1'!C2", "first");
      ctx.workbook.worksheets
        .getItem("Other")
        .notes.add(ctx.workbook.worksheets.getItem("Other").getRange("A1"), "second");
      await ctx.sync();
      const notes = ctx.workbook.notes;
      notes.load("items/content");
      await ctx.sync();
      const where = notes.items.map((n) => n.getLocation().load("address"));
      await ctx.sync();
      expect(notes.items.map((n, i) => [n.content, where[i].address])).toEqual([
        ["first", "'Day 1'!C2"],
        ["second", "Other!A1"],
      ]);
    });
    const old = createExcelSim({ workbook: MODEL, requirementSets: { ExcelApi: "1.17" } });
    const error = await rejection(
      old.Excel.run(async (ctx) => {
        ctx.workbook.notes.add("'Day 1'!C2", "x");
        await ctx.sync();
      })
    );
    expect(error.code).toBe("ApiNotFound");
  });
});
