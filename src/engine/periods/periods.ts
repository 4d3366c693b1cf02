import type { Dec } from "../decimal";
import { finding, type Finding } from "../findings";
import type { StatementId } from "../types";
import { businessDaysBetween, isBusinessDay, holidayName, lastBusinessDayOfMonth } from "./business-days";
import { dayNumber, usDate, weekday, type IsoDate } from "./dates";

/** One scope placed in time: whose statement it is and as of when. */
export interface Period {
  scope: string;
  entity: string | null;
  asOf: IsoDate | null;
  /** Where the date came from. */
  source: "FOCUS_ASOF" | "sheet name" | null;
}

export type Cadence = "daily" | "monthly" | "irregular" | "single";

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
/** Entities match whatever their case and surrounding spaces: "HSBC " is "hsbc". */
export const entityKey = (e: string | null): string => (e ?? "").trim().toLowerCase();
const listDates = (ds: IsoDate[], max = 6) =>
  ds.slice(0, max).map(usDate).join(", ") + (ds.length > max ? ` and ${ds.length - max} more` : "");

/**
 * Order the periods of each entity by date and flag what a reviewer of a daily
 * series looks for: two scopes claiming the same day, business days with no
 * statement, a statement dated on a weekend or holiday, a scope with no date.
 */
export function orderPeriods(periods: Period[]): PeriodOrder {
  const findings = new Map<string, Finding[]>();
  const add = (scope: string, f: Finding) => findings.set(scope, [...(findings.get(scope) ?? []), f]);

  const dated = periods.filter((p) => p.asOf !== null);
  if (dated.length > 0) {
    for (const p of periods) {
      if (p.asOf === null) add(p.scope, finding("period-undated", { message: `${p.scope} has no as-of date (a FOCUS_ASOF name or a date in the sheet name): it is left out of the period series and comparisons` }));
    }
  }

  const byEntity = new Map<string, Period[]>();
  for (const p of dated) byEntity.set(entityKey(p.entity), [...(byEntity.get(entityKey(p.entity)) ?? []), p]);

  const series: PeriodSeries[] = [];
  for (const list of byEntity.values()) {
    const ordered = [...list].sort((a, b) => (a.asOf! < b.asOf! ? -1 : a.asOf! > b.asOf! ? 1 : 0));
    const who = ordered[0].entity ? ` for ${ordered[0].entity}` : "";
    // Two scopes, one day.
    for (let i = 0; i < ordered.length; ) {
      let j = i + 1;
      while (j < ordered.length && ordered[j].asOf === ordered[i].asOf) j++;
      if (j - i > 1) {
        const same = ordered.slice(i, j);
        for (const p of same) {
          add(p.scope, finding("period-duplicate", {
            message: `${same.map((s) => s.scope).join(", ")} all report ${usDate(p.asOf!)}${who}: keep one statement per day`,
          }));
        }
      }
      i = j;
    }
    for (const p of ordered) {
      if (!isBusinessDay(p.asOf!)) {
        const why = holidayName(p.asOf!) ?? DAYS[weekday(p.asOf!)];
        add(p.scope, finding("period-not-business-day", { message: `${p.scope} is dated ${usDate(p.asOf!)}, a ${why}: statements are computed as of business days` }));
      }
    }
    const unique = ordered.filter((p, i) => i === 0 || p.asOf !== ordered[i - 1].asOf);
    const cadence = cadenceOf(unique.map((p) => p.asOf!));
    for (let i = 1; i < unique.length; i++) {
      const prev = unique[i - 1].asOf!, cur = unique[i].asOf!;
      const missing = cadence === "daily" ? businessDaysBetween(prev, cur) : cadence === "monthly" ? monthEndsBetween(prev, cur) : [];
      if (missing.length === 0) continue;
      const what = cadence === "daily" ? "business day" : "month end";
      add(unique[i].scope, finding("period-missing", {
        message: `no statement${who} for ${missing.length} ${what}${missing.length === 1 ? "" : "s"} between ${usDate(prev)} and ${usDate(cur)}: ${listDates(missing)}`,
      }));
    }
    series.push({ entity: ordered[0].entity, cadence, periods: ordered });
  }
  return { series, findings };
}

/** Daily when consecutive dates are mostly one business day apart; monthly when every date is a month end. */
export function cadenceOf(dates: IsoDate[]): Cadence {
  if (dates.length < 2) return "single";
  if (dates.every(isMonthEnd) && dayNumber(dates[1]) - dayNumber(dates[0]) > 20) return "monthly";
  const gaps = dates.slice(1).map((d, i) => businessDaysBetween(dates[i], d).length);
  const adjacent = gaps.filter((g) => g === 0).length;
  // Most steps are the next business day: a daily series with gaps.
  if (adjacent >= gaps.length / 2 || (dates.length === 2 && gaps[0] <= 3)) return "daily";
  return "irregular";
}

const isMonthEnd = (d: IsoDate) => lastBusinessDayOfMonth(d) === d || new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).getUTCDate() === +d.slice(8, 10);

function monthEndsBetween(a: IsoDate, b: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = +a.slice(0, 4), m = +a.slice(5, 7);
  for (;;) {
    m++;
    if (m > 12) { m = 1; y++; }
    const first = `${y}-${String(m).padStart(2, "0")}-01`;
    if (first.slice(0, 7) >= b.slice(0, 7)) break;
    out.push(lastBusinessDayOfMonth(first));
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
  summaries: { statement: StatementId; excess: Dec | null; target: Dec | null; overTarget: Dec | null; status: string }[];
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
        list.push({ asOf: p.asOf!, scope: p.scope, excess: m.excess, target: m.target, overTarget: m.overTarget, status: m.status, errors, warnings });
        points.set(m.statement, list);
      }
    }
    for (const [statement, pts] of points) out.push({ entity: s.entity, statement, points: pts });
  }
  return out;
}
