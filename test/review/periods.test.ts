import { businessDaysBetween, federalHolidays, isBusinessDay } from "../../src/engine/periods/business-days";
import { dateInText, fromExcelSerial, readAsOf } from "../../src/engine/periods/dates";
import { cadenceOf, orderPeriods, type Period } from "../../src/engine/periods/periods";

const p = (scope: string, asOf: string | null, entity: string | null = null): Period => ({ scope, entity, asOf, source: asOf ? "sheet name" : null });
const kinds = (m: Map<string, { kind: string; message: string }[]>, scope: string) => (m.get(scope) ?? []).map((f) => f.kind);

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
    expect(readAsOf({ value: { type: "number", value: 44165 }, numberFormat: "m/d/yyyy" })).toEqual({ date: "2020-11-30" });
    expect(readAsOf({ value: { type: "text", text: "11/30/2020" } })).toEqual({ date: "2020-11-30" });
    expect(readAsOf({ value: { type: "text", text: "yesterday" } })).toEqual({ problem: expect.stringContaining("not a date") });
    expect(readAsOf({ value: { type: "error", error: "#REF!" } })).toEqual({ problem: "holds the error #REF!" });
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
    const { series } = orderPeriods([p("C", "2020-12-02"), p("A", "2020-11-30"), p("B", "2020-12-01")]);
    expect(series).toHaveLength(1);
    expect(series[0].periods.map((x) => x.scope)).toEqual(["A", "B", "C"]);
    expect(series[0].cadence).toBe("daily");
  });

  it("flags business days with no statement in a daily series, naming them, but not weekends or holidays", () => {
    const { findings } = orderPeriods([
      p("Wed", "2020-11-25"), p("Fri", "2020-11-27"), p("Mon", "2020-11-30"), p("Thu", "2020-12-03"), p("Fri2", "2020-12-04"),
    ]);
    expect(kinds(findings, "Fri")).toEqual([]); // Thanksgiving in between
    expect(kinds(findings, "Mon")).toEqual([]); // a weekend in between
    const missing = findings.get("Thu")!;
    expect(missing.map((f) => f.kind)).toEqual(["period-missing"]);
    expect(missing[0].message).toContain("2 business days between 11/30/2020 and 12/03/2020: 12/01/2020, 12/02/2020");
  });

  it("flags two scopes claiming the same day, on both", () => {
    const { findings } = orderPeriods([p("Seg 1", "2020-11-30", "HSBC"), p("Seg 1 (2)", "2020-11-30", "HSBC"), p("Seg 2", "2020-12-01", "HSBC")]);
    expect(kinds(findings, "Seg 1")).toEqual(["period-duplicate"]);
    expect(kinds(findings, "Seg 1 (2)")).toEqual(["period-duplicate"]);
    expect(findings.get("Seg 1")![0].message).toContain("report 11/30/2020 for HSBC");
    expect(kinds(findings, "Seg 2")).toEqual([]);
  });

  it("keeps entities apart: the same day for two entities is no duplicate", () => {
    const { series, findings } = orderPeriods([p("A", "2020-11-30", "Firm A"), p("B", "2020-11-30", "Firm B")]);
    expect(series).toHaveLength(2);
    expect(findings.size).toBe(0);
  });

  it("says a statement is dated on a weekend or holiday, and notes undated scopes when others are dated", () => {
    const { findings } = orderPeriods([p("Sat", "2020-11-28"), p("Thx", "2020-11-26"), p("Notes", null)]);
    expect(findings.get("Sat")![0].message).toContain("a Saturday");
    expect(findings.get("Thx")![0].message).toContain("Thanksgiving Day");
    expect(kinds(findings, "Notes")).toEqual(["period-undated"]);
  });

  it("treats month-end statements as monthly, flagging a missing month end rather than every business day", () => {
    expect(cadenceOf(["2020-09-30", "2020-10-30", "2020-11-30"])).toBe("monthly");
    const { findings } = orderPeriods([p("Sep", "2020-09-30"), p("Nov", "2020-11-30")]);
    expect(findings.get("Nov")![0].message).toContain("1 month end between 09/30/2020 and 11/30/2020: 10/30/2020");
  });

  it("says nothing about undated workbooks", () => {
    expect(orderPeriods([p("Seg", null), p("Other", null)]).findings.size).toBe(0);
  });
});
