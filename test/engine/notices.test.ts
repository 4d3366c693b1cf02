import {
  checkScope,
  type ScopeReport,
  compareScopes,
  Dec,
  excelFormula,
  finding,
  addBusinessDays,
  BROKER_DEALER_ASSUMPTION,
  dueDate,
  noticesDue,
  NOTICE_RULES,
} from "../../src/engine";
import {
  capitalCheck as capital,
  checkWithFirm as check,
  datedPeriod as dated,
  noticesOf,
  scopeOf,
} from "./helpers";

describe("Reg 1.12(h): a deficiency in segregated, secured or cleared-swaps funds", () => {
  it.each([
    ["7190", "seg-4d2", { "7060": 200, "7180": 199, "7190": -1 }],
    ["7380", "secured-30.7", { "7360": 200, "7770": 199, "7380": -1 }],
    ["8730", "cleared-swaps-4df", { "8590": 200, "8720": 199, "8730": -1 }],
  ])(
    "%s one dollar below zero is an immediate notice to the CFTC and the DSRO",
    (code, statement, values) => {
      const { notices } = noticesOf(check(values));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        rule: "segregation-deficiency",
        paragraph: "Reg 1.12(h)",
        statement,
        code,
        deadline: "immediate",
        due: "2020-11-30",
        recipients: ["CFTC", "DSRO"],
      });
      expect(notices[0].trigger).toContain(`${code} -1`);
    }
  );

  it.each([
    ["7190", { "7060": 200, "7180": 200, "7190": 0 }],
    ["7380", { "7360": 200, "7770": 200, "7380": 0 }],
    ["8730", { "8590": 200, "8720": 200, "8730": 0 }],
  ])("%s at exactly zero is no deficiency and no notice", (_code, values) => {
    const r = check(values);
    expect(r.findings.filter((f) => f.kind === "deficiency")).toEqual([]);
    expect(noticesOf(r).notices).toEqual([]);
  });

  it("a dealer-options deficiency (7240) is flagged, but 1.12(h) does not name it: no notice", () => {
    const r = check({ "7200": 500, "7230": 400, "7240": -100 });
    expect(r.findings.map((f) => f.kind)).toContain("deficiency");
    expect(noticesOf(r).notices).toEqual([]);
  });
});

describe("Reg 1.12(j): residual interest under the targeted residual interest", () => {
  it.each([
    ["7198", "seg-4d2", { "7190": 100, "7194": 101, "7198": -1 }],
    ["7785", "secured-30.7", { "7380": 100, "7780": 101, "7785": -1 }],
    ["8770", "cleared-swaps-4df", { "8730": 100, "8760": 101, "8770": -1 }],
  ])("%s below zero: immediate notice under 1.12(j), not 1.12(i)", (code, statement, values) => {
    const r = check(values);
    const f = r.findings.find((x) => x.kind === "below-target")!;
    expect(f.rule).toContain("Reg 1.12(j)");
    expect(f.rule).not.toContain("1.12(i)");
    const { notices } = noticesOf(r);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      rule: "below-target",
      paragraph: "Reg 1.12(j)",
      statement,
      code,
      deadline: "immediate",
    });
  });

  it("at exactly zero over the target: no notice", () => {
    expect(noticesOf(check({ "7190": 100, "7194": 100, "7198": 0 })).notices).toEqual([]);
  });
});

describe("Reg 1.12(a) and (b): capital below the minimum, below the early-warning level", () => {
  // A 1,200,000; B 1,000,000; C 0: minimum 1,200,000; early warning max(1,320,000, 1,500,000) = 1,500,000.
  it("net capital one dollar under the minimum: 1.12(a), immediately", () => {
    const { notices } = noticesOf(capital(1_200_000, 1_000_000, 0, 1_199_999));
    expect(notices.map((n) => [n.rule, n.paragraph, n.deadline])).toEqual([
      ["below-minimum", "Reg 1.12(a)", "immediate"],
    ]);
  });

  it("net capital equal to the minimum is not below it (but is under the early-warning level)", () => {
    const { notices } = noticesOf(capital(1_200_000, 1_000_000, 0, 1_200_000));
    expect(notices.map((n) => n.rule)).toEqual(["early-warning"]);
  });

  it("one dollar under the early-warning level: 1.12(b), within 24 hours; at the level: nothing", () => {
    const { notices } = noticesOf(capital(1_200_000, 1_000_000, 0, 1_499_999), "2020-11-27");
    expect(notices).toHaveLength(1);
    // Friday 11/27/2020: 24 hours count calendar time, so Saturday.
    expect(notices[0]).toMatchObject({
      rule: "early-warning",
      paragraph: "Reg 1.12(b)",
      deadline: "hours",
      due: "2020-11-28",
    });
    expect(notices[0].dueText).toBe("within 24 hours: by 11/28/2020");
    expect(noticesOf(capital(1_200_000, 1_000_000, 0, 1_500_000)).notices).toEqual([]);
  });
});

