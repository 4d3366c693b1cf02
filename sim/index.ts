/// <reference types="office-js" />
import type { WorkbookModel } from "./xlsx-writer";
import { SIM_STARTUP_BEHAVIOR, SimTaskpane, type SimOfficeAddin } from "./addin";
import { runWith } from "./api/context";
import type { CustomFunctionsInit } from "./custom-functions/calls";
import type { SyncMeter } from "./meter";
import { SimBook } from "./model/book";
import { SimSession } from "./session";
import { simGetFileAsync } from "./document-file";
import { SimSettings } from "./settings";
import { SimState } from "./state";
import { fromModel, fromXlsx } from "./xlsx";
import { OFFICE_PLATFORM, type SimPlatform } from "./undo";

export type { BookSnapshot, PaintedCell, UserEdit } from "./state";
export type { RunRecord, SyncRecord } from "./meter";
export type { RefusalCode } from "./session";
export { SimOfficeError } from "./api/errors";
export type { CustomFunctionsInit } from "./custom-functions/calls";
export {
  CustomFunctionsRuntime,
  type CustomFunctionMetadata,
  type CustomFunctionsMetadata,
} from "./custom-functions/runtime";
export { SimState } from "./state";
export { SimPane } from "./pane";
export type { CalculationReport } from "./custom-functions/calculation";
export { SyncMeter } from "./meter";
export { fromModel, fromXlsx, toModel, toXlsx } from "./xlsx";
export { SimSettings } from "./settings";
export type { SimPlatform, UndoEvent, UndoEffect } from "./undo";
// The .xlsx fixture writer: tests, the bench and the example maker build workbooks with it.
export { writeXlsx, type CellModel, type SheetModel, type WorkbookModel } from "./xlsx-writer";
// What the preview's grid draws: the workbook model, cell values and the simulator's addresses.
export type { SimBook, SimSheet } from "./model/book";
export { FormulaError, isError, numberToText, type Scalar } from "./formula/values";
export { usedArea } from "./model/calc";
export {
  SimOfficeAddin,
  SimTaskpane,
  SIM_STARTUP_BEHAVIOR,
  type SimStartupBehavior,
} from "./addin";

export interface ExcelSimInit {
  /** The workbook to start from: the .xlsx writer's model, or .xlsx bytes. Default: one empty "Sheet1". */
  workbook?: WorkbookModel | Uint8Array;
  /** Highest supported version per requirement set, e.g. { ExcelApi: "1.12" }. Default: ExcelApi 1.20, SharedRuntime 1.1. */
  requirementSets?: Record<string, string>;
  /**
   * An add-in's custom functions, for formulas to call (=FOCUS.LINE(7180)). Formulas computed
   * before they are given keep their saved results until the next recalculation (state.calculate()).
   */
  customFunctions?: CustomFunctionsInit;
  /**
   * Which Excel to play: "web" (the default), "windows" or "mac". The undo model follows
   * Microsoft's table per platform (sim/undo.ts); Office.context.diagnostics.platform
   * answers "OfficeOnline", "PC" or "Mac".
   */
  platform?: SimPlatform;
  /** Also play the undo losses issue threads report on the desktop where the doc disagrees (undo.ts). */
  reportedDesktopClears?: boolean;
}

/** The part of the `Excel` namespace the simulator provides. */
export interface SimExcel {
  run: typeof Excel.run;
  ConditionalFormatType: typeof Excel.ConditionalFormatType;
}

export interface OfficeInfo {
  host: "Excel";
  platform: "OfficeOnline" | "PC" | "Mac";
}

/** The part of the `Office` namespace the simulator provides. */
export interface SimOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    /** Office.context.diagnostics: the platform, as Office names it. */
    diagnostics: { platform: "OfficeOnline" | "PC" | "Mac"; host: "Excel" };
    /** The document's add-in settings (Office.context.document.settings). */
    document: { settings: SimSettings; getFileAsync: ReturnType<typeof simGetFileAsync> };
  };
  onReady(callback?: (info: OfficeInfo) => void): Promise<OfficeInfo>;
  /** Office.addin (SharedRuntime 1.1): startup behaviour stored in the document, pane shown or hidden. */
  addin: SimOfficeAddin;
  /** Office.StartupBehavior's values. */
  StartupBehavior: typeof SIM_STARTUP_BEHAVIOR;
}

export interface ExcelSim {
  Excel: SimExcel;
  Office: SimOffice;
  /** Act as the user, inspect the workbook. */
  state: SimState;
  /** Syncs and request/response sizes of every Excel.run. */
  meter: SyncMeter;
  /** The task pane, keyboard focus and the document's reopening, behind Office.addin (sim/addin.ts). */
  taskpane: SimTaskpane;
}

const CONDITIONAL_FORMAT_TYPE = {
  custom: "Custom",
  dataBar: "DataBar",
  colorScale: "ColorScale",
  iconSet: "IconSet",
  topBottom: "TopBottom",
  presetCriteria: "PresetCriteria",
  containsText: "ContainsText",
  cellValue: "CellValue",
};

/**
 * An in-memory Excel for tests and the browser preview: Excel.run with real batching
 * (load before read, one request per sync, all or nothing), the objects the add-in uses,
 * formulas of the add-in's subset recalculated after every change (calling the add-in's
 * custom functions when given), events, protection, cell-edit mode and requirement sets.
 */
export function createExcelSim(init: ExcelSimInit = {}): ExcelSim {
  const book =
    init.workbook instanceof Uint8Array
      ? fromXlsx(init.workbook)
      : init.workbook
        ? fromModel(init.workbook)
        : emptyBook();
  const session = new SimSession(book, {
    requirementSets: init.requirementSets ?? { ExcelApi: "1.20", SharedRuntime: "1.1" },
    customFunctions: init.customFunctions,
    platform: init.platform,
    reportedDesktopClears: init.reportedDesktopClears,
  });
  const info: OfficeInfo = { host: "Excel", platform: OFFICE_PLATFORM[init.platform ?? "web"] };
  const taskpane = new SimTaskpane(() => session.supports("SharedRuntime", "1.1"), session.pane);
  return {
    Excel: {
      run: runWith(session) as unknown as typeof Excel.run,
      ConditionalFormatType:
        CONDITIONAL_FORMAT_TYPE as unknown as typeof Excel.ConditionalFormatType,
    },
    Office: {
      context: {
        requirements: { isSetSupported: (name, minVersion) => session.supports(name, minVersion) },
        diagnostics: info,
        document: {
          // office-js#3141 (open): settings.saveAsync disables undo in Excel.
          settings: new SimSettings(() => session.undo.clear("Settings.saveAsync")),
          getFileAsync: simGetFileAsync(() => session.book),
        },
      },
      onReady: async (callback) => {
        callback?.(info);
        return info;
      },
      addin: taskpane.office,
      StartupBehavior: SIM_STARTUP_BEHAVIOR,
    },
    state: new SimState(session),
    meter: session.meter,
    taskpane,
  };
}

function emptyBook(): SimBook {
  const book = new SimBook();
  book.addSheet("Sheet1");
  return book;
}
