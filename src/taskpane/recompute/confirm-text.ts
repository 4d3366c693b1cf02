import type { RecomputeRow } from "../actions";
import { count } from "../shared/plural";

export type Mode = "values" | "formulas";

/** What the confirmation says, plainly: how many cells, where, with what, and which hold typed numbers. */
export function overwriteText(
  rows: RecomputeRow[],
  mode: Mode
): { title: string; body: string; typed: string | null } {
  const sheets = [...new Set(rows.map((r) => r.sheet))];
  const where =
    sheets.length === 1 ? `on sheet ${sheets[0]}` : `on ${count(sheets.length, "sheet")}`;
  const what =
    mode === "values" ? "the computed values" : "native Excel formulas over the FOCUS_ names";
  const typed = rows.filter((r) => r.typedByUser);
  const listed =
    typed
      .slice(0, 5)
      .map((r) => r.cell)
      .join(", ") + (typed.length > 5 ? ", …" : "");
  return {
    title: `Overwrite ${count(rows.length, "cell")}?`,
    body: `${count(rows.length, "cell")} ${where} will be replaced with ${what}. Inputs are not touched.`,
    typed: typed.length
      ? `${typed.length === 1 ? "1 of them holds a number" : `${typed.length} of them hold numbers`} typed by hand (${listed}); ${typed.length === 1 ? "it" : "they"} will be lost.`
      : null,
  };
}
