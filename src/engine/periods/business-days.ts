import { dayNumber, fromDayNumber, isoOf, weekday, type IsoDate } from "./dates";

/**
 * Business days as CFTC Reg 1.3 defines them: any day but Saturday, Sunday or a
 * legal (US federal) holiday. A holiday falling on a Saturday is observed on the
 * Friday before, on a Sunday the Monday after.
 */
function nthWeekday(year: number, month: number, dow: number, n: number): IsoDate {
  const first = weekday(isoOf(year, month, 1)!);
  return isoOf(year, month, 1 + ((dow - first + 7) % 7) + (n - 1) * 7)!;
}

function lastWeekday(year: number, month: number, dow: number): IsoDate {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekday(isoOf(year, month, lastDay)!);
  return isoOf(year, month, lastDay - ((last - dow + 7) % 7))!;
}

function observed(d: IsoDate): IsoDate {
  const w = weekday(d);
  return w === 6 ? fromDayNumber(dayNumber(d) - 1) : w === 0 ? fromDayNumber(dayNumber(d) + 1) : d;
}

const cache = new Map<number, Map<IsoDate, string>>();

/** The federal holidays observed in a year, with their names. */
export function federalHolidays(year: number): Map<IsoDate, string> {
  let h = cache.get(year);
  if (h) return h;
  h = new Map<IsoDate, string>();
  const fixed = (m: number, d: number, name: string) => h!.set(observed(isoOf(year, m, d)!), name);
  fixed(1, 1, "New Year's Day");
  h.set(nthWeekday(year, 1, 1, 3), "Martin Luther King Jr. Day");
  h.set(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  h.set(lastWeekday(year, 5, 1), "Memorial Day");
  if (year >= 2021) fixed(6, 19, "Juneteenth");
  fixed(7, 4, "Independence Day");
  h.set(nthWeekday(year, 9, 1, 1), "Labor Day");
  h.set(nthWeekday(year, 10, 1, 2), "Columbus Day");
  fixed(11, 11, "Veterans Day");
  h.set(nthWeekday(year, 11, 4, 4), "Thanksgiving Day");
  fixed(12, 25, "Christmas Day");
  // New Year's Day of next year observed on this year's Dec 31.
  const nextNewYear = observed(isoOf(year + 1, 1, 1)!);
  if (nextNewYear.startsWith(String(year))) h.set(nextNewYear, "New Year's Day");
  cache.set(year, h);
  return h;
}

export function holidayName(d: IsoDate): string | null {
  return federalHolidays(+d.slice(0, 4)).get(d) ?? null;
}

export function isBusinessDay(d: IsoDate): boolean {
  const w = weekday(d);
  return w !== 0 && w !== 6 && holidayName(d) === null;
}

/** Business days strictly between two dates. */
export function businessDaysBetween(a: IsoDate, b: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let n = dayNumber(a) + 1; n < dayNumber(b); n++) {
    const d = fromDayNumber(n);
    if (isBusinessDay(d)) out.push(d);
  }
  return out;
}

/** The last business day of a date's month (month-end FOCUS filings). */
export function lastBusinessDayOfMonth(d: IsoDate): IsoDate {
  const y = +d.slice(0, 4),
    m = +d.slice(5, 7);
  let n = dayNumber(isoOf(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate())!);
  while (!isBusinessDay(fromDayNumber(n))) n--;
  return fromDayNumber(n);
}

/**
 * Whether `prior` is the previous business day's statement for `current`: earlier, with
 * no business day strictly between (Friday for a Monday, the day before a holiday
 * for the day after it).
 */
export function isPreviousBusinessDay(prior: IsoDate, current: IsoDate): boolean {
  return prior < current && businessDaysBetween(prior, current).length === 0;
}
