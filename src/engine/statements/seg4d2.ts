import type { StatementDef } from "../types";
import { INFERRED as I } from "./inferred-codes";
import { add, sub, sum } from "./terms";
import { OPTIONS_HELD_ELSEWHERE, SECURITIES_IN_LIEU } from "./bases";

/** (a) Segregation requirements and funds in segregation: CEA 4d(a)(2), Reg 1.20, daily under Reg 1.32. */
export const seg4d2: StatementDef = {
  id: "seg-4d2",
  aliases: ["4d2", "4d(2)"],
  title:
    "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges",
  short: "4d(2) segregation",
  regulation: "CEA 4d(a)(2); CFTC Reg 1.20, 1.32",
  wording: {
    titles: [
      "Segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges",
      "Segregation statement under section 4d(2)",
    ],
    parts: [
      {
        headings: [
          "Segregation requirements (section 4d(2) of the CEAct)",
          "Segregation requirements",
        ],
      },
      { headings: ["Funds in segregated accounts", "Funds on deposit in segregation"] },
    ],
  },
  lines: [
    {
      code: "7010",
      line: "1A",
      label: "Net ledger balance: cash",
      kind: "signed",
      wording: ["Net ledger balance > Cash"],
    },
    {
      code: "7020",
      line: "1B",
      label: "Net ledger balance: securities (at market)",
      kind: "input",
      wording: ["Net ledger balance > Securities (at market)"],
    },
    {
      code: I.segUnrealized,
      line: "2",
      label: "Net unrealized profit (loss) in open futures contracts",
      kind: "signed",
      wording: [
        "Net unrealized profit (loss) in open futures contracts traded on a contract market",
      ],
    },
    {
      code: "7032",
      line: "3A",
      label: "Add market value of open option contracts purchased",
      kind: "input",
      wording: [
        "Exchange traded options > Add market value of open option contracts purchased on a contract market",
      ],
    },
    {
      code: "7033",
      line: "3B",
      label: "Deduct market value of open option contracts granted (sold)",
      kind: "deduct",
      wording: [
        "Exchange traded options > Deduct market value of open option contracts granted (sold) on a contract market",
      ],
    },
    {
      code: "7040",
      line: "4",
      label: "Net equity (deficit)",
      kind: "derived",
      formula: sum(add("7010"), add("7020"), add(I.segUnrealized), add("7032"), sub("7033")),
    },
    {
      code: "7045",
      inner: true,
      line: "5",
      label: "Accounts liquidating to a deficit and with debit balances, gross",
      kind: "input",
      wording: [
        "Accounts liquidating to a deficit and accounts with debit balances - gross amount",
      ],
    },
    {
      code: "7047",
      inner: true,
      line: "5",
      label: "Less amount offset by customer owned securities",
      kind: "deduct",
      wording: ["Less: amount offset by customer owned securities"],
    },
    {
      code: "7050",
      line: "5",
      label: "Accounts liquidating to a deficit, net",
      kind: "derived",
      wording: ["Accounts liquidating to a deficit and accounts with debit balances - net"],
      formula: sum(add("7045"), sub("7047")),
    },
    {
      code: "7060",
      line: "6",
      label: "Amount required to be segregated",
      kind: "derived",
      wording: ["Amount required to be segregated"],
      formula: sum(add("7040"), add("7050")),
    },
    {
      code: "7070",
      line: "7A",
      label: "Segregated bank accounts: cash",
      kind: "input",
      wording: ["Deposited in segregated funds bank accounts > Cash"],
    },
    {
      code: "7080",
      line: "7B",
      label: "Segregated bank accounts: securities representing investments of customers' funds",
      kind: "input",
      wording: [
        "Deposited in segregated funds bank accounts > Securities representing investments of customers' funds (at market)",
      ],
    },
    {
      code: "7090",
      line: "7C",
      label: "Segregated bank accounts: securities held for customers in lieu of cash",
      kind: "input",
      wording: [
        "Deposited in segregated funds bank accounts > Securities held for particular customers or option customers in lieu of cash (at market)",
      ],
    },
    {
      code: "7100",
      line: "8A",
      label: "Margins on deposit with DCOs: cash",
      kind: "input",
      wording: [
        "Margins on deposit with derivatives clearing organizations of contract markets > Cash",
      ],
    },
    {
      code: "7110",
      line: "8B",
      label: "Margins on deposit with DCOs: investments of customers' funds",
      kind: "input",
      wording: [
        "Margins on deposit with derivatives clearing organizations of contract markets > Securities representing investments of customers' funds (at market)",
      ],
    },
    {
      code: I.segDcoInLieu,
      line: "8C",
      label: "Margins on deposit with DCOs: securities in lieu of cash",
      kind: "input",
      wording: [
        "Margins on deposit with derivatives clearing organizations of contract markets > Securities held for particular customers or option customers in lieu of cash (at market)",
      ],
    },
    {
      code: "7130",
      line: "9",
      label: "Net settlement from (to) DCOs",
      kind: "signed",
      wording: ["Net settlement from (to) derivatives clearing organizations of contract markets"],
    },
    {
      code: "7132",
      line: "10A",
      label: "Value of open long option contracts",
      kind: "input",
      wording: ["Exchange traded options > Value of open long option contracts"],
    },
    {
      code: "7133",
      line: "10B",
      label: "Value of open short option contracts",
      kind: "deduct",
      wording: ["Exchange traded options > Value of open short option contracts"],
    },
    {
      code: "7140",
      line: "11A",
      label: "Net equities with other FCMs: net liquidating equity",
      kind: "signed",
      wording: ["Net equities with other FCMs > Net liquidating equity"],
    },
    {
      code: "7160",
      line: "11B",
      label: "Net equities with other FCMs: investments of customers' funds",
      kind: "input",
      wording: [
        "Net equities with other FCMs > Securities representing investments of customers' funds (at market)",
      ],
    },
    {
      code: "7170",
      line: "11C",
      label: "Net equities with other FCMs: securities in lieu of cash",
      kind: "input",
      wording: [
        "Net equities with other FCMs > Securities held for particular customers or option customers in lieu of cash (at market)",
      ],
    },
    {
      code: "7150",
      line: "12",
      label: "Segregated funds on hand",
      kind: "input",
      wording: ["Segregated funds on hand"],
    },
    {
      code: "7180",
      line: "13",
      label: "Total amount in segregation",
      kind: "derived",
      formula: sum(
        add("7070"),
        add("7080"),
        add("7090"),
        add("7100"),
        add("7110"),
        add(I.segDcoInLieu),
        add("7130"),
        add("7132"),
        sub("7133"),
        add("7140"),
        add("7160"),
        add("7170"),
        add("7150")
      ),
    },
    {
      code: I.segExcess,
      line: "14",
      label: "Excess (deficiency) funds in segregation",
      kind: "derived",
      wording: ["Excess (deficiency) funds in segregation"],
      formula: sum(add("7180"), sub("7060")),
    },
    {
      code: "7194",
      line: "15",
      label: "Management target amount for excess funds in segregation",
      kind: "policy",
      wording: ["Management target amount for excess funds in segregation"],
    },
    {
      code: "7198",
      line: "16",
      label: "Excess (deficiency) funds in segregation over (under) management target",
      kind: "derived",
      wording: [
        "Excess (deficiency) funds in segregation over (under) management target amount excess",
      ],
      formula: sum(add(I.segExcess), sub("7194")),
    },
  ],
  summary: {
    kind: "segregation",
    excess: I.segExcess,
    targetAmount: "7194",
    overTarget: "7198",
    deficiencyRule:
      "CEA 4d(a)(2) and Reg 1.20: under-segregated; immediate notice under Reg 1.12(h)",
    belowTargetRule:
      "Reg 1.11 targeted residual interest: immediate notice under Reg 1.12(j); NFA Financial Requirements §16",
    withdrawalRule:
      "Reg 1.23(c): withdrawing more than 25% of residual interest needs written approval by the CEO or CFO and immediate notice; NFA Financial Requirements §16",
  },
  crossChecks: [
    {
      id: "options-purchased-both-sides",
      basis: OPTIONS_HELD_ELSEWHERE,
      relation: "approx",
      left: [add("7032")],
      right: [add("7132")],
      description:
        "Options purchased {left} should equal long options held {right}: the same options seen from both sides",
    },
    {
      id: "options-granted-both-sides",
      basis: OPTIONS_HELD_ELSEWHERE,
      relation: "approx",
      left: [add("7033")],
      right: [add("7133")],
      description:
        "Options granted {left} should equal short options held {right}: the same options seen from both sides",
    },
    {
      id: "securities-in-lieu",
      basis: SECURITIES_IN_LIEU,
      relation: "approx",
      left: [add("7020")],
      right: [add("7090"), add(I.segDcoInLieu), add("7170")],
      rightOptional: [add("7150")],
      description:
        "Securities in the net ledger balance {left} should equal securities held in lieu of cash {right}, plus any securities among funds on hand {optional}",
    },
    {
      id: "offset-not-over-gross",
      basis: {
        kind: "rule",
        rule: "Reg 1.32(b): a customer's net deficit may be offset by securities held for that customer, so no offset exceeds the deficits",
      },
      relation: "not-greater",
      left: [add("7047")],
      right: [add("7045")],
      description:
        "The offset by customer owned securities {left} cannot exceed the gross debit balances {right}",
    },
  ],
};