describe("Reg 1.12(b)(3): 110% of a margin-based NFA requirement", () => {
  const ew = (r: ScopeReport) => r.lines.find((l) => l.code === "7495")!.value!.toFixed();

  it("margin-based and at least the risk-based amount: 110% of it", () => {
    // A 1,200,000, B 1,000,000, C 2,000,000: 110% of C is 2,200,000; 150% would be 3,000,000.
    const r = capital(1_200_000, 1_000_000, 2_000_000, 2_500_000, { nfaMarginBased: true });
    expect(ew(r)).toBe("2200000");
    expect(r.findings.filter((f) => f.kind === "early-warning" || f.kind === "assumption")).toEqual(
      []
    );
  });

  it('equal to the risk-based amount is enough ("meets or exceeds")', () => {
    expect(ew(capital(2_000_000, 1_000_000, 2_000_000, 5_000_000, { nfaMarginBased: true }))).toBe(
      "2200000"
    );
    expect(ew(capital(2_000_000, 1_000_000, 2_000_000, 5_000_000, { nfaMarginBased: false }))).toBe(
      "3000000"
    );
  });

  it("margin-based but below the risk-based amount: still 150%", () => {
    // A 2,000,000, C 1,999,999: 150% of C = 2,999,998.5 -> 2,999,999 (rounded half up).
    expect(ew(capital(2_000_000, 1_000_000, 1_999_999, 5_000_000, { nfaMarginBased: true }))).toBe(
      "2999999"
    );
  });

  it("not margin-based: 150%, and the 2,500,000 of net capital is under the level", () => {
    const r = capital(1_200_000, 1_000_000, 2_000_000, 2_500_000, { nfaMarginBased: false });
    expect(ew(r)).toBe("3000000");
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => f.kind)).toEqual([
      "early-warning",
    ]);
    expect(r.findings.some((f) => f.kind === "assumption")).toBe(false);
  });

  it("a native formula for the level carries the carve-out only when the scope declares it", () => {
    const all = () => true;
    expect(excelFormula("7495", { isBound: all, nfaMarginBased: true })).toBe(
      "=ROUND(MAX(FOCUS_7455*1.10,FOCUS_7465*1.50,FOCUS_7475*IF(FOCUS_7475>=FOCUS_7455,1.10,1.50)),0)"
    );
    expect(excelFormula("7495", { isBound: all })).toBe(
      "=ROUND(MAX(FOCUS_7455*1.10,FOCUS_7465*1.50,FOCUS_7475*1.50),0)"
    );
  });
});

describe("Reg 1.12(g)(1): net capital down 20% or more from the prior period", () => {
  const net = (scope: string, amount: number, unit = 1) =>
    checkScope({ ...scopeOf({ "3750": amount }), scope, unit: new Dec(unit) });

  it("exactly 20% is a decline; one dollar less is not", () => {
    const at = compareScopes(
      net("12/01", 800_000),
      net("11/30", 1_000_000),
      "this workbook"
    ).findings;
    expect(at.map((f) => f.kind)).toEqual(["capital-decline"]);
    expect(at[0].rule).toMatch(/^Reg 1\.12\(g\)\(1\)/);
    expect(at[0].message).toContain("fell by 200,000 (20.0%) from 1,000,000");
    expect(compareScopes(net("12/01", 800_001), net("11/30", 1_000_000), "x").findings).toEqual([]);
  });

  it("compares in dollars across units, and says nothing over a prior at or below zero", () => {
    expect(
      compareScopes(net("b", 800, 1000), net("a", 1_000_000), "x").findings.map((f) => f.kind)
    ).toEqual(["capital-decline"]);
    expect(compareScopes(net("b", -500), net("a", 0), "x").findings).toEqual([]);
  });

  it("is due within two Reg 1.3 business days, over the Thanksgiving weekend", () => {
    const c = compareScopes(net("Wed", 700_000), net("Tue", 1_000_000), "this workbook");
    const current = net("Wed", 700_000);
    current.findings.push(...c.findings);
    const { notices } = noticesDue({ scopes: [current], periods: [dated("Wed", "2020-11-25")] });
    // Thursday 11/26 is Thanksgiving; Friday 11/27 is day one, Monday 11/30 day two.
    const decline = notices.find((n) => n.rule === "capital-decline")!;
    expect(decline).toMatchObject({
      paragraph: "Reg 1.12(g)(1)",
      deadline: "business-days",
      due: "2020-11-30",
    });
    expect(decline.dueText).toBe("within 2 business days: by 11/30/2020");
  });
});

