/**
 * A cell's value as Excel shows it under a number format, on numfmt (Excel's format codes:
 * sections, conditions, dates and times, fractions, scientific, text). General stays the
 * simulator's own text, what its Range.text gives, since the grid widens a column to its
 * content rather than shortening the number as General does in a narrow column.
 */
import { format as excelFormat } from "numfmt";
import { isError, numberToText, type Scalar } from "../../sim";

/** What a cell shows: its value under `format` ("General" when it has none). */
export function formatCell(value: Scalar, format: string): string {
  if (value === null) return "";
  if (isError(value)) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (/^\s*(general)?\s*$/i.test(format))
    return typeof value === "number" ? numberToText(value) : value;
  try {
    // _x and * padding as plain spaces and nothing, as Excel's TEXT() writes them.
    return excelFormat(format, value, { nbsp: false });
  } catch {
    // A code numfmt cannot read is shown as General rather than breaking the grid.
    return typeof value === "number" ? numberToText(value) : value;
  }
}
