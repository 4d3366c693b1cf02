import { STATEMENTS, type Code, type StatementId } from "../../src/engine";
import type { CellModel, SheetModel, WorkbookModel } from "../../sim";
import { loadReference, type RefRow, type RefSection } from "./reference";

/**
 * Statements re-worded the way other firms print them, for testing generalisation.
 * HELD OUT: the matcher's wording data (src/engine/statements/*.ts) was written from the
 * Goldman 2014–2017 schedules and the seed only; nothing below was added to it. Keys are
 * the reference rows' codes (or heading texts, for headings); each entry another firm's words.
 */
export const HELD_OUT_LINES: Record<Code, string[]> = {
  "7030": [
    "Net unrealized profit/(loss) on open futures contracts",
    "Net unrealized gain (loss) in open futures contracts traded on a contract market",
  ],
  "7032": [
    "Add: Market value of open option contracts purchased on a contract market",
    "Market value of open options purchased",
  ],
  "7033": [
    "Deduct: Market value of open option contracts granted (sold) on a contract market",
    "Less: market value of open options granted (sold)",
  ],
  "7040": ["Net Equity/(Deficit)", "Total net equity (deficit)"],
  "7045": [
    "Accounts liquidating to a deficit and accounts with debit balances, gross amount",
    "Accounts liquidating to a deficit and accounts with debit balances – gross",
  ],
  "7047": [
    "Deduct – Amount offset against U.S. Treasury obligations owned by customers",
    "Less amount offset by customer owned securities",
  ],
  "7060": ["Total amount required to be segregated", "Amount required to be segregated"],
  "7080": [
    "Securities representing investment of customers' funds (at market)",
    "Securities representing investments of customer funds, at market",
  ],
  "7090": [
    "Securities held for particular customers or option customers in lieu of cash, at market",
  ],
  "7130": [
    "Net settlement from (to) derivatives clearing organizations",
    "Net settlement due from (to) DCOs of contract markets",
  ],
  "7132": ["Value of open long options"],
  "7133": ["Value of open short options"],
  "7150": ["Segregated funds on hand (describe)"],
  "7190": ["Excess/(deficiency) funds in segregation"],
  "7194": ["Management target amount"],
  "7198": [
    "Excess funds in segregation over management target",
    "Excess (deficiency) funds in segregation over (under) management target amount",
  ],
  "7200": ["Amount required to be segregated under Regulation 32.6"],
  "7230": ["Total"],
  "7240": ["Excess/(deficiency) funds in segregation"],
  "7305": [
    "Amount required to be set aside pursuant to law, rule or regulation of a foreign government or a rule of a self-regulatory organization",
    "Amount required to be set aside by a foreign government or SRO",
  ],
  "7325": [
    "Net unrealized profit/(loss) on open foreign futures contracts",
    "Net unrealized profit (loss) in open futures contracts traded on foreign boards of trade",
  ],
  "7335": ["Market value of open options purchased on a foreign board of trade"],
  "7337": ["Market value of open option contracts granted (sold) on a foreign board of trade"],
  "7351": ["Accounts liquidating to a deficit and accounts with debit balances, gross amount"],
  "7352": ["Deduct – Amount offset against U.S. Treasury obligations owned by customers"],
  "7355": [
    "Secured amount – net liquidating equity method",
    "Amount required to be set aside as the secured amount under the net liquidating equity method",
  ],
  "7360": ["Greater of the foreign jurisdiction requirement or line 6"],
  "7500": ["Banks in the U.S."],
  "7520": ["Other banks designated under Regulation 30.7"],
  "7600": ["Unrealized gain/(loss) on open futures contracts"],
  "7660": ["Amount due to/(from) clearing organizations – daily variation"],
  "7720": ["Unrealized gain/(loss) on open futures contracts"],
  "7770": ["Total funds in separate Regulation 30.7 accounts"],
  "7380": [
    "Excess/(deficiency) set aside funds for secured amount",
    "Excess (deficiency) set-aside funds for the secured amount",
  ],
  "7780": ["Management target amount"],
  "7785": ["Excess/(deficiency) funds in separate 30.7 accounts over/(under) management target"],
  "8520": ["Net unrealized profit/(loss) in open cleared swaps"],
  "8530": ["Market value of open cleared swaps options purchased"],
  "8540": ["Market value of open cleared swaps options granted (sold)"],
  "8560": ["Accounts liquidating to a deficit and accounts with debit balances, gross amount"],
  "8570": ["Deduct – Amount offset against U.S. Treasury obligations owned by customers"],
  "8590": ["Total amount required to be segregated for cleared swaps customers"],
  "8660": ["Net settlement from/(to) DCOs"],
  "8715": ["Cleared swaps customer funds on hand (describe)"],
  "8730": ["Excess/(deficiency) funds in cleared swaps customer segregation"],
  "8760": ["Management target amount"],
  "8770": [
    "Excess/(deficiency) funds in cleared swaps customer segregated accounts over/(under) management target",
  ],
};

