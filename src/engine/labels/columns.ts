import type { CellContent } from "../cell";
import { parseNumericText } from "../amount";
import { isDateFormat } from "../number-format";
import { dayNumber, fromExcelSerial } from "../periods/dates";
import { plainText } from "./text";
import { unitInText } from "./unit";

/**
 * Column headings above the figures: which columns hold the current period's amounts when a
 * sheet prints periods side by side ("11/30/2020", "10/31/2020"; "2020", "2019"; "Current",
 * "Prior"), and which hold references, not amounts ("Note", "Ref").
 */

interface HeadingCell {
  row: number;
  col: number;
  content: CellContent;
}

/** How a period heading orders: a date (days), or a word that says current (1) or prior (0). */
type PeriodKey = { kind: "date"; value: number } | { kind: "word"; value: 0 | 1 };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const day = (y: number, m: number, d: number) => Date.UTC(y < 100 ? 2000 + y : y, m - 1, d) / 864e5;

/** A period heading's key, or null when the cell is not one. */
export function periodKey(content: CellContent): PeriodKey | null {
  const v = content.value;
  if (v?.type === "number") {
    // A date-formatted serial, or a year standing alone.
    if (isDateFormat(content.numberFormat)) {
      const date = fromExcelSerial(v.value);
      return date ? { kind: "date", value: dayNumber(date) } : null;
    }
    return Number.isInteger(v.value) && v.value >= 1990 && v.value <= 2099
      ? { kind: "date", value: day(v.value, 12, 31) }
      : null;
  }
  if (v?.type !== "text") return null;
  const s = plainText(v.text)
    .toLowerCase()
    .replace(/^(?:as\s+(?:of|at)|at|for\s+the\s+(?:period|month|year)\s+ended)\s+/, "")
    .replace(/^(?:fy|cy)\s*/, "")
    .trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) return { kind: "date", value: day(+m[3], +m[1], +m[2]) };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return { kind: "date", value: day(+m[1], +m[2], +m[3]) };
  m = /^([a-z]{3})[a-z]*\.?[\s-]+(?:(\d{1,2}),?\s+)?(\d{2}|\d{4})$/.exec(s);
  if (m && MONTHS.includes(m[1]))
    return { kind: "date", value: day(+m[3], MONTHS.indexOf(m[1]) + 1, m[2] ? +m[2] : 28) };
  m = /^(19|20)(\d{2})$/.exec(s);
  if (m) return { kind: "date", value: day(+s, 12, 31) };
  if (/^(?:current|this)(?:\s+(?:period|month|quarter|year|day))?$/.test(s))
    return { kind: "word", value: 1 };
  if (/^(?:prior|previous|last|preceding)(?:\s+(?:period|month|quarter|year|day))?$/.test(s))
    return { kind: "word", value: 0 };
  return null;
}

/** A heading over a column of references: "Note", "Notes", "Ref", "Ref.", "Reference", "Schedule". */
export function isReferenceHeading(content: CellContent): boolean {
  const v = content.value;
  return (
    v?.type === "text" &&
    /^(?:notes?|note\s+ref\.?|refs?\.?|references?|sch\.?|schedule|see\s+note)$/i.test(
      plainText(v.text)
    )
  );
}

/** Text a heading row may also hold: the unit, a dollar sign, the heading over the labels. */
function isIncidental(content: CellContent): boolean {
  const v = content.value;
  if (v?.type !== "text") return false;
  const t = plainText(v.text);
  return (
    t === "" ||
    /^[$€£]$/.test(t) ||
    unitInText(t) !== null ||
    /^(?:line\s+items?|descriptions?|items?|lines?)$/i.test(t)
  );
}

/** A heading over a column worked out from the periods: "Change", "Variance", "Increase (decrease)", "% change". */
export function isChangeHeading(content: CellContent): boolean {
  const v = content.value;
  if (v?.type !== "text") return false;
  const t = plainText(v.text).toLowerCase().replace(/[$%]/g, " ").replace(/\s+/g, " ").trim();
  return /^(?:(?:net\s+)?change|variance|difference|diff\.?|movement|increase\s*\/?\s*\(?decrease\)?|inc\.?\s*\/?\s*\(?dec\.?\)?)$/.test(
    t
  );
}

export interface ColumnRoles {
  /** The headings' own cells: read as neither labels nor amounts ("row:col"). */
  headingCells: Set<string>;
  /** Cells below a heading row that are not the current period's amounts ("row:col"). */
  skip: Set<string>;
  /** Where periods stand side by side and the headings say which is current: its heading, top first. */
  current: { row: number; col: number; text: string }[];
}

