import { isBusinessDay } from "../periods/business-days";
import { dayNumber, fromDayNumber, usDate, type IsoDate } from "../periods/dates";
import type { Deadline } from "./rules";

/**
 * `n` business days after `from`, counted as Reg 1.3 counts notice periods: the day
 * of the event is excluded and each following business day counts (weekends and
 * federal holidays, as observed, are skipped: the calendar of periods/business-days.ts).
 */
export function addBusinessDays(from: IsoDate, n: number): IsoDate {
  let day = dayNumber(from);
  for (let counted = 0; counted < n;) {
    day++;
    if (isBusinessDay(fromDayNumber(day))) counted++;
  }
  return fromDayNumber(day);
}

export interface DueDate {
  /** The last day the notice can be given, from the statement's as-of date; null when the scope has none. */
  due: IsoDate | null;
  /** The deadline in words, with the date where there is one. */
  text: string;
}

/** When a notice is due, counted from the as-of date of the statement that shows its trigger. */
export function dueDate(deadline: Deadline, asOf: IsoDate | null): DueDate {
  switch (deadline.kind) {
    case "immediate":
      return {
        due: asOf,
        text: asOf ? `immediately (statement as of ${usDate(asOf)})` : "immediately",
      };
    case "hours": {
      // 24 hours from the event: its hour is not on the statement, so the next calendar day.
      const days = Math.ceil(deadline.hours / 24);
      const due = asOf ? fromDayNumber(dayNumber(asOf) + days) : null;
      return {
        due,
        text: due
          ? `within ${deadline.hours} hours: by ${usDate(due)}`
          : `within ${deadline.hours} hours of the event`,
      };
    }
    case "business-days": {
      const due = asOf ? addBusinessDays(asOf, deadline.days) : null;
      const what = `within ${deadline.days} business day${deadline.days === 1 ? "" : "s"}`;
      return { due, text: due ? `${what}: by ${usDate(due)}` : `${what} of the event` };
    }
    case "before-withdrawal":
      return {
        due: asOf,
        text: asOf
          ? `before the withdrawal: the statement as of ${usDate(asOf)} shows it made`
          : "before the withdrawal",
      };
  }
}