/** Headings re-worded, by the reference heading's words (line markers and case ignored). */
export const HELD_OUT_HEADINGS: Record<string, string[]> = {
  "net ledger balance": ["Net ledger balance:", "Customers' net ledger balance"],
  "exchange traded options": ["Exchange-traded options:", "Options"],
  "deposited in segregated funds bank accounts": [
    "Funds deposited in segregated bank accounts",
    "Segregated funds on deposit at banks",
  ],
  "margins on deposit with derivatives clearing organizations of contract markets": [
    "Margins on deposit with DCOs of contract markets",
    "Margin deposits with derivatives clearing organizations",
  ],
  "net equities with other fcms": [
    "Net equities with other futures commission merchants",
    "Net equity with other FCMs",
  ],
  "cash in banks": ["Cash held in banks"],
  "equities with registered futures commission merchants": [
    "Equities with registered FCMs",
    "Equity with registered futures commission merchants",
  ],
  "amounts held by clearing organizations of foreign boards of trade": [
    "Held by clearing organizations of foreign boards of trade",
  ],
  "amounts held by members of foreign boards of trade": [
    "Held by members of foreign boards of trade",
  ],
  "funds in segregated accounts": ["Funds on deposit in segregation"],
  "deposited in cleared swaps customer segregated accounts at banks": [
    "Cleared swaps customer funds deposited in segregated bank accounts",
  ],
  "margins on deposit with derivatives clearing organizations in cleared swaps customer segregated accounts":
    ["Margins on deposit with DCOs in cleared swaps customer segregated accounts"],
};

/** The dealer options statement as the form words it (the references print it blank or not at all). */
export const DEALER_OPTIONS: RefSection = {
  statement: "dealerOptions326",
  title:
    "Statement of Segregation Requirements and Funds in Segregation for Customers' Dealer Options Accounts",
  rows: [
    {
      text: "1. Amount required to be segregated in accordance with Commission regulation 32.6",
      code: "7200",
      column: 0,
      hasAmount: true,
    },
    { text: "2. Funds in segregated accounts", code: null, column: null, hasAmount: false },
    { text: "A. Cash", code: "7210", column: 0, hasAmount: true },
    { text: "B. Securities (at market)", code: "7220", column: 0, hasAmount: true },
    { text: "C. Total", code: "7230", column: 0, hasAmount: true },
    {
      text: "3. Excess (deficiency) funds in segregation (subtract line 2.C from line 1)",
      code: "7240",
      column: 0,
      hasAmount: true,
    },
  ],
};

/** A firm's statements as published: its sections with amounts, the dealer options statement second. */
export function publishedSections(slug: string): RefSection[] {
  const sections = loadReference(slug).sections.filter((s) => s.rows.some((r) => r.hasAmount));
  return [...sections.slice(0, 1), DEALER_OPTIONS, ...sections.slice(1)];
}

/** The wording, numbering and case as the filing prints them; nothing re-worded, mistyped or left out. */
export const AS_PUBLISHED: Style = {
  numbering: "form",
  case: "as-is",
  reword: 0,
  typo: 0,
  drop: 0,
  unit: "(in millions)",
  stacked: false,
  dollarColumn: false,
};

