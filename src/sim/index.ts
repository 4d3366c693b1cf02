/// <reference types="office-js" />
import type { WorkbookModel } from "../workbook/xlsx/writer";
import { runWith } from "./api/context";
import type { CustomFunctionsInit } from "./custom-functions/calls";
import type { SyncMeter } from "./meter";
import { SimBook } from "./model/book";
import { SimSession } from "./session";
import type { SimPane } from "./pane";
import { simGetFileAsync } from "./document-file";
import { SimSettings } from "./settings";
import { SimState } from "./state";
import { fromModel, fromXlsx } from "./xlsx";

export type { BookSnapshot, PaintedCell, UserEdit } from "./state";
export type { RunRecord, SyncRecord } from "./meter";
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

export interface ExcelSimInit {
  /** The workbook to start from: the .xlsx writer's model, or .xlsx bytes. Default: one empty "Sheet1". */
  workbook?: WorkbookModel | Uint8Array;
  /** Highest supported version per requirement set, e.g. { ExcelApi: "1.12" }. Default: ExcelApi 1.20. */
  requirementSets?: Record<string, string>;
  /**
   * An add-in's custom functions, for formulas to call (=FOCUS.LINE(7180)). Formulas computed
   * before they are given keep their saved results until the next recalculation (state.calculate()).
   */
  customFunctions?: CustomFunctionsInit;
}

/** The part of the `Excel` namespace the simulator provides. */
export interface SimExcel {
  run: typeof Excel.run;
  ConditionalFormatType: typeof Excel.ConditionalFormatType;
}

/** The part of the `Office` namespace the simulator provides. */
export interface SimOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    /** The document's add-in settings (Office.context.document.settings). */
    document: { settings: SimSettings; getFileAsync: ReturnType<typeof simGetFileAsync> };
  };
  onReady(
    callback?: (info: { host: "Excel"; platform: "OfficeOnline" }) => void
  ): Promise<{ host: "Excel"; platform: "OfficeOnline" }>;
  /** Office.addin (SharedRuntime 1.1): the pane's visibility (pane.ts). */
  addin: {
    showAsTaskpane(): Promise<void>;
    hide(): Promise<void>;
    onVisibilityModeChanged: SimPane["onVisibilityModeChanged"];
  };
}

export interface ExcelSim {
  Excel: SimExcel;
  Office: SimOffice;
  /** Act as the user, inspect the workbook. */
  state: SimState;
  /** Syncs and request/response sizes of every Excel.run. */
  meter: SyncMeter;
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
    requirementSets: init.requirementSets ?? { ExcelApi: "1.20" },
    customFunctions: init.customFunctions,
  });
  const info = { host: "Excel", platform: "OfficeOnline" } as const;
  return {
    Excel: {
      run: runWith(session) as unknown as typeof Excel.run,
      ConditionalFormatType:
        CONDITIONAL_FORMAT_TYPE as unknown as typeof Excel.ConditionalFormatType,
    },
    Office: {
      context: {
        requirements: { isSetSupported: (name, minVersion) => session.supports(name, minVersion) },
        document: {
          settings: new SimSettings(),
          getFileAsync: simGetFileAsync(() => session.book),
        },
      },
      onReady: async (callback) => {
        callback?.(info);
        return info;
      },
      addin: {
        showAsTaskpane: () => session.pane.show(),
        hide: () => session.pane.hide(),
        onVisibilityModeChanged: (handler) => session.pane.onVisibilityModeChanged(handler),
      },
    },
    state: new SimState(session),
    meter: session.meter,
  };
}

function emptyBook(): SimBook {
  const book = new SimBook();
  book.addSheet("Sheet1");
  return book;
}
