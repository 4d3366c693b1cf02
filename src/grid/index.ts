/**
 * Excel's grid, with no domain in it: cell and area positions, the grid's limits, A1 spelling of
 * cells, rows, columns and areas, and sheet names as a reference writes them. The engine, the
 * workbook adapters (and their .xlsx file-format layer), the simulator, the pane and the CLI all
 * spell references through here.
 */
export * from "./a1";
export * from "./sheet-name";
export type { CellValue, CellContent } from "./cell";