const ENGINE_ID: Record<RefSection["statement"], StatementId> = {
  seg4d2: "seg-4d2",
  dealerOptions326: "dealer-options-32.6",
  secured307: "secured-30.7",
  clearedSwaps4df: "cleared-swaps-4df",
};

/** The same seed gives the same corpus every run. */
export { seeded as rng } from "../support/seeded";

/**
 * Internally consistent amounts for the lines a statement prints: inputs random, lines not
 * printed zero, totals computed by the form's formulas, funds above the requirement and the
 * management target below the excess (so a correct binding gives no error).
 */
export function amountsFor(
  id: StatementId,
  printed: Set<Code>,
  random: () => number
): Map<Code, number> {
  const st = STATEMENTS.find((s) => s.id === id)!;
  const values = new Map<Code, number>();
  const pick = () => Math.floor(random() * 40000) + 1;
  for (const l of st.lines) {
    if (l.formula || !printed.has(l.code) || l.kind === "text") continue;
    values.set(l.code, l.kind === "signed" && random() < 0.25 ? -pick() : pick());
  }
  const compute = () => {
    for (const l of st.lines) {
      if (!l.formula) continue;
      // Deduct lines are keyed as positive magnitudes here, so every term is sign x value.
      const signed = l.formula.terms.map((t) => t.sign * (values.get(t.code) ?? 0));
      values.set(
        l.code,
        l.formula.op === "sum" ? signed.reduce((a, b) => a + b, 0) : Math.max(...signed)
      );
    }
  };
  compute();
  // Offsets within their gross; the excess above zero with room for the target.
  for (const [offset, gross] of [
    ["7047", "7045"],
    ["7352", "7351"],
    ["8570", "8560"],
  ]) {
    if (values.has(offset) && values.has(gross))
      values.set(offset, Math.min(values.get(offset)!, values.get(gross)!));
  }
  compute();
  const summary = st.summary;
  const excess = summary.kind === "segregation" ? summary.excess : null;
  if (excess && summary.kind === "segregation") {
    const fundsInput = st.lines.find(
      (l) =>
        !l.formula && l.kind === "input" && printed.has(l.code) && usedBy(st.lines, l.code, excess)
    );
    const short = values.get(excess)!;
    if (fundsInput && short < 1000)
      values.set(fundsInput.code, values.get(fundsInput.code)! + (1000 - short) + pick());
    else if (short < 1000) {
      // No funds line printed: no requirement either.
      for (const l of st.lines) if (!l.formula && values.has(l.code)) values.set(l.code, 0);
    }
    compute();
    const target = summary.targetAmount;
    if (target && printed.has(target))
      values.set(target, Math.floor(Math.max(values.get(excess)!, 0) / 2));
    compute();
  }
  for (const code of [...values.keys()]) if (!printed.has(code)) values.delete(code);
  return values;
}

/** Whether a line counts, through the totals, positively towards `target`. */
function usedBy(
  lines: { code: Code; formula?: { terms: { code: Code; sign: number }[] } }[],
  code: Code,
  target: Code
): boolean {
  const t = lines.find((l) => l.code === target);
  if (!t?.formula) return false;
  return t.formula.terms.some(
    (term) => term.sign > 0 && (term.code === code || usedBy(lines, code, term.code))
  );
}

export interface Style {
  numbering: "form" | "indent" | "flat" | "marker-column";
  case: "as-is" | "upper" | "lower";
  reword: number;
  typo: number;
  drop: number;
  unit: string | null;
  stacked: boolean;
  dollarColumn: boolean;
}

export interface Built {
  model: WorkbookModel;
  /** 'Sheet'!A1 → code, for every amount cell. */
  truth: Map<string, Code>;
  amountCells: number;
}

const MARKER = /^\s*((?:\d{1,2}|[A-H])\s*\.|[A-H](?=\s+[A-Z]))\s*/;

