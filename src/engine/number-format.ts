/** Whether an Excel number format shows a date or a time (an amount must never be one). */

const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormatId(id: number): boolean {
  return BUILTIN_DATE_IDS.has(id) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

const verdicts = new Map<string, boolean>();

/** A workbook uses a handful of formats on thousands of cells: judge each format once. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let v = verdicts.get(format);
  if (v === undefined) {
    v = judgeFormat(format);
    if (verdicts.size < 10000) verdicts.set(format, v);
  }
  return v;
}

function judgeFormat(format: string): boolean {
  if (/^general$/i.test(format.trim())) return false;
  // Only the first section (positive numbers) decides; quoted text, escapes,
  // padding (_x, *x) and bracketed colours, conditions and locales are not tokens.
  const stripped = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h") // elapsed time [h]:mm is a time
    .replace(/\[[^\]]*\]/g, "");
  const first = stripped.split(";")[0];
  return /[dmyhs]/i.test(first.replace(/E[+-]/gi, ""));
}
