/// <reference types="office-js" />
import type { SimApplication, SimRequestContext, SimRuntime } from "../api/context";
import type {
  SimConditionalFormat,
  SimConditionalFormatCollection,
  SimConditionalFormatRule,
  SimConditionalRangeFill,
  SimConditionalRangeFont,
  SimConditionalRangeFormat,
  SimCustomConditionalFormat,
} from "../api/conditional-formats";
import type { SimEventHandlerResult, SimEventHandlers } from "../api/events";
import type { SimNamedItem, SimNamedItemCollection } from "../api/names";
import type { SimNote, SimNoteCollection } from "../api/notes";
import type {
  SimFormatProtection,
  SimRange,
  SimRangeAreas,
  SimRangeCollection,
  SimRangeFill,
  SimRangeFont,
  SimRangeFormat,
} from "../api/range";
import type {
  SimWorkbook,
  SimWorksheet,
  SimWorksheetCollection,
  SimWorksheetProtection,
} from "../api/workbook";

/**
 * A compile-time test (ts-jest type-checks it): every public member of a simulated class
 * must be a member of the Office.js class it stands for, and its scalar properties must
 * have Office's types. A misnamed member fails the type check, and with it this suite.
 */
type Invented<Sim, Office> = Exclude<Extract<keyof Sim, string>, keyof Office>;
type Conforms<Sim, Office> = Invented<Sim, Office> extends never ? true : Invented<Sim, Office>;

const surface: Record<string, true> = {
  RequestContext: true as Conforms<SimRequestContext, Excel.RequestContext>,
  Application: true as Conforms<SimApplication, Excel.Application>,
  Runtime: true as Conforms<SimRuntime, Excel.Runtime>,
  Workbook: true as Conforms<SimWorkbook, Excel.Workbook>,
  WorksheetCollection: true as Conforms<SimWorksheetCollection, Excel.WorksheetCollection>,
  Worksheet: true as Conforms<SimWorksheet, Excel.Worksheet>,
  WorksheetProtection: true as Conforms<SimWorksheetProtection, Excel.WorksheetProtection>,
  Range: true as Conforms<SimRange, Excel.Range>,
  RangeFormat: true as Conforms<SimRangeFormat, Excel.RangeFormat>,
  RangeFill: true as Conforms<SimRangeFill, Excel.RangeFill>,
  RangeFont: true as Conforms<SimRangeFont, Excel.RangeFont>,
  FormatProtection: true as Conforms<SimFormatProtection, Excel.FormatProtection>,
  RangeAreas: true as Conforms<SimRangeAreas, Excel.RangeAreas>,
  RangeCollection: true as Conforms<SimRangeCollection, Excel.RangeCollection>,
  ConditionalFormatCollection: true as Conforms<
    SimConditionalFormatCollection,
    Excel.ConditionalFormatCollection
  >,
  ConditionalFormat: true as Conforms<SimConditionalFormat, Excel.ConditionalFormat>,
  CustomConditionalFormat: true as Conforms<
    SimCustomConditionalFormat,
    Excel.CustomConditionalFormat
  >,
  ConditionalFormatRule: true as Conforms<SimConditionalFormatRule, Excel.ConditionalFormatRule>,
  ConditionalRangeFormat: true as Conforms<SimConditionalRangeFormat, Excel.ConditionalRangeFormat>,
  ConditionalRangeFill: true as Conforms<SimConditionalRangeFill, Excel.ConditionalRangeFill>,
  ConditionalRangeFont: true as Conforms<SimConditionalRangeFont, Excel.ConditionalRangeFont>,
  NamedItemCollection: true as Conforms<SimNamedItemCollection, Excel.NamedItemCollection>,
  NamedItem: true as Conforms<SimNamedItem, Excel.NamedItem>,
  NoteCollection: true as Conforms<SimNoteCollection, Excel.NoteCollection>,
  Note: true as Conforms<SimNote, Excel.Note>,
  EventHandlers: true as Conforms<
    SimEventHandlers<unknown>,
    OfficeExtension.EventHandlers<unknown>
  >,
  EventHandlerResult: true as Conforms<
    SimEventHandlerResult<unknown>,
    OfficeExtension.EventHandlerResult<unknown>
  >,
};

type Scalars<T, K extends keyof T> = Pick<T, K>;
// (valueTypes is left out: Office types it as its enum, which plain strings cannot satisfy.)
const scalarTypes = {
  range: (
    r: SimRange
  ): Scalars<
    Excel.Range,
    | "address"
    | "values"
    | "formulas"
    | "numberFormat"
    | "rowCount"
    | "columnCount"
    | "rowIndex"
    | "columnIndex"
    | "cellCount"
  > => r,
  worksheet: (w: SimWorksheet): Scalars<Excel.Worksheet, "name" | "id" | "position"> => w,
  namedItem: (
    n: SimNamedItem
  ): Scalars<Excel.NamedItem, "name" | "formula" | "visible" | "comment"> => n,
  note: (n: SimNote): Scalars<Excel.Note, "content" | "authorName"> => n,
  rule: (r: SimConditionalFormatRule): Scalars<Excel.ConditionalFormatRule, "formula"> => r,
  runtime: (r: SimRuntime): Scalars<Excel.Runtime, "enableEvents"> => r,
};

describe("the simulator's surface", () => {
  it("names only members that Office.js declares, with Office's scalar types", () => {
    expect(Object.keys(surface)).toHaveLength(27);
    expect(Object.keys(scalarTypes)).toHaveLength(6);
  });
});
