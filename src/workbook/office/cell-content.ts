import type { CellContent, CellValue } from "../../engine";

/**
 * One cell as Office.js reports it (values, formulas, valueTypes, numberFormat entries)
 * turned into the engine's CellContent. Dates stay numbers: the engine judges them by
 * their number format.
 */
export function officeCellContent(
  value: unknown,
  formula: unknown,
  valueType: unknown,
  numberFormat: unknown
): CellContent {
  const content: CellContent = { value: cellValue(value, valueType) };
  // A text constant that starts with "=" reads back identical in values and formulas; a formula does not.
  if (
    typeof formula === "string" &&
    formula.startsWith("=") &&
    !(valueType === "String" && formula === value)
  ) {
    content.formula = formula.slice(1);
  }
  if (typeof numberFormat === "string" && numberFormat !== "General")
    content.numberFormat = numberFormat;
  return content;
}

function cellValue(value: unknown, valueType: unknown): CellValue {
  switch (valueType) {
    case "Empty":
      return { type: "blank" };
    case "String":
      return { type: "text", text: String(value) };
    case "Double":
    case "Integer":
      return { type: "number", value: Number(value) };
    case "Boolean":
      return { type: "boolean", value: value === true };
    case "Error":
      return { type: "error", error: String(value) };
    default:
      // Rich values (linked data types, images) and anything newer: not an amount.
      return { type: "error", error: `a ${String(valueType)} value` };
  }
}
