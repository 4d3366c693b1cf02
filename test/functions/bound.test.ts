import type { ScopeReport } from "../../src/engine";
import {
  checkLine,
  lineValue,
  statementArgument,
  statementStatus,
  STATEMENT_ALIASES,
} from "../../src/functions/bound";
import { BadArgument, NotAvailable, UnreadableCell } from "../../src/functions/errors";
import { scopeFor, sheetOfAddress } from "../../src/functions/scope";
import { validateWorkbook, type WorkbookReport } from "../../src/workbook/validate";
import { XlsxReader } from "../../src/workbook/xlsx-reader";
import { SMALL_SEG } from "../workbook/fixtures";
import { cellOf, periodBook, type PeriodSheet } from "./workbook";

/** 4d(2) that ties: 7040 = 100 + 20 - |-5| = 115, 7180 = 150, 7190 = 35, 7198 = 35 - 30 = 5. */
const TIES: PeriodSheet = {
  name: "Day 1",
  lines: { ...SMALL_SEG, "7194": 30, "7198": 5 },
};
/** 7040 keyed 10 over its parts, 7180 left blank (its parts give 150), 25 under a target of 40. */
const OFF: PeriodSheet = {
  name: "Day 2",
  lines: {
    "7010": 100,
    "7020": 20,
    "7033": 5,
    "7040": 125,
    "7060": 125,
    "7070": 150,
    "7180": null,
    "7190": 25,
    "7194": 40,
    "7198": -15,
  },
};
/** A condensed statement (7040 without its parts) that is deficient: 7190 = 100 - 115. */
const DEFICIENT: PeriodSheet = {
  name: "Day 3",
  lines: { "7040": 115, "7060": 115, "7070": 100, "7180": 100, "7190": -15 },
};
/** An error value, a word where an amount belongs, and a name at #REF!. */
const BROKEN: PeriodSheet = {
  name: "Day 4",
  lines: { "7010": { error: "#REF!" }, "7020": 20, "7040": 120, "7060": "see note", "7070": "n/a" },
  names: [{ name: "FOCUS_7194", refersTo: "#REF!" }],
};
/** 8% of 12,345 is 987.6, rounded half up to 988; the minimum is the $1,000,000 floor. */
const CAPITAL: PeriodSheet = { name: "Capital", lines: { "7415": 12345, "3750": 500_000 } };
/** Net capital alone: the minimum is the floor, the early-warning level has nothing behind it. */
const CAPITAL_ONLY_NET: PeriodSheet = { name: "Capital 2", lines: { "3750": 2_000_000 } };
/** 0.1 + 0.2 is 0.30000000000000004 in doubles, 0.3 in the engine's decimals. */
const CENTS: PeriodSheet = { name: "Cents", lines: { "7010": 0.1, "7020": 0.2, "7060": 0.3 } };

const SHEETS = [TIES, OFF, DEFICIENT, BROKEN, CAPITAL, CAPITAL_ONLY_NET, CENTS];

let report: WorkbookReport;
beforeAll(async () => {
  report = await validateWorkbook(new XlsxReader(periodBook(SHEETS)));
});

const scope = (sheet: PeriodSheet): ScopeReport => scopeFor(report, sheet.name, undefined);

