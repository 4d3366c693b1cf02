/** What typing text into a cell enters: a formula, or a value (the simulator reads plain numbers, booleans and errors). */
export type TypedEntry = { formula: string } | { value: string | number | null };

const GROUPED_AMOUNT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Amounts are typed the way they are printed, and Excel reads "1,234" and "(1,234)" as
 * numbers: so does the preview, or an amount typed with separators would be text.
 */
export function typedEntry(text: string): TypedEntry {
  if (text.startsWith("=") && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  const bracketed = /^\((.*)\)$/.exec(trimmed);
  const amount = bracketed ? bracketed[1] : trimmed;
  if (GROUPED_AMOUNT.test(amount)) {
    const n = Number(amount.replace(/,/g, ""));
    return { value: bracketed ? -n : n };
  }
  return { value: text };
}
