import type { Dec } from "../decimal";
import { finding, type Finding } from "../findings";
import type { StatementId } from "../types";
import {
  businessDaysBetween,
  isBusinessDay,
  holidayName,
  lastBusinessDayOfMonth,
} from "./business-days";
import { usDate, weekday, type IsoDate } from "./dates";

/** One scope placed in time: whose statement it is and as of when. */
export interface Period {
  scope: string;
  entity: string | null;
  /** Where the entity came from: a FOCUS_ENTITY name, or the firm's name the sheet prints above the statement title. */
  entitySource?: EntitySource;
  /** The cell the entity was read from ('Sheet'!A1), so the pane can offer to bind FOCUS_ENTITY to it. */
  entityCell?: string | null;
  asOf: IsoDate | null;
  /** Where the date came from. */
  source: "FOCUS_ASOF" | "sheet name" | null;
}

export type EntitySource = "FOCUS_ENTITY" | "sheet heading" | null;

/**
 * How often an entity's statements fall, read from their dates: every business day
 * (Reg 1.32), every month end, every quarter end, every year end (a calendar or a
 * fiscal year, such as October 31); "irregular" when the dates follow none of these,
 * "single" with one date. Missing periods are reported against this cadence only.
 */
export type Cadence = "daily" | "monthly" | "quarterly" | "annual" | "irregular" | "single";

/** One entity's dated periods, oldest first. */
export interface PeriodSeries {
  entity: string | null;
  cadence: Cadence;
  periods: Period[];
}

export interface PeriodOrder {
  series: PeriodSeries[];
  /** Findings about the periods themselves, by scope. */
  findings: Map<string, Finding[]>;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/** Words a firm's name carries or drops from one year to the next ("Goldman, Sachs & Co." became "Goldman Sachs & Co. LLC"). */
const LEGAL_FORM =
  /\b(the|and|llc|l\.?l\.?c|inc|incorporated|corp|corporation|co|company|ltd|limited|l\.?p|lp|plc|n\.?a)\b\.?/g;
/**
 * Entities match whatever their case, punctuation, spacing and legal form: "HSBC " is
 * "hsbc", and "Goldman, Sachs & Co." is "Goldman Sachs & Co. LLC".
 */
export const entityKey = (e: string | null): string => {
  const plain = (e ?? "")
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}.]+/gu, " ");
  const bare = plain.replace(LEGAL_FORM, " ").replace(/\./g, " ").replace(/\s+/g, " ").trim();
  // A name that is nothing but a legal form ("Inc.") keeps its plain spelling rather than matching every other.
  return bare || plain.replace(/\s+/g, " ").trim();
};
const listDates = (ds: IsoDate[], max = 6) =>
  ds.slice(0, max).map(usDate).join(", ") + (ds.length > max ? ` and ${ds.length - max} more` : "");

/**
 * Order the periods of each entity by date and flag what a reviewer of a series looks
 * for: two scopes claiming the same day, periods missing against the series' own
 * cadence, a daily statement dated on a weekend or holiday, a scope with no date.
 * Statements of different entities are never ordered into one series.
 */