function typo(text: string, random: () => number): string {
  const words = text.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{7,}$/.test(w));
  if (!long.length) return text;
  const [w, i] = long[Math.floor(random() * long.length)];
  const at = 1 + Math.floor(random() * (w.length - 3));
  const kind = random();
  words[i] =
    kind < 0.34
      ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
      : kind < 0.67
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at) + w[at] + w.slice(at);
  return words.join(" ");
}

function recase(text: string, style: Style): string {
  return style.case === "upper"
    ? text.toUpperCase()
    : style.case === "lower"
      ? text.toLowerCase()
      : text;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Lay out a firm's statements as published, re-worded by `style`, with consistent amounts. */
export function buildWorkbook(
  sections: RefSection[],
  style: Style,
  random: () => number,
  sheetNames?: string[]
): Built {
  const sheets: SheetModel[] = [];
  const truth = new Map<string, Code>();
  let amountCells = 0;
  let sheet: SheetModel | null = null;
  let row = 1;
  const labelCol = style.numbering === "marker-column" ? "B" : "A";
  const inner = style.dollarColumn ? "D" : "C";
  const main = style.dollarColumn ? "F" : "D";
  sections.forEach((section, si) => {
    if (!sheet || !style.stacked) {
      sheet = {
        name:
          sheetNames?.[si] ??
          (style.stacked
            ? "Statements"
            : ENGINE_ID[section.statement].replace(/[^A-Za-z0-9]/g, " ").trim()),
        cells: [],
      };
      sheets.push(sheet);
      row = 1;
      if (style.unit) sheet.cells.push({ ref: `A${row++}`, value: style.unit });
    } else row += 2;
    const s: SheetModel = sheet;
    s.cells.push({ ref: `A${row++}`, value: recase(section.title, style) });
    const kept = section.rows.filter((r, i) => {
      if (!r.hasAmount || !r.code) return true;
      const pairedWithNext = section.rows[i + 1]?.sameLineAsPrevious;
      if (r.sameLineAsPrevious || pairedWithNext) return true; // two figures on one line stay together
      return random() >= style.drop;
    });
    const printed = new Set(kept.filter((r) => r.hasAmount && r.code).map((r) => r.code!));
    const values = amountsFor(ENGINE_ID[section.statement], printed, random);
    for (const r of kept) {
      if (r.sameLineAsPrevious) row--;
      else {
        let text = (r.reading ?? r.text).trim();
        const m = MARKER.exec(text);
        const marker = m ? m[1].replace(/\s+/g, "") : null;
        let words = m ? text.slice(m[0].length) : text;
        const alternatives = r.code
          ? HELD_OUT_LINES[r.code]
          : HELD_OUT_HEADINGS[words.toLowerCase().replace(/[:.]$/, "")];
        if (alternatives && random() < style.reword)
          words = alternatives[Math.floor(random() * alternatives.length)];
        if (random() < style.typo) words = typo(words, random);
        words = recase(words, style);
        const isLetter = marker !== null && /^[A-H]/.test(marker);
        if (style.numbering === "form") text = marker ? `${marker} ${words}` : words;
        else if (style.numbering === "marker-column") {
          if (marker) s.cells.push({ ref: `A${row}`, value: marker });
          text = words;
        } else if (style.numbering === "indent") text = `${"  ".repeat(isLetter ? 2 : 0)}${words}`;
        else text = words;
        s.cells.push({ ref: `${labelCol}${row}`, value: text });
      }
      if (r.hasAmount && r.code) {
        const col = r.column === 1 ? inner : main;
        const value = values.get(r.code) ?? 0;
        s.cells.push({ ref: `${col}${row}`, value, numberFormat: "#,##0;(#,##0)" } as CellModel);
        if (style.dollarColumn && random() < 0.3)
          s.cells.push({ ref: `${r.column === 1 ? "C" : "E"}${row}`, value: "$" });
        truth.set(`${quote(s.name)}!${col}${row}`, r.code);
        amountCells++;
      }
      row++;
    }
  });
  return { model: { sheets }, truth, amountCells };
}

export type { RefRow };
