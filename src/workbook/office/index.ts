export { createOfficeWorkbook, type OfficeWorkbookOptions } from "./office-workbook";