export function orderPeriods(periods: Period[]): PeriodOrder {
  const findings = new Map<string, Finding[]>();
  const add = (scope: string, f: Finding) =>
    findings.set(scope, [...(findings.get(scope) ?? []), f]);

  const dated = periods.filter((p) => p.asOf !== null);
  if (dated.length > 0) {
    for (const p of periods) {
      if (p.asOf === null)
        add(
          p.scope,
          finding("period-undated", {
            message: `${p.scope} has no as-of date (a FOCUS_ASOF name or a date in the sheet name): it is left out of the period series and comparisons`,
          })
        );
    }
  }

  const byEntity = new Map<string, Period[]>();
  for (const p of dated)
    byEntity.set(entityKey(p.entity), [...(byEntity.get(entityKey(p.entity)) ?? []), p]);

  const series: PeriodSeries[] = [];
  for (const list of byEntity.values()) {
    const ordered = [...list].sort((a, b) => (a.asOf! < b.asOf! ? -1 : a.asOf! > b.asOf! ? 1 : 0));
    const who = ordered[0].entity ? ` for ${ordered[0].entity}` : "";
    // Two scopes, one day.
    for (let i = 0; i < ordered.length;) {
      let j = i + 1;
      while (j < ordered.length && ordered[j].asOf === ordered[i].asOf) j++;
      if (j - i > 1) {
        const same = ordered.slice(i, j);
        for (const p of same) {
          add(
            p.scope,
            finding("period-duplicate", {
              message: `${same.map((s) => s.scope).join(", ")} all report ${usDate(p.asOf!)}${who}: keep one statement per day`,
            })
          );
        }
      }
      i = j;
    }
    const unique = ordered.filter((p, i) => i === 0 || p.asOf !== ordered[i - 1].asOf);
    const cadence = cadenceOf(unique.map((p) => p.asOf!));
    for (const p of ordered) {
      // A daily computation is made as of a business day; a month-, quarter- or year-end
      // statement is as of the calendar month end, which may fall on a weekend (12/31/2016).
      if (isBusinessDay(p.asOf!) || (cadence !== "daily" && isMonthEnd(p.asOf!))) continue;
      const why = holidayName(p.asOf!) ?? DAYS[weekday(p.asOf!)];
      add(
        p.scope,
        finding("period-not-business-day", {
          message: `${p.scope} is dated ${usDate(p.asOf!)}, a ${why}: daily statements are computed as of business days`,
        })
      );
    }
    const step = STEPS[cadence];
    // Month ends are listed as the series dates them: the calendar month end, unless some
    // statement is dated on the last business day before one (10/30/2020 for October).
    const calendar = !unique.some(
      (p) =>
        lastBusinessDayOfMonth(p.asOf!) === p.asOf && monthLength(p.asOf!) !== +p.asOf!.slice(8, 10)
    );
    if (step) {
      for (let i = 1; i < unique.length; i++) {
        const prev = unique[i - 1].asOf!,
          cur = unique[i].asOf!;
        const missing = step.between(prev, cur, calendar);
        if (missing.length === 0) continue;
        add(
          unique[i].scope,
          finding("period-missing", {
            message: `no statement${who} for ${missing.length} ${step.name}${missing.length === 1 ? "" : "s"} between ${usDate(prev)} and ${usDate(cur)}: ${listDates(missing)} (the series is ${cadenceWords(cadence, cur)})`,
          })
        );
      }
    }
    series.push({ entity: ordered[0].entity, cadence, periods: ordered });
  }
  return { series, findings };
}

/** How a cadence reads in a sentence: "daily", "at month ends", "at year ends (October 31)". */
export function cadenceWords(cadence: Cadence, sample?: IsoDate): string {
  if (cadence === "annual" && sample) {
    const month = new Date(Date.UTC(2001, +sample.slice(5, 7) - 1, 1)).toLocaleString("en-US", {
      month: "long",
      timeZone: "UTC",
    });
    return `at year ends (${month} ${monthLength(sample)})`;
  }
  return {
    daily: "daily (business days)",
    monthly: "at month ends",
    quarterly: "at quarter ends",
    annual: "at year ends",
    irregular: "irregular",
    single: "a single statement",
  }[cadence];
}

/** The step of each cadence that can miss periods: its name and the periods strictly between two dates. */
const STEPS: Partial<
  Record<
    Cadence,
    { name: string; between: (a: IsoDate, b: IsoDate, calendar: boolean) => IsoDate[] }
  >
> = {
  daily: { name: "business day", between: (a, b) => businessDaysBetween(a, b) },
  monthly: { name: "month end", between: (a, b, calendar) => monthEndsBetween(a, b, 1, calendar) },
  quarterly: {
    name: "quarter end",
    between: (a, b, calendar) => monthEndsBetween(a, b, 3, calendar),
  },
  annual: { name: "year end", between: (a, b, calendar) => monthEndsBetween(a, b, 12, calendar) },
};

/**
 * The series' cadence from its dates (distinct, oldest first): the finest of business
 * days, month ends, quarter ends and year ends whose single step is the most common
 * step and at least half of them, every step being a whole number of it. Two dates
 * show a cadence only when they are one step apart (a gap between just two dates could
 * be a gap or the cadence itself: no missing period is claimed); fewer, none.
 */
