import type { StatementDef } from "../types";
import { add, sub, sum } from "./terms";

/** (b) Segregation requirements and funds in segregation for customers' dealer options accounts: Reg 32.6. Usually blank. */
export const dealerOptions326: StatementDef = {
  id: "dealer-options-32.6",
  aliases: ["32.6"],
  title: "Segregation requirements and funds in segregation for customers' dealer options accounts",
  short: "32.6 dealer options",
  regulation: "CFTC Reg 32.6",
  wording: {
    titles: [
      "Segregation requirements and funds in segregation for customers' dealer options accounts",
      "Dealer options accounts (Regulation 32.6)",
    ],
  },
  lines: [
    {
      code: "7200",
      line: "1",
      label: "Amount required to be segregated in accordance with Reg 32.6",
      kind: "input",
      wording: ["Amount required to be segregated in accordance with Commission regulation 32.6"],
    },
    {
      code: "7210",
      line: "2A",
      label: "Funds in segregated accounts: cash",
      kind: "input",
      wording: ["Funds in segregated accounts > Cash"],
    },
    {
      code: "7220",
      line: "2B",
      label: "Funds in segregated accounts: securities (at market)",
      kind: "input",
      wording: ["Funds in segregated accounts > Securities (at market)"],
    },
    {
      code: "7230",
      line: "2C",
      label: "Funds in segregated accounts: total",
      kind: "derived",
      wording: ["Funds in segregated accounts > Total"],
      formula: sum(add("7210"), add("7220")),
    },
    // The form's wording reads "subtract line 2.C from line 1"; an excess is funds minus requirement.
    {
      code: "7240",
      line: "3",
      label: "Excess (deficiency) funds in segregation",
      kind: "derived",
      wording: ["Excess (deficiency) funds in segregation"],
      formula: sum(add("7230"), sub("7200")),
    },
  ],
  summary: {
    kind: "segregation",
    excess: "7240",
    deficiencyRule:
      "Reg 32.6: dealer options funds under-segregated (Reg 1.12(h) names futures, cleared swaps and 30.7 funds, not dealer options: no Reg 1.12 notice is listed for it)",
  },
  crossChecks: [],
};
