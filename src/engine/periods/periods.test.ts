import { businessDaysBetween, federalHolidays, isBusinessDay } from "./business-days";
import { dateInText, fromExcelSerial, readAsOf } from "./dates";
import { cadenceOf, entityKey, orderPeriods, type Period } from "./periods";

const p = (scope: string, asOf: string | null, entity: string | null = null): Period => ({
  scope,
  entity,
  asOf,
  source: asOf ? "sheet name" : null,
});
const kinds = (m: Map<string, { kind: string; message: string }[]>, scope: string) =>
  (m.get(scope) ?? []).map((f) => f.kind);

describe("as-of dates", () => {
  it.each([
    ["Seg 2020-11-30", "2020-11-30"],
    ["4d2 11-30-20", "2020-11-30"],
    ["11.30.2020", "2020-11-30"],
    ["30.11.2020", "2020-11-30"], // the first number cannot be a month
    ["Seg 20201130", "2020-11-30"],
    ["30 Nov 2020", "2020-11-30"],
    ["30-Nov-20", "2020-11-30"],
    ["Nov 30, 2020", "2020-11-30"],
    ["December 1 2020", "2020-12-01"],
    ["Seg 1", null],
    ["2020-02-30", null],
    ["Segregation", null],
  ])("reads %s as %s", (text, iso) => {
    expect(dateInText(text)).toBe(iso);
  });

  it("reads Excel date serials of the 1900 system, skipping its fictitious 29 February", () => {
    expect(fromExcelSerial(44165)).toBe("2020-11-30");
    expect(fromExcelSerial(1)).toBe("1900-01-01");
    expect(fromExcelSerial(61)).toBe("1900-03-01");
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(-3)).toBeNull();
  });

  it("reads a FOCUS_ASOF cell holding a date, text, or something else", () => {
    expect(readAsOf({ value: { type: "number", value: 44165 }, numberFormat: "m/d/yyyy" })).toEqual(
      { date: "2020-11-30" }
    );
    expect(readAsOf({ value: { type: "text", text: "11/30/2020" } })).toEqual({
      date: "2020-11-30",
    });
    expect(readAsOf({ value: { type: "text", text: "yesterday" } })).toEqual({
      problem: expect.stringContaining("not a date"),
    });
    expect(readAsOf({ value: { type: "error", error: "#REF!" } })).toEqual({
      problem: "holds the error #REF!",
    });
    expect(readAsOf({ value: { type: "blank" } })).toEqual({ blank: true });
  });
});

describe("business days", () => {
  it("observes federal holidays, moved off weekends", () => {
    const h2020 = federalHolidays(2020);
    expect(h2020.get("2020-11-26")).toBe("Thanksgiving Day");
    expect(h2020.get("2020-07-03")).toBe("Independence Day"); // July 4, 2020 was a Saturday
    expect(federalHolidays(2021).get("2021-12-31")).toBe("New Year's Day"); // Jan 1, 2022 was a Saturday
    expect(federalHolidays(2022).get("2022-06-20")).toBe("Juneteenth");
    expect(federalHolidays(2020).has("2020-06-19")).toBe(false); // not yet a holiday
    expect(isBusinessDay("2020-11-27")).toBe(true);
    expect(isBusinessDay("2020-11-28")).toBe(false);
  });

  it("lists the business days strictly between two dates", () => {
    expect(businessDaysBetween("2020-11-25", "2020-11-30")).toEqual(["2020-11-27"]);
    expect(businessDaysBetween("2020-11-30", "2020-12-01")).toEqual([]);
  });
});

