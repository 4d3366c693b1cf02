import type { StatementDef } from "../types";
import { INFERRED as I } from "./inferred-codes";
import { add, sub, sum } from "./terms";
import { OPTIONS_HELD_ELSEWHERE, SECURITIES_IN_LIEU } from "./bases";

/** (d) Cleared swaps customer segregation requirements and funds: CEA 4d(f), Part 22. */
export const clearedSwaps4df: StatementDef = {
  id: "cleared-swaps-4df",
  aliases: ["4df", "4d(f)"],
  title:
    "Cleared swaps customer segregation requirements and funds in cleared swaps customer accounts under 4d(f) of the CEA",
  short: "4d(f) cleared swaps",
  regulation: "CEA 4d(f); CFTC Part 22",
  wording: {
    titles: [
      "Cleared swaps customer segregation requirements and funds in cleared swaps customer accounts under 4d(f) of the CEA",
      "Statement of cleared swaps customer segregation requirements under section 4d(f)",
    ],
    parts: [
      { headings: ["Cleared swaps customer requirements"] },
      { headings: ["Funds in cleared swaps customer segregated accounts"] },
    ],
  },
  lines: [
    {
      code: "8500",
      line: "1A",
      label: "Net ledger balance: cash",
      kind: "signed",
      wording: ["Net ledger balance > Cash"],
    },
    {
      code: "8510",
      line: "1B",
      label: "Net ledger balance: securities (at market)",
      kind: "input",
      wording: ["Net ledger balance > Securities (at market)"],
    },
    {
      code: "8520",
      line: "2",
      label: "Net unrealized profit (loss) in open cleared swaps",
      kind: "signed",
      wording: ["Net unrealized profit (loss) in open cleared swaps"],
    },
    {
      code: "8530",
      line: "3A",
      label: "Market value of open cleared swaps option contracts purchased",
      kind: "input",
      wording: [
        "Cleared swaps options > Market value of open cleared swaps option contracts purchased",
      ],
    },
    {
      code: "8540",
      line: "3B",
      label: "Market value of open cleared swaps option contracts granted (sold)",
      kind: "deduct",
      wording: [
        "Cleared swaps options > Market value of open cleared swaps option contracts granted (sold)",
      ],
    },
    {
      code: "8550",
      line: "4",
      label: "Net equity (deficit)",
      kind: "derived",
      wording: ["Net equity (deficit)"],
      formula: sum(add("8500"), add("8510"), add("8520"), add("8530"), sub("8540")),
    },
    {
      code: "8560",
      inner: true,
      line: "5",
      label: "Accounts liquidating to a deficit and with debit balances, gross",
      kind: "input",
      wording: [
        "Accounts liquidating to a deficit and accounts with debit balances - gross amount",
      ],
    },
    {
      code: I.swapsOffset,
      inner: true,
      line: "5",
      label: "Less amount offset by customer owned securities",
      kind: "deduct",
      wording: ["Less: amount offset by customer owned securities"],
    },
    {
      code: "8580",
      line: "5",
      label: "Accounts liquidating to a deficit, net",
      kind: "derived",
      wording: ["Accounts liquidating to a deficit and accounts with debit balances - net"],
      formula: sum(add("8560"), sub(I.swapsOffset)),
    },
    {
      code: "8590",
      line: "6",
      label: "Amount required to be segregated for cleared swaps customers",
      kind: "derived",
      wording: ["Amount required to be segregated for cleared swaps customers"],
      formula: sum(add("8550"), add("8580")),
    },
    {
      code: "8600",
      line: "7A",
      label: "Cleared swaps bank accounts: cash",
      kind: "input",
      wording: ["Deposited in cleared swaps customer segregated accounts at banks > Cash"],
    },
    {
      code: "8610",
      line: "7B",
      label: "Cleared swaps bank accounts: investments of customers' funds",
      kind: "input",
      wording: [
        "Deposited in cleared swaps customer segregated accounts at banks > Securities representing investments of cleared swaps customers' funds (at market)",
      ],
    },
    {
      code: "8620",
      line: "7C",
      label: "Cleared swaps bank accounts: securities in lieu of cash",
      kind: "input",
      wording: [
        "Deposited in cleared swaps customer segregated accounts at banks > Securities held for particular cleared swaps customers in lieu of cash (at market)",
      ],
    },
    {
      code: "8630",
      line: "8A",
      label: "Margins on deposit with DCOs: cash",
      kind: "input",
      wording: [
        "Margins on deposit with derivatives clearing organizations in cleared swaps customer segregated accounts > Cash",
      ],
    },
    {
      code: "8640",
      line: "8B",
      label: "Margins on deposit with DCOs: investments of customers' funds",
      kind: "input",
      wording: [
        "Margins on deposit with derivatives clearing organizations in cleared swaps customer segregated accounts > Securities representing investments of cleared swaps customers' funds (at market)",
      ],
    },
    {
      code: "8650",
      line: "8C",
      label: "Margins on deposit with DCOs: securities in lieu of cash",
      kind: "input",
      wording: [
        "Margins on deposit with derivatives clearing organizations in cleared swaps customer segregated accounts > Securities held for particular cleared swaps customers in lieu of cash (at market)",
      ],
    },
    {
      code: "8660",
      line: "9",
      label: "Net settlement from (to) DCOs",
      kind: "signed",
      wording: ["Net settlement from (to) derivatives clearing organizations"],
    },
    {
      code: "8670",
      line: "10A",
      label: "Value of open cleared swaps long option contracts",
      kind: "input",
      wording: ["Cleared swaps options > Value of open cleared swaps long option contracts"],
    },
    {
      code: "8680",
      line: "10B",
      label: "Value of open cleared swaps short option contracts",
      kind: "deduct",
      wording: ["Cleared swaps options > Value of open cleared swaps short option contracts"],
    },
    {
      code: "8690",
      line: "11A",
      label: "Net equities with other FCMs: net liquidating equity",
      kind: "signed",
      wording: ["Net equities with other FCMs > Net liquidating equity"],
    },
    {
      code: "8700",
      line: "11B",
      label: "Net equities with other FCMs: investments of customers' funds",
      kind: "input",
      wording: [
        "Net equities with other FCMs > Securities representing investments of cleared swaps customers' funds (at market)",
      ],
    },
    {
      code: "8710",
      line: "11C",
      label: "Net equities with other FCMs: securities in lieu of cash",
      kind: "input",
      wording: [
        "Net equities with other FCMs > Securities held for particular cleared swaps customers in lieu of cash (at market)",
      ],
    },
    {
      code: "8715",
      line: "12",
      label: "Cleared swaps customer funds on hand",
      kind: "input",
      wording: ["Cleared swaps customer funds on hand"],
    },
    {
      code: "8720",
      line: "13",
      label: "Total amount in cleared swaps customer segregation",
      kind: "derived",
      formula: sum(
        add("8600"),
        add("8610"),
        add("8620"),
        add("8630"),
        add("8640"),
        add("8650"),
        add("8660"),
        add("8670"),
        sub("8680"),
        add("8690"),
        add("8700"),
        add("8710"),
        add("8715")
      ),
    },
    {
      code: "8730",
      line: "14",
      label: "Excess (deficiency) funds in cleared swaps customer segregation",
      kind: "derived",
      wording: ["Excess (deficiency) funds in cleared swaps customer segregation"],
      formula: sum(add("8720"), sub("8590")),
    },
    {
      code: "8760",
      line: "15",
      label: "Management target amount for excess funds in cleared swaps segregated accounts",
      kind: "policy",
      wording: ["Management target amount for excess funds in cleared swaps segregated accounts"],
    },
    {
      code: "8770",
      line: "16",
      label:
        "Excess (deficiency) funds in cleared swaps segregated accounts over (under) management target",
      kind: "derived",
      wording: [
        "Excess (deficiency) funds in cleared swaps customer segregated accounts over (under) management target excess",
      ],
      formula: sum(add("8730"), sub("8760")),
    },
  ],
  summary: {
    kind: "segregation",
    excess: "8730",
    targetAmount: "8760",
    overTarget: "8770",
    deficiencyRule:
      "CEA 4d(f) and Reg 22.2: cleared swaps customer funds under-segregated; immediate notice under Reg 1.12(h)",
    belowTargetRule:
      "Reg 1.11 targeted residual interest: immediate notice under Reg 1.12(j); NFA Financial Requirements §16",
    withdrawalRule:
      "Reg 22.17(c): withdrawing more than 25% of residual interest in cleared swaps customer accounts needs written approval by the CEO or CFO and immediate notice; NFA Financial Requirements §16",
  },
  crossChecks: [
    {
      id: "options-purchased-both-sides",
      basis: OPTIONS_HELD_ELSEWHERE,
      relation: "approx",
      left: [add("8530")],
      right: [add("8670")],
      description: "Cleared swaps options purchased {left} should equal long options held {right}",
    },
    {
      id: "options-granted-both-sides",
      basis: OPTIONS_HELD_ELSEWHERE,
      relation: "approx",
      left: [add("8540")],
      right: [add("8680")],
      description: "Cleared swaps options granted {left} should equal short options held {right}",
    },
    {
      id: "securities-in-lieu",
      basis: SECURITIES_IN_LIEU,
      relation: "approx",
      left: [add("8510")],
      right: [add("8620"), add("8650"), add("8710")],
      description:
        "Securities in the net ledger balance {left} should equal securities held in lieu of cash {right}",
    },
    {
      id: "offset-not-over-gross",
      basis: {
        kind: "rule",
        rule: "Part 22, the cleared swaps counterpart of Reg 1.32(b): a cleared swaps customer's net deficit may be offset by securities held for that customer, so no offset exceeds the deficits",
      },
      relation: "not-greater",
      left: [add(I.swapsOffset)],
      right: [add("8560")],
      description:
        "The offset by customer owned securities {left} cannot exceed the gross debit balances {right}",
    },
  ],
};