/** The current period's heading column: the one latest date, or the one "current"; null when the headings do not say. */
function currentOf(periods: { col: number; key: PeriodKey }[]): number | null {
  if (periods.length < 2) return null;
  const kind = periods[0].key.kind;
  if (periods.some((p) => p.key.kind !== kind)) return null;
  const latest = Math.max(...periods.map((p) => p.key.value));
  const at = periods.filter((p) => p.key.value === latest);
  return at.length === 1 ? at[0].col : null;
}

/**
 * Read the sheet's column headings. A heading row holds two or more period headings, or a
 * reference heading, and a change column's heading, the unit or a dollar sign; words left of the
 * headings (the statement's title) may share the row, unless the periods are bare year numbers,
 * which a line's figures could be. Below it, until the next heading row, the figures of a period
 * stand in its heading's column and the columns just left of it, back to the previous heading (or
 * as far as the headings are apart, for the first); only the latest period's are read, and only
 * when the headings order the periods (else every figure stays, and the rows' extra figures keep
 * them unbound). A reference heading's column holds no amount, nor does a change column.
 */
export function columnRoles(cells: HeadingCell[]): ColumnRoles {
  const byRow = new Map<number, HeadingCell[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const headingCells = new Set<string>();
  const currentHeadings: ColumnRoles["current"] = [];
  /** Per heading row, from top to bottom: the columns whose cells below are not current amounts. */
  const rules: { row: number; skipCols: Set<number>; refCols: Set<number> }[] = [];
  for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const periods: { col: number; key: PeriodKey }[] = [];
    const refs: number[] = [];
    const changes: number[] = [];
    const incidental: number[] = [];
    const words: number[] = [];
    let bareYears = false;
    for (const c of list) {
      const key = periodKey(c.content);
      if (key) {
        periods.push({ col: c.col, key });
        if (c.content.value?.type === "number" && !isDateFormat(c.content.numberFormat))
          bareYears = true;
      } else if (isReferenceHeading(c.content)) refs.push(c.col);
      else if (isChangeHeading(c.content)) changes.push(c.col);
      else if (isIncidental(c.content)) incidental.push(c.col);
      else words.push(c.col);
    }
    if (periods.length < 2 && !refs.length) continue;
    const first = Math.min(...periods.map((p) => p.col), ...refs, ...changes);
    if (words.some((col) => col > first) || (words.length && bareYears)) continue;
    for (const col of [...periods.map((p) => p.col), ...refs, ...changes, ...incidental])
      headingCells.add(`${row}:${col}`);
    const skipCols = new Set([...refs, ...changes]);
    const current = currentOf(periods);
    if (current !== null) {
      const cell = list.find((c) => c.col === current)!;
      currentHeadings.push({ row, col: current, text: headingText(cell.content) });
      const cols = periods.map((p) => p.col).sort((a, b) => a - b);
      const width = cols[1] - cols[0];
      cols.forEach((col, k) => {
        if (col === current) return;
        const from = k === 0 ? col - width + 1 : cols[k - 1] + 1;
        for (let c = Math.max(1, from); c <= col; c++) skipCols.add(c);
      });
    }
    rules.push({ row, skipCols, refCols: new Set(refs) });
  }
  const skip = new Set<string>();
  if (!rules.length) return { headingCells, skip, current: currentHeadings };
  for (const c of cells) {
    const rule = ruleAbove(rules, c.row);
    if (!rule?.skipCols.has(c.col)) continue;
    // Under a reference heading only figures are references; a label there is still a label.
    if (rule.refCols.has(c.col) && !isFigure(c.content)) continue;
    skip.add(`${c.row}:${c.col}`);
  }
  return { headingCells, skip, current: currentHeadings };
}

/** A period heading as a reader would quote it: its text, or a date-formatted serial as yyyy-mm-dd. */
function headingText(content: CellContent): string {
  const v = content.value;
  if (v?.type === "text") return plainText(v.text);
  if (v?.type !== "number") return "";
  return (isDateFormat(content.numberFormat) && fromExcelSerial(v.value)) || String(v.value);
}

/** A number, or text that reads as one ("3", "(12)"). */
function isFigure(content: CellContent): boolean {
  const v = content.value;
  return v?.type === "number" || (v?.type === "text" && parseNumericText(v.text) !== null);
}

/** The last rule whose heading row is above `row` (rules in row order; binary search, a sheet may hold many). */
function ruleAbove<T extends { row: number }>(rules: T[], row: number): T | undefined {
  let lo = 0;
  let hi = rules.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rules[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? rules[lo - 1] : undefined;
}