describe("ordering periods", () => {
  it("orders by date, whatever the sheet order", () => {
    const { series } = orderPeriods([
      p("C", "2020-12-02"),
      p("A", "2020-11-30"),
      p("B", "2020-12-01"),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0].periods.map((x) => x.scope)).toEqual(["A", "B", "C"]);
    expect(series[0].cadence).toBe("daily");
  });

  it("flags business days with no statement in a daily series, naming them, but not weekends or holidays", () => {
    const { findings } = orderPeriods([
      p("Wed", "2020-11-25"),
      p("Fri", "2020-11-27"),
      p("Mon", "2020-11-30"),
      p("Thu", "2020-12-03"),
      p("Fri2", "2020-12-04"),
    ]);
    expect(kinds(findings, "Fri")).toEqual([]); // Thanksgiving in between
    expect(kinds(findings, "Mon")).toEqual([]); // a weekend in between
    const missing = findings.get("Thu")!;
    expect(missing.map((f) => f.kind)).toEqual(["period-missing"]);
    expect(missing[0].message).toContain(
      "2 business days between 11/30/2020 and 12/03/2020: 12/01/2020, 12/02/2020"
    );
  });

  it("flags two scopes claiming the same day, on both", () => {
    const { findings } = orderPeriods([
      p("Seg 1", "2020-11-30", "HSBC"),
      p("Seg 1 (2)", "2020-11-30", "HSBC"),
      p("Seg 2", "2020-12-01", "HSBC"),
    ]);
    expect(kinds(findings, "Seg 1")).toEqual(["period-duplicate"]);
    expect(kinds(findings, "Seg 1 (2)")).toEqual(["period-duplicate"]);
    expect(findings.get("Seg 1")![0].message).toContain("report 11/30/2020 for HSBC");
    expect(kinds(findings, "Seg 2")).toEqual([]);
  });

  it("keeps entities apart: the same day for two entities is no duplicate", () => {
    const { series, findings } = orderPeriods([
      p("A", "2020-11-30", "Firm A"),
      p("B", "2020-11-30", "Firm B"),
    ]);
    expect(series).toHaveLength(2);
    expect(findings.size).toBe(0);
  });

  it("says a statement is dated on a weekend or holiday, and notes undated scopes when others are dated", () => {
    const { findings } = orderPeriods([
      p("Sat", "2020-11-28"),
      p("Thx", "2020-11-26"),
      p("Notes", null),
    ]);
    expect(findings.get("Sat")![0].message).toContain("a Saturday");
    expect(findings.get("Thx")![0].message).toContain("Thanksgiving Day");
    expect(kinds(findings, "Notes")).toEqual(["period-undated"]);
  });

  it("treats month-end statements as monthly, flagging a missing month end rather than every business day", () => {
    expect(cadenceOf(["2020-09-30", "2020-10-30", "2020-11-30"])).toBe("monthly");
    const { findings } = orderPeriods([
      p("Aug", "2020-08-31"),
      p("Sep", "2020-09-30"),
      p("Nov", "2020-11-30"),
    ]);
    expect(findings.get("Nov")![0].message).toContain(
      "1 month end between 09/30/2020 and 11/30/2020: 10/31/2020"
    );
    // A series dated on last business days lists them so: 10/30/2020 (October 31 was a Saturday).
    const bd = orderPeriods([
      p("Sep", "2020-09-30"),
      p("Oct", "2020-10-30"),
      p("Dec", "2020-12-31"),
      p("Jan", "2021-01-29"),
    ]);
    expect(bd.findings.get("Dec")![0].message).toContain(
      "1 month end between 10/30/2020 and 12/31/2020: 11/30/2020"
    );
  });

  it("says nothing about undated workbooks", () => {
    expect(orderPeriods([p("Seg", null), p("Other", null)]).findings.size).toBe(0);
  });
});

