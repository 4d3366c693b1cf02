import type { LabelCell } from "../../src/engine/labels";

/** A text cell for the label matcher's tests. */
export const text = (row: number, col: number, t: string): LabelCell => ({
  row,
  col,
  content: { value: { type: "text", text: t } },
});

/** A number cell, with the number format it is shown in when one matters. */
export const num = (row: number, col: number, n: number, numberFormat?: string): LabelCell => ({
  row,
  col,
  content: { value: { type: "number", value: n }, numberFormat },
});

/** The 4d(2) statement's title as the form prints it. */
export const SEG_TITLE =
  "Statement of segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges";