describe("FOCUS.LINE", () => {
  it("gives the bound cell's amount, with the code as a number or as text", () => {
    expect(lineValue(scope(TIES), 7010)).toBe(100);
    expect(lineValue(scope(TIES), " 7033 ")).toBe(-5); // the keyed sign: the line's value is what was keyed
    expect(lineValue(scope(OFF), "7040")).toBe(125); // reported, even when it does not tie
  });

  it("computes an unbound or blank total from its parts, in exact decimals", () => {
    expect(lineValue(scope(OFF), 7180)).toBe(150); // bound but blank
    expect(lineValue(scope(CENTS), 7040)).toBe(0.3); // unbound: 0.1 + 0.2
    expect(lineValue(scope(CAPITAL), 7425)).toBe(988); // ROUND half up of 987.6
    expect(lineValue(scope(CAPITAL), 7490)).toBe(1_000_000); // greatest of 988, 0, 0 and the floor
    expect(lineValue(scope(CAPITAL), 7495)).toBe(1087); // 110% of 988 = 1,086.8
    expect(lineValue(scope(CAPITAL_ONLY_NET), 7490)).toBe(1_000_000); // the floor alone
  });

  it("is #N/A for a line with nothing bound behind it", () => {
    expect(() => lineValue(scope(TIES), 7045)).toThrow(NotAvailable);
    expect(() => lineValue(scope(TIES), 7050)).toThrow(
      /line 7050 is not bound in scope "Day 1", nor is any of its parts/
    );
    expect(() => lineValue(scope(CAPITAL_ONLY_NET), 7495)).toThrow(NotAvailable);
    expect(() => lineValue(scope(TIES), 7490)).toThrow(/not bound/); // no line of the capital statement is bound
  });

  it("is #VALUE! naming the cell when the bound cell, or a part behind an unbound total, cannot be read", () => {
    expect(() => lineValue(scope(BROKEN), 7010)).toThrow(UnreadableCell);
    expect(() => lineValue(scope(BROKEN), 7010)).toThrow(
      `${cellOf(BROKEN, "7010")}: the error #REF!`
    );
    expect(() => lineValue(scope(BROKEN), 7180)).toThrow(`${cellOf(BROKEN, "7070")}: text "n/a"`);
    expect(() => lineValue(scope(BROKEN), 7194)).toThrow(/FOCUS_7194/);
    expect(lineValue(scope(BROKEN), 7040)).toBe(120); // a readable total does not depend on its parts
  });

  it("rejects codes that name no amount", () => {
    expect(() => lineValue(scope(TIES), 9999)).toThrow(new BadArgument("unknown FOCUS code 9999"));
    expect(() => lineValue(scope(TIES), 7010.5)).toThrow(/whole number/);
    expect(() => lineValue(scope(TIES), null)).toThrow(/a FOCUS code is required/);
    expect(() => lineValue(scope(TIES), 7510)).toThrow(/7510 holds text/);
  });
});

describe("FOCUS.CHECK", () => {
  it("is OK when a bound total ties with its parts", () => {
    for (const code of ["7040", "7060", "7180", "7190", "7198"])
      expect(checkLine(scope(TIES), code)).toBe("OK");
    expect(checkLine(scope(CENTS), 7060)).toBe("OK"); // 0.1 + 0.2 ties with 0.3
  });

  it("gives reported - computed when it does not", () => {
    expect(checkLine(scope(OFF), 7040)).toBe(10);
  });

  it("says why a total cannot be judged", () => {
    expect(checkLine(scope(TIES), 7050)).toBe("not bound");
    expect(checkLine(scope(DEFICIENT), 7040)).toBe("not checked");
    expect(checkLine(scope(OFF), 7180)).toBe("blank");
  });

  it("is #VALUE! naming the cell when the total or one of its parts cannot be read", () => {
    expect(() => checkLine(scope(BROKEN), 7040)).toThrow(
      `7040 cannot be checked: line 1A (7010) Net ledger balance: cash at ${cellOf(BROKEN, "7010")}`
    );
    expect(() => checkLine(scope(BROKEN), 7060)).toThrow(
      `${cellOf(BROKEN, "7060")}: text "see note"`
    );
    expect(checkLine(scope(BROKEN), 7180)).toBe("not bound"); // its part 7070 is unreadable, but nothing is keyed to judge
  });

  it("rejects a line that is not a total", () => {
    expect(() => checkLine(scope(TIES), 7010)).toThrow(
      new BadArgument("7010 (Net ledger balance: cash) is not a total: only totals can be checked")
    );
    expect(() => checkLine(scope(TIES), "abc")).toThrow(BadArgument);
  });
});

