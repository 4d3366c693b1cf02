import type { CellContent } from "./cell";
import { Dec } from "./decimal";
import { isDateFormat } from "./number-format";

/** What reading one bound cell as an amount gives. Never throws. */
export type AmountRead =
  | { status: "number"; value: Dec; fromText: boolean; text?: string }
  | { status: "blank" }
  | { status: "bad"; reason: string };

/** A float as Excel shows it: 15 significant digits, then exact decimal arithmetic. */
export function decimalFromFloat(n: number): Dec | null {
  if (!Number.isFinite(n)) return null;
  // Whole amounts under 10^15 have at most 15 digits: exact as they are (the common case, and fast).
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return new Dec(n);
  return new Dec(n.toPrecision(15));
}

const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const MINUS = /^[-\u2212\u2012\u2013]/;
const TRAILING_MINUS = /[-\u2212\u2012\u2013]$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SPACED = /^\d{1,3}(?: \d{3})+(?:\.\d*)?$/;

/**
 * Numeric text as accountants key it: "(1,482,000,000)", "$3,197,000,000",
 * "1 234", "1,234-", "−5". Returns null for anything else.
 */
export function parseNumericText(raw: string): Dec | null {
  let s = raw.trim().replace(/[\u00a0\u2007\u2009\u202f]/g, " ");
  if (s === "") return null;
  if (/^[-\u2212\u2012\u2013\u2014]$/.test(s)) return new Dec(0); // a dash keyed for nil
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  let signs = 0;
  if (MINUS.test(s)) {
    negative = !negative;
    signs++;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trim();
  }
  if (s.startsWith("$")) s = s.slice(1).trim();
  if (signs === 0 && MINUS.test(s)) {
    // "$-5"
    negative = !negative;
    signs++;
    s = s.slice(1).trim();
  }
  if (signs === 0 && TRAILING_MINUS.test(s)) {
    negative = !negative;
    signs++;
    s = s.slice(0, -1).trim();
  }
  if (paren && signs > 0) return null; // "(-5)" is not a way anyone keys a number
  if (s.startsWith("$")) s = s.slice(1).trim();
  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replace(/,/g, "");
  else if (SPACED.test(s)) digits = s.replace(SPACES, "");
  else return null;
  if (digits.endsWith(".")) digits = digits.slice(0, -1);
  const d = new Dec(digits);
  return negative ? d.neg() : d;
}

/** Read a bound cell as an amount. A formula counts by its cached result. */
export function readAmount(content: CellContent): AmountRead {
  const v = content.value;
  if (v === null)
    return {
      status: "bad",
      reason: "formula with no cached result (recalculate and save the workbook)",
    };
  switch (v.type) {
    case "blank":
      return { status: "blank" };
    case "number": {
      if (isDateFormat(content.numberFormat)) {
        return {
          status: "bad",
          reason: `a date-formatted number (format "${content.numberFormat}") where an amount belongs`,
        };
      }
      const d = decimalFromFloat(v.value);
      return d
        ? { status: "number", value: d, fromText: false }
        : { status: "bad", reason: "not a finite number" };
    }
    case "text": {
      if (v.text.trim() === "") return { status: "blank" };
      const d = parseNumericText(v.text);
      if (d) return { status: "number", value: d, fromText: true, text: v.text };
      return { status: "bad", reason: `text "${truncate(v.text)}" where an amount belongs` };
    }
    case "boolean":
      return {
        status: "bad",
        reason: `a logical value (${v.value ? "TRUE" : "FALSE"}) where an amount belongs`,
      };
    case "error":
      return { status: "bad", reason: `the error ${v.error}` };
  }
}

/**
 * Cell text shown inside a message: one line, short, and with control characters
 * (terminal escape sequences among them) made visible as "?", so a hostile
 * workbook cannot drive the reviewer's terminal.
 */
export function truncate(s: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const control = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
  const oneLine = s.replace(/\s+/g, " ").replace(control, "?");
  return oneLine.length > max ? oneLine.slice(0, max - 1) + "…" : oneLine;
}