export function cadenceOf(dates: IsoDate[]): Cadence {
  if (dates.length < 2) return "single";
  const steps = dates.slice(1).map((d, i) => ({ from: dates[i], to: d }));
  const fits = (units: number[]) => {
    const ones = units.filter((u) => u === 1).length;
    if (units.some((u) => !Number.isInteger(u) || u < 1)) return false;
    if (dates.length === 2) return ones === 1;
    // The single step must be at least half of the steps and no less common than any other.
    const counts = new Map<number, number>();
    for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
    return ones * 2 >= units.length && [...counts.values()].every((c) => c <= ones);
  };
  // Business days: a step of n business days is n - 1 business days strictly between.
  if (fits(steps.map((s) => businessDaysBetween(s.from, s.to).length + 1))) return "daily";
  if (!dates.every(isMonthEnd)) return "irregular";
  const months = steps.map((s) => monthIndex(s.to) - monthIndex(s.from));
  // Two month ends in one month (the 30th and the 31st) are no cadence at all.
  if (months.some((m) => m < 1)) return "irregular";
  if (fits(months)) return "monthly";
  if (fits(months.map((m) => m / 3))) return "quarterly";
  if (fits(months.map((m) => m / 12))) return "annual";
  return "irregular";
}

const monthIndex = (d: IsoDate) => +d.slice(0, 4) * 12 + +d.slice(5, 7) - 1;
const monthLength = (d: IsoDate) =>
  new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).getUTCDate();
/** The calendar month's last day, or its last business day (a month-end computation dated the Friday before). */
export const isMonthEnd = (d: IsoDate): boolean =>
  monthLength(d) === +d.slice(8, 10) || lastBusinessDayOfMonth(d) === d;

/** The month ends every `months` months strictly between two month ends: calendar month ends, or last business days. */
function monthEndsBetween(a: IsoDate, b: IsoDate, months: number, calendar: boolean): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = monthIndex(a) + months; m < monthIndex(b); m += months) {
    const y = Math.floor(m / 12),
      mo = (m % 12) + 1;
    const first = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-01`;
    out.push(
      calendar
        ? `${first.slice(0, 8)}${String(monthLength(first)).padStart(2, "0")}`
        : lastBusinessDayOfMonth(first)
    );
  }
  return out;
}

/** One statement's position on one day: what the pane plots and --json carries. */
export interface SeriesPoint {
  asOf: IsoDate;
  scope: string;
  excess: Dec | null;
  target: Dec | null;
  overTarget: Dec | null;
  status: string;
  /** How many errors and warnings the scope has. */
  errors: number;
  warnings: number;
}

export interface StatementSeries {
  entity: string | null;
  statement: StatementId;
  points: SeriesPoint[];
}

interface ScopeFigures {
  scope: string;
  summaries: {
    statement: StatementId;
    excess: Dec | null;
    target: Dec | null;
    overTarget: Dec | null;
    status: string;
  }[];
  findings: { severity: string }[];
}

/** Excess and target per statement across an entity's periods (statements never bound are left out). */
export function statementSeries(order: PeriodOrder, reports: ScopeFigures[]): StatementSeries[] {
  const byScope = new Map(reports.map((r) => [r.scope, r]));
  const out: StatementSeries[] = [];
  for (const s of order.series) {
    const points = new Map<StatementId, SeriesPoint[]>();
    for (const p of s.periods) {
      const r = byScope.get(p.scope);
      if (!r) continue;
      const errors = r.findings.filter((f) => f.severity === "error").length;
      const warnings = r.findings.filter((f) => f.severity === "warning").length;
      for (const m of r.summaries) {
        if (m.status === "not-bound") continue;
        const list = points.get(m.statement) ?? [];
        list.push({
          asOf: p.asOf!,
          scope: p.scope,
          excess: m.excess,
          target: m.target,
          overTarget: m.overTarget,
          status: m.status,
          errors,
          warnings,
        });
        points.set(m.statement, list);
      }
    }
    for (const [statement, pts] of points) out.push({ entity: s.entity, statement, points: pts });
  }
  return out;
}
