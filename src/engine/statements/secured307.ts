import type { StatementDef } from "../types";
import { INFERRED as I } from "./inferred-codes";
import { add, greatest, sub, sum } from "./terms";

/** (c) Secured amounts and funds held in separate Reg 30.7 accounts (foreign futures and options), two pages. */
export const secured307: StatementDef = {
  id: "secured-30.7",
  aliases: ["30.7"],
  title: "Secured amounts and funds held in separate accounts pursuant to Commission Regulation 30.7",
  short: "30.7 secured amounts",
  regulation: "CFTC Reg 30.7",
  wording: { titles: ["Secured amounts and funds held in separate accounts pursuant to Commission Regulation 30.7"], parts: [{ page: 1, headings: ["Foreign futures and foreign options secured amounts"] }, { page: 2, headings: ["Funds deposited in separate regulation 30.7 accounts", "Funds on deposit in separate 30.7 accounts"] }] },
  lines: [
    // Page 1: the requirement.
    { page: 1, code: "7305", line: "-", label: "Amount required to be set aside by a foreign jurisdiction or SRO", kind: "input", wording: ["Amount required to be set aside pursuant to law, rule or regulation of a foreign government or a rule of a self-regulatory organization authorized thereunder"] },
    { page: 1, code: "7315", line: "1A", label: "Net ledger balance: cash", kind: "signed", wording: ["Net ledger balance - foreign futures and foreign option trading - all customers > Cash"] },
    { page: 1, code: I.securedSecurities, line: "1B", label: "Net ledger balance: securities (at market)", kind: "input", wording: ["Net ledger balance - foreign futures and foreign option trading - all customers > Securities (at market)"] },
    { page: 1, code: "7325", line: "2", label: "Net unrealized profit (loss) in open futures on foreign boards of trade", kind: "signed", wording: ["Net unrealized profit (loss) in open futures contracts traded on a foreign board of trade"] },
    { page: 1, code: "7335", line: "3A", label: "Market value of open option contracts purchased", kind: "input", wording: ["Exchange traded options > Market value of open option contracts purchased on a foreign board of trade"] },
    { page: 1, code: "7337", line: "3B", label: "Market value of open option contracts granted (sold)", kind: "deduct", wording: ["Exchange traded options > Market value of open contracts granted (sold) on a foreign board of trade"] },
    {
      page: 1, code: "7345", line: "4", label: "Net equity (deficit)", kind: "derived",
      formula: sum(add("7315"), add(I.securedSecurities), add("7325"), add("7335"), sub("7337")),
    },
    { page: 1, code: "7351", inner: true, line: "5", label: "Accounts liquidating to a deficit and with debit balances, gross", kind: "input", wording: ["Accounts liquidating to a deficit and accounts with debit balances - gross amount"] },
    { page: 1, code: "7352", inner: true, line: "5", label: "Less amount offset by customer owned securities", kind: "deduct", wording: ["Less: amount offset by customer owned securities"] },
    { page: 1, code: "7354", line: "5", label: "Accounts liquidating to a deficit, net", kind: "derived", wording: ["Accounts liquidating to a deficit and accounts with debit balances - net"], formula: sum(add("7351"), sub("7352")) },
    { page: 1, code: "7355", line: "6", label: "Secured amount, net liquidating equity method", kind: "derived", wording: ["Amount required to be set aside as the secured amount - net liquidating equity method"], formula: sum(add("7345"), add("7354")) },
    { page: 1, code: "7360", line: "7", label: "Greater of the foreign requirement or line 6", kind: "derived", wording: ["Greater of amount required to be set aside pursuant to foreign jurisdiction (above) or line 6"], formula: greatest([add("7305"), add("7355")]) },
    // Page 2: the funds.
    { page: 2, code: "7500", inner: true, line: "1A", label: "Cash in banks located in the United States", kind: "input", wording: ["Cash in banks > Banks located in the United States"] },
    { page: 2, code: "7510", line: "1B", label: "Name(s) of other banks qualified under Reg 30.7", kind: "text" },
    { page: 2, code: "7520", inner: true, line: "1B", label: "Cash in other banks qualified under Reg 30.7", kind: "input", wording: ["Cash in banks > Other banks qualified under Regulation 30.7"] },
    { page: 2, code: "7530", line: "1", label: "Cash in banks: total", kind: "derived", wording: ["Cash in banks > Total", "Total cash in banks"], formula: sum(add("7500"), add("7520")) },
    { page: 2, code: "7540", inner: true, line: "2A", label: "Securities in safekeeping with banks located in the United States", kind: "input", wording: ["Securities > In safekeeping with banks located in the United States"] },
    { page: 2, code: "7550", line: "2B", label: "Name(s) of other banks holding securities", kind: "text" },
    { page: 2, code: "7560", inner: true, line: "2B", label: "Securities in safekeeping with other qualified banks", kind: "input", wording: ["Securities > In safekeeping with other banks qualified under Regulation 30.7"] },
    { page: 2, code: "7570", line: "2", label: "Securities: total", kind: "derived", wording: ["Securities > Total", "Total securities in safekeeping"], formula: sum(add("7540"), add("7560")) },
    { page: 2, code: "7580", inner: true, line: "3A", label: "Equities with registered FCMs: cash", kind: "input", wording: ["Equities with registered futures commission merchants > Cash"] },
    { page: 2, code: "7590", inner: true, line: "3B", label: "Equities with registered FCMs: securities", kind: "input", wording: ["Equities with registered futures commission merchants > Securities"] },
    { page: 2, code: "7600", inner: true, line: "3C", label: "Equities with registered FCMs: unrealized gain (loss) on open futures", kind: "signed", wording: ["Equities with registered futures commission merchants > Unrealized gain (loss) on open futures contracts"] },
    { page: 2, code: "7610", inner: true, line: "3D", label: "Equities with registered FCMs: value of long option contracts", kind: "input", wording: ["Equities with registered futures commission merchants > Value of long option contracts"] },
    { page: 2, code: "7615", inner: true, line: "3E", label: "Equities with registered FCMs: value of short option contracts", kind: "deduct", wording: ["Equities with registered futures commission merchants > Value of short option contracts"] },
    {
      page: 2, code: "7620", line: "3", label: "Equities with registered FCMs: total", kind: "derived",
      formula: sum(add("7580"), add("7590"), add("7600"), add("7610"), sub("7615")),
    },
    { page: 2, code: "7630", line: "4", label: "Name(s) of clearing organizations of foreign boards of trade", kind: "text" },
    { page: 2, code: "7640", inner: true, line: "4A", label: "Clearing organizations of foreign boards: cash", kind: "input", wording: ["Amounts held by clearing organizations of foreign boards of trade > Cash"] },
    { page: 2, code: "7650", inner: true, line: "4B", label: "Clearing organizations of foreign boards: securities", kind: "input", wording: ["Amounts held by clearing organizations of foreign boards of trade > Securities"] },
    { page: 2, code: "7660", inner: true, line: "4C", label: "Amount due to (from) clearing organizations: daily variation", kind: "signed", wording: ["Amounts held by clearing organizations of foreign boards of trade > Amount due to (from) clearing organizations - daily variation"] },
    { page: 2, code: "7670", inner: true, line: "4D", label: "Clearing organizations of foreign boards: value of long option contracts", kind: "input", wording: ["Amounts held by clearing organizations of foreign boards of trade > Value of long option contracts"] },
    { page: 2, code: "7675", inner: true, line: "4E", label: "Clearing organizations of foreign boards: value of short option contracts", kind: "deduct", wording: ["Amounts held by clearing organizations of foreign boards of trade > Value of short option contracts"] },
    {
      page: 2, code: "7680", line: "4", label: "Amounts held by clearing organizations of foreign boards: total", kind: "derived",
      formula: sum(add("7640"), add("7650"), add("7660"), add("7670"), sub("7675")),
    },
    { page: 2, code: "7690", line: "5", label: "Name(s) of members of foreign boards of trade", kind: "text" },
    { page: 2, code: "7700", inner: true, line: "5A", label: "Members of foreign boards: cash", kind: "input", wording: ["Amounts held by members of foreign boards of trade > Cash"] },
    { page: 2, code: "7710", inner: true, line: "5B", label: "Members of foreign boards: securities", kind: "input", wording: ["Amounts held by members of foreign boards of trade > Securities"] },
    { page: 2, code: "7720", inner: true, line: "5C", label: "Members of foreign boards: unrealized gain (loss) on open futures", kind: "signed", wording: ["Amounts held by members of foreign boards of trade > Unrealized gain (loss) on open futures contracts"] },
    { page: 2, code: "7730", inner: true, line: "5D", label: "Members of foreign boards: value of long option contracts", kind: "input", wording: ["Amounts held by members of foreign boards of trade > Value of long option contracts"] },
    { page: 2, code: "7735", inner: true, line: "5E", label: "Members of foreign boards: value of short option contracts", kind: "deduct", wording: ["Amounts held by members of foreign boards of trade > Value of short option contracts"] },
    {
      page: 2, code: "7740", line: "5", label: "Amounts held by members of foreign boards: total", kind: "derived",
      formula: sum(add("7700"), add("7710"), add("7720"), add("7730"), sub("7735")),
    },
    { page: 2, code: "7750", line: "6", label: "Name(s) of other depositories designated by a foreign board", kind: "text" },
    { page: 2, code: "7760", line: "6", label: "Amounts with other depositories designated by a foreign board", kind: "input", wording: ["Amounts with other depositories designated by a foreign board of trade"] },
    { page: 2, code: "7765", line: "7", label: "Segregated funds on hand", kind: "input", wording: ["Segregated funds on hand"] },
    {
      page: 2, code: "7770", line: "8", label: "Total funds in separate section 30.7 accounts", kind: "derived",
      formula: sum(add("7530"), add("7570"), add("7620"), add("7680"), add("7740"), add("7760"), add("7765")),
    },
    { page: 2, code: "7380", line: "9", label: "Excess (deficiency) set-aside funds for secured amount", kind: "derived", wording: ["Excess (deficiency) set aside funds for secured amount"], formula: sum(add("7770"), sub("7360")) },
    { page: 2, code: "7780", line: "10", label: "Management target amount for excess funds in separate 30.7 accounts", kind: "policy", wording: ["Management target amount for excess funds in separate section 30.7 accounts"] },
    { page: 2, code: "7785", line: "11", label: "Excess (deficiency) funds in separate 30.7 accounts over (under) management target", kind: "derived", wording: ["Excess (deficiency) funds in separate 30.7 accounts over (under) management target"], formula: sum(add("7380"), sub("7780")) },
  ],
  summary: {
    kind: "segregation",
    excess: "7380",
    targetAmount: "7780",
    overTarget: "7785",
    deficiencyRule: "Reg 30.7: under-secured; immediate notice under Reg 1.12(h)",
    belowTargetRule: "Reg 1.11 targeted residual interest: immediate notice under Reg 1.12(j); NFA Financial Requirements §16",
    withdrawalRule: "Reg 30.7(g): withdrawing more than 25% of residual interest in secured amount accounts needs written approval by the CEO or CFO and immediate notice; NFA Financial Requirements §16",
  },
  crossChecks: [
    {
      id: "options-purchased-both-pages", basis: { kind: "inference", why: "the options customers bought or sold are usually those the firm holds at clearing organizations and other FCMs, but not necessarily all of them" }, relation: "approx", left: [add("7335")], right: [add("7610"), add("7670"), add("7730")],
      description: "Options purchased {left} should equal the long options held at FCMs, clearing organizations and members {right}",
    },
    {
      id: "options-granted-both-pages", basis: { kind: "inference", why: "the options customers bought or sold are usually those the firm holds at clearing organizations and other FCMs, but not necessarily all of them" }, relation: "approx", left: [add("7337")], right: [add("7615"), add("7675"), add("7735")],
      description: "Options granted {left} should equal the short options held at FCMs, clearing organizations and members {right}",
    },
    {
      id: "unrealized-both-pages", basis: { kind: "inference", why: "open positions' unrealized profit (loss) usually sits with the FCMs and members holding them, but the clearing organizations' line is daily variation, settled differently" }, relation: "approx", left: [add("7325")], right: [add("7600"), add("7660"), add("7720")],
      description: "Unrealized profit (loss) {left} should equal the unrealized amounts held at FCMs, clearing organizations and members {right}",
    },
    {
      id: "securities-both-pages", basis: { kind: "inference", why: "customers' securities in the ledger are usually held in lieu of cash at banks, clearing organizations and other FCMs, but a firm may hold or show some elsewhere" }, relation: "approx", left: [add(I.securedSecurities)], right: [add("7570"), add("7590"), add("7650"), add("7710")],
      description: "Securities in the net ledger balance {left} should equal the securities held {right}",
    },
    { id: "offset-not-over-gross", basis: { kind: "rule", rule: "Reg 30.7(a): a 30.7 customer's net deficit may be offset by securities held for that customer, so no offset exceeds the deficits" }, relation: "not-greater", left: [add("7352")], right: [add("7351")], description: "The offset by customer owned securities {left} cannot exceed the gross debit balances {right}" },
  ],
};
