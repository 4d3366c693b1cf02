import type { StatementDef } from "../types";
import { INFERRED as I } from "./inferred-codes";
import { add, greatest, pct } from "./terms";

/**
 * (e) CFTC minimum capital requirement (Reg 1.17(a)(1)(i)) and early-warning level (Reg 1.12(b)).
 * Only 7475 is printed in the seed; every other code here comes from INFERRED.
 */
export const cftcCapital: StatementDef = {
  id: "cftc-capital",
  aliases: ["capital"],
  title: "Minimum CFTC net capital requirement and early-warning level",
  short: "CFTC capital",
  regulation: "CFTC Reg 1.17(a)(1)(i), 1.12(b)",
  wording: { titles: ["Minimum CFTC net capital requirement", "CFTC early-warning level"] },
  lines: [
    {
      code: I.capCustomerRiskMargin,
      line: "A.i",
      label: "Customer risk maintenance margin",
      kind: "input",
    },
    {
      code: I.capCustomerRiskPct,
      line: "A.ii",
      label: "8% of customer risk maintenance margin",
      kind: "derived",
      formula: pct(I.capCustomerRiskMargin, "0.08"),
    },
    {
      code: I.capNoncustomerRiskMargin,
      line: "A.iii",
      label: "Noncustomer risk maintenance margin",
      kind: "input",
    },
    {
      code: I.capNoncustomerRiskPct,
      line: "A.iv",
      label: "8% of noncustomer risk maintenance margin",
      kind: "derived",
      formula: pct(I.capNoncustomerRiskMargin, "0.08"),
    },
    {
      code: I.capRiskBased,
      line: "A",
      label: "Risk-based requirement",
      kind: "derived",
      formula: { op: "sum", terms: [add(I.capCustomerRiskPct), add(I.capNoncustomerRiskPct)] },
    },
    {
      code: I.capMinimumDollar,
      line: "B",
      label: "Minimum dollar amount requirement",
      kind: "input",
    },
    { code: "7475", line: "C", label: "Other NFA requirement", kind: "input" },
    {
      code: I.capMinimum,
      line: "D",
      label: "Minimum CFTC net capital requirement (greatest of A, B, C and $1,000,000)",
      kind: "derived",
      formula: greatest([add(I.capRiskBased), add(I.capMinimumDollar), add("7475")], {
        floorDollars: "1000000",
      }),
    },
    {
      code: I.capEarlyWarning,
      line: "EW",
      label: "CFTC early-warning level (greatest of 110% of A, 150% of B, 150% of C)",
      kind: "derived",
      // Reg 1.12(b)(1)-(3); the NFA leg is 110% when that requirement is margin-based and at least A (1.12(b)(3)).
      formula: greatest(
        [
          add(I.capRiskBased, "1.10"),
          add(I.capMinimumDollar, "1.50"),
          { ...add("7475", "1.50"), marginBased: { factor: "1.10", atLeast: I.capRiskBased } },
        ],
        { roundToDollar: true }
      ),
    },
    { code: I.capNetCapital, line: "NC", label: "Adjusted net capital", kind: "signed" },
  ],
  summary: {
    kind: "capital",
    netCapital: I.capNetCapital,
    minimum: I.capMinimum,
    earlyWarning: I.capEarlyWarning,
    belowMinimumRule:
      "Reg 1.17(a)(1)(i): adjusted net capital below the minimum requirement; immediate notice under Reg 1.12(a)",
    earlyWarningRule:
      "Reg 1.12(b): adjusted net capital below the early-warning level; notice within 24 hours",
  },
  crossChecks: [],
};