describe("cadence read from the dates", () => {
  const missingIn = (ps: Period[]) =>
    [...orderPeriods(ps).findings.entries()].flatMap(([scope, fs]) =>
      fs.map((f) => `${scope}: ${f.kind}: ${f.message}`)
    );

  it("reads annual year-end statements as annual: no month ends missing between two years (the reported bug)", () => {
    const years = ["2014-12-31", "2015-12-31", "2016-12-31", "2017-12-31", "2018-12-31"];
    expect(cadenceOf(years)).toBe("annual");
    expect(cadenceOf(["2014-12-31", "2015-12-31"])).toBe("annual");
    // 12/31/2016 was a Saturday: a year-end statement is as of the calendar year end, not flagged.
    expect(missingIn(years.map((d) => p(d, d, "Goldman Sachs")))).toEqual([]);
  });

  it("names a missing year end in an annual series, and nothing else", () => {
    const ds = ["2014-12-31", "2015-12-31", "2016-12-31", "2017-12-31", "2018-12-31", "2020-12-31"];
    expect(missingIn(ds.map((d) => p(d, d)))).toEqual([
      "2020-12-31: period-missing: no statement for 1 year end between 12/31/2018 and 12/31/2020: 12/31/2019 (the series is at year ends (December 31))",
    ]);
  });

  it("reads a fiscal year ending October 31 as annual, on whatever weekday it falls", () => {
    const ds = ["2019-10-31", "2020-10-31", "2021-10-31", "2023-10-31"]; // a Saturday and a Sunday among them
    expect(cadenceOf(ds)).toBe("annual");
    const found = missingIn(ds.map((d) => p(d, d)));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(
      "1 year end between 10/31/2021 and 10/31/2023: 10/31/2022 (the series is at year ends (October 31))"
    );
  });

  it("reads quarter ends as quarterly and names a missing quarter end", () => {
    const ds = ["2020-03-31", "2020-06-30", "2020-09-30", "2021-03-31", "2021-06-30"];
    expect(cadenceOf(ds)).toBe("quarterly");
    const found = missingIn(ds.map((d) => p(d, d)));
    expect(found).toEqual([
      expect.stringContaining("1 quarter end between 09/30/2020 and 03/31/2021: 12/31/2020"),
    ]);
  });

  it("keeps a daily series across a holiday and a weekend: July 5, 2021 (Independence Day observed) is no missing day", () => {
    const ds = ["2021-07-01", "2021-07-02", "2021-07-06", "2021-07-07"];
    expect(cadenceOf(ds)).toBe("daily");
    expect(missingIn(ds.map((d) => p(d, d)))).toEqual([]);
    const withGap = [...ds, "2021-07-09"];
    expect(missingIn(withGap.map((d) => p(d, d)))).toEqual([
      expect.stringContaining("1 business day between 07/07/2021 and 07/09/2021: 07/08/2021"),
    ]);
  });

  it("claims no missing period for a series too short or too irregular to have a cadence", () => {
    expect(cadenceOf(["2018-12-31", "2020-12-31"])).toBe("irregular"); // two years apart: a gap, or the cadence?
    expect(cadenceOf(["2020-11-30", "2020-12-02"])).toBe("irregular");
    expect(cadenceOf(["2020-01-15", "2020-03-03", "2020-03-20", "2020-08-11"])).toBe("irregular");
    expect(cadenceOf(["2020-03-31", "2020-06-30", "2020-12-31", "2021-12-31"])).toBe("irregular");
    expect(missingIn([p("a", "2018-12-31"), p("b", "2020-12-31")])).toEqual([]);
    expect(
      missingIn([
        p("a", "2020-01-15"),
        p("b", "2020-03-03"),
        p("c", "2020-03-20"),
        p("d", "2020-08-11"),
      ])
    ).toEqual([]);
  });

  it("still says a daily statement is dated on a weekend", () => {
    expect(
      missingIn([p("Fri", "2020-11-27"), p("Sat", "2020-11-28"), p("Mon", "2020-11-30")])
    ).toEqual([
      expect.stringContaining("Sat: period-not-business-day: Sat is dated 11/28/2020, a Saturday"),
    ]);
  });
});

describe("entities", () => {
  it("match across case, punctuation and legal form, and not across firms", () => {
    expect(entityKey("Goldman, Sachs & Co.")).toBe(entityKey("Goldman Sachs & Co. LLC"));
    expect(entityKey("HSBC Securities (USA) Inc.")).toBe(entityKey("HSBC SECURITIES (USA) INC"));
    expect(entityKey("HSBC ")).toBe("hsbc");
    expect(entityKey("Goldman Sachs & Co. LLC")).not.toBe(entityKey("Goldman Sachs International"));
    expect(entityKey("Inc.")).not.toBe(entityKey(""));
  });

  it("never puts two firms' statements in one series: the same date is no duplicate, and neither series is missing anything", () => {
    const ps = ["2015-12-31", "2016-12-31", "2017-12-31"].flatMap((d) => [
      p(`GS ${d}`, d, "Goldman Sachs & Co. LLC"),
      p(`JPM ${d}`, d, "J.P. Morgan Securities LLC"),
    ]);
    const { series, findings } = orderPeriods(ps);
    expect(series.map((s) => [s.entity, s.cadence, s.periods.length])).toEqual([
      ["Goldman Sachs & Co. LLC", "annual", 3],
      ["J.P. Morgan Securities LLC", "annual", 3],
    ]);
    expect(findings.size).toBe(0);
  });
});