describe("FOCUS.STATUS", () => {
  it("gives each statement's status", () => {
    expect(statementStatus(scope(TIES), "4d2")).toBe("OK");
    expect(statementStatus(scope(OFF), "seg-4d2")).toBe("BELOW TARGET");
    expect(statementStatus(scope(DEFICIENT), "4D(2)")).toBe("DEFICIENT");
    expect(statementStatus(scope(CAPITAL), "capital")).toBe("DEFICIENT"); // 500,000 under the $1,000,000 floor
    expect(statementStatus(scope(CAPITAL_ONLY_NET), "cftc-capital")).toBe("OK");
    expect(statementStatus(scope(TIES), 30.7)).toBe("NOT BOUND");
  });

  it("is #VALUE! naming the cell when the excess cannot be computed because a cell cannot be read", () => {
    expect(() => statementStatus(scope(BROKEN), "4d2")).toThrow(
      `${cellOf(BROKEN, "7070")}: text "n/a"`
    );
  });

  it("knows every statement by its id and its short name, and nothing else", () => {
    for (const [alias, id] of STATEMENT_ALIASES)
      expect(statementArgument(alias.toUpperCase())).toBe(id);
    expect(new Set(STATEMENT_ALIASES.values()).size).toBe(5);
    expect(statementArgument(32.6)).toBe("dealer-options-32.6");
    expect(statementArgument(" 4DF ")).toBe("cleared-swaps-4df");
    expect(() => statementArgument("4d3")).toThrow(
      /unknown statement "4d3": use one of seg-4d2, .*capital/
    );
    expect(() => statementArgument(null)).toThrow(BadArgument);
    expect(() => statementArgument("constructor")).toThrow(BadArgument);
  });
});

describe("scope", () => {
  it("defaults to the calling cell's sheet", () => {
    expect(scopeFor(report, undefined, "'Day 2'!B9").scope).toBe("Day 2");
    expect(scopeFor(report, null, "[Book1]Capital!A1").scope).toBe("Capital");
    expect(scopeFor(report, "", "'Day 1'!$A$1").scope).toBe("Day 1");
  });

  it("takes a named scope, in any case, over the calling cell's", () => {
    expect(scopeFor(report, "day 3", "'Day 1'!A1").scope).toBe("Day 3");
    expect(() => scopeFor(report, "Day 9", "'Day 1'!A1")).toThrow(
      new BadArgument(
        'no scope "Day 9": the scopes are "Day 1", "Day 2", "Day 3", "Day 4", "Capital", … (7 in all)'
      )
    );
    expect(() => scopeFor(report, true, "'Day 1'!A1")).toThrow(BadArgument);
  });

  it("asks for a scope when the calling sheet is none and the workbook has sheet scopes", () => {
    expect(() => scopeFor(report, undefined, "Summary!A1")).toThrow(
      /^sheet 'Summary' holds no FOCUS_ names: give the scope as the last argument; the scopes are "Day 1"/
    );
    expect(() => scopeFor(report, "workbook", "Summary!A1")).toThrow(/no scope "workbook"/);
  });

  it("falls back to the workbook scope when no sheet is a scope", async () => {
    const workbookLevel = await validateWorkbook(
      new XlsxReader(periodBook([{ ...TIES, name: "Data" }, { name: "Summary" }], "workbook"))
    );
    expect(scopeFor(workbookLevel, undefined, "Summary!A1").scope).toBe("workbook");
    expect(scopeFor(workbookLevel, "Workbook", "Summary!A1").scope).toBe("workbook");
    expect(lineValue(scopeFor(workbookLevel, undefined, "Summary!A1"), 7190)).toBe(35);
    expect(() => lineValue(scopeFor(workbookLevel, undefined, "Summary!A1"), 7050)).toThrow(
      /not bound in the workbook/
    );
  });

  it("reads the sheet out of the addresses Excel passes", () => {
    expect(sheetOfAddress("Sheet1!A1")).toBe("Sheet1");
    expect(sheetOfAddress("'Day 1'!$B$2")).toBe("Day 1");
    expect(sheetOfAddress("'It''s'!A1")).toBe("It's");
    expect(sheetOfAddress("'Q1!'!A1")).toBe("Q1!");
    expect(sheetOfAddress("'[Book 1.xlsx]Day 1'!A1")).toBe("Day 1");
    expect(sheetOfAddress("A1")).toBeNull();
    expect(sheetOfAddress(undefined)).toBeNull();
  });
});
