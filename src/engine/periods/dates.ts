import type { CellContent } from "../cell";

/**
 * As-of dates as ISO strings ("2020-11-30"): plain values that sort, compare and
 * print the same everywhere. Calendar arithmetic is done in UTC days so no time
 * zone ever moves a date.
 */
export type IsoDate = string;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 2021-02-30
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const dayNumber = (d: IsoDate): number =>
  Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
export const fromDayNumber = (n: number): IsoDate =>
  new Date(n * 86_400_000).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: IsoDate): number => new Date(dayNumber(d) * 86_400_000).getUTCDay();

/** An Excel date serial (1900 system) to a date; whole days only. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  // Serial 60 is Excel's fictitious 1900-02-29; later serials count from 1899-12-30.
  if (whole === 60) return null;
  return fromDayNumber(dayNumber("1899-12-30") + (whole < 60 ? whole + 1 : whole));
}

const twoDigitYear = (y: number) => (y < 100 ? 2000 + y : y);
const monthOf = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
};

/**
 * Date patterns a preparer writes, in the order tried. Numeric dates are US
 * month-first (FOCUS filers are US firms) unless the first number cannot be a month.
 */
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => IsoDate | null }[] = [
  // 2020-11-30, 2020.11.30, 2020_11_30, 2020/11/30
  {
    re: /(?<!\d)(\d{4})[-./_](\d{1,2})[-./_](\d{1,2})(?!\d)/,
    build: (m) => isoOf(+m[1], +m[2], +m[3]),
  },
  // 11/30/2020, 11-30-20, 30.11.2020 (day first only when it must be)
  {
    re: /(?<!\d)(\d{1,2})[-./_](\d{1,2})[-./_](\d{4}|\d{2})(?!\d)/,
    build: (m) => {
      const a = +m[1],
        b = +m[2],
        y = twoDigitYear(+m[3]);
      return a > 12 ? isoOf(y, b, a) : isoOf(y, a, b);
    },
  },
  // 20201130
  { re: /(?<!\d)(19\d{2}|20\d{2})(\d{2})(\d{2})(?!\d)/, build: (m) => isoOf(+m[1], +m[2], +m[3]) },
  // 30 Nov 2020, 30-Nov-20, 30Nov2020
  {
    re: /(?<!\d)(\d{1,2})[\s\-.]*([A-Za-z]{3,9})\.?[\s\-.,]*(\d{4}|\d{2})(?!\d)/,
    build: (m) => {
      const mo = monthOf(m[2]);
      return mo ? isoOf(twoDigitYear(+m[3]), mo, +m[1]) : null;
    },
  },
  // Nov 30, 2020 / November 30 2020 / Nov-30-20
  {
    re: /(?<![A-Za-z])([A-Za-z]{3,9})\.?[\s\-.]*(\d{1,2})(?:st|nd|rd|th)?[\s\-.,]+(\d{4}|\d{2})(?!\d)/,
    build: (m) => {
      const mo = monthOf(m[1]);
      return mo ? isoOf(twoDigitYear(+m[3]), mo, +m[2]) : null;
    },
  },
];

/** The first date written in a piece of text (a sheet name, a FOCUS_ASOF cell typed as text). */
export function dateInText(text: string): IsoDate | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const d = p.build(m);
    if (d) return d;
  }
  return null;
}

export type DateRead = { date: IsoDate } | { problem: string } | { blank: true };

/** A FOCUS_ASOF cell: a date (an Excel serial) or a date typed as text. */
export function readAsOf(content: CellContent): DateRead {
  const v = content.value;
  if (!v || v.type === "blank") return { blank: true };
  if (v.type === "number") {
    const d = fromExcelSerial(v.value);
    return d ? { date: d } : { problem: `holds ${v.value}, which is not a date` };
  }
  if (v.type === "text") {
    const d = dateInText(v.text);
    return d ? { date: d } : { problem: `holds "${v.text.slice(0, 40)}", which is not a date` };
  }
  if (v.type === "error") return { problem: `holds the error ${v.error}` };
  return { problem: "holds TRUE/FALSE, not a date" };
}

/** 11/30/2020: how the pane and reports show a date to US preparers. */
export function usDate(d: IsoDate): string {
  return `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
}