describe("deadlines in Reg 1.3 business days", () => {
  it.each([
    ["2020-12-04", "2020-12-08", "a Friday: Monday is day one"],
    ["2020-12-24", "2020-12-29", "Christmas Eve: Christmas Day and the weekend do not count"],
    ["2021-01-14", "2021-01-19", "Thursday before Martin Luther King Jr. Day"],
    ["2021-12-30", "2022-01-04", "New Year's Day 2022 (a Saturday) observed on Friday 12/31/2021"],
    ["2020-11-28", "2020-12-01", "from a Saturday: the event's day is never counted"],
  ])("two business days after %s is %s (%s)", (from, to) => {
    expect(addBusinessDays(from, 2)).toBe(to);
  });

  it("without an as-of date the deadline is said, not dated", () => {
    expect(dueDate({ kind: "business-days", days: 2 }, null)).toEqual({
      due: null,
      text: "within 2 business days of the event",
    });
    expect(dueDate({ kind: "immediate" }, null)).toEqual({ due: null, text: "immediately" });
  });
});

describe("the 25% residual-interest withdrawal", () => {
  it("is a notice exactly when the residual-withdrawal finding is there: derived, not recomputed", () => {
    const r = check({ "7190": 100 });
    expect(noticesOf(r).notices).toEqual([]);
    r.findings.push(
      finding("residual-withdrawal", {
        code: "7190",
        statement: "seg-4d2",
        message: "fell",
        reported: new Dec(10),
        expected: new Dec(100),
      })
    );
    const { notices } = noticesOf(r);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      rule: "residual-withdrawal",
      paragraph: "Reg 1.23(c)",
      deadline: "before-withdrawal",
    });
    expect(notices[0].trigger).toContain("7190 10; prior 100");
  });

  it("cites 30.7(g) and 22.17(c) for secured amounts and cleared swaps", () => {
    const r = check({ "7380": 1, "8730": 1 });
    r.findings.push(
      finding("residual-withdrawal", { code: "7380", statement: "secured-30.7", message: "fell" }),
      finding("residual-withdrawal", {
        code: "8730",
        statement: "cleared-swaps-4df",
        message: "fell",
      })
    );
    expect(
      noticesOf(r)
        .notices.map((n) => n.paragraph)
        .sort()
    ).toEqual(["Reg 22.17(c)", "Reg 30.7(g)"]);
  });
});

describe("who is notified, and the order", () => {
  const deficient = { "7060": 200, "7180": 100, "7190": -100 };

  it("a broker-dealer also notifies the SEC; for capital notices its examining authority too", () => {
    const seg = noticesOf(check(deficient, "S", { brokerDealer: true }));
    expect(seg.notices[0].recipients).toEqual(["CFTC", "DSRO", "SEC (Reg 1.12(n)(1))"]);
    expect(seg.assumptions).toEqual([]);
    const cap = noticesOf(capital(1_200_000, 1_000_000, 0, 1_000_000, { brokerDealer: true }));
    expect(cap.notices[0].recipients).toEqual([
      "CFTC",
      "DSRO",
      "SEC (Reg 1.12(n)(1))",
      "its designated examining authority (SEC Rule 17a-11)",
    ]);
  });

  it("not a broker-dealer: the CFTC and the DSRO, with no assumption stated; not bound: the assumption is stated", () => {
    expect(noticesOf(check(deficient, "S", { brokerDealer: false })).assumptions).toEqual([]);
    expect(noticesOf(check(deficient)).assumptions).toEqual([BROKER_DEALER_ASSUMPTION]);
  });

  it("most urgent first: earliest deadline, then immediate before timed", () => {
    const a = check(
      { ...deficient, "7455": 1_200_000, "7465": 1_000_000, "7475": 0, "3750": 1_400_000 },
      "Mon"
    );
    const b = check(deficient, "Tue");
    const { notices } = noticesDue({
      scopes: [b, a],
      periods: [dated("Mon", "2020-11-30"), dated("Tue", "2020-12-01")],
    });
    expect(notices.map((n) => `${n.scope} ${n.rule} ${n.due}`)).toEqual([
      "Mon segregation-deficiency 2020-11-30",
      "Tue segregation-deficiency 2020-12-01",
      "Mon early-warning 2020-12-01",
    ]);
  });

  it("every rule names a paragraph and the CFTC and DSRO", () => {
    for (const r of NOTICE_RULES) {
      for (const s of r.statements)
        expect(typeof r.paragraph === "string" ? r.paragraph : r.paragraph[s]).toMatch(/^Reg \d/);
    }
  });
});
