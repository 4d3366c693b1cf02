import {
  decimalFromFloat,
  type CellContent,
  type Dec,
  grouped,
  type FindingKind,
  ruleOf,
} from "../../engine";

/**
 * An amount as accountants read it: thousands separators, negatives in
 * parentheses, whole units. A non-zero amount that would round to 0 keeps its
 * cents, so a real difference never reads as nothing.
 */
export function formatAmount(d: Dec): string {
  const whole = d.toDecimalPlaces(0);
  const shown = whole.isZero() && !d.isZero() ? d.toDecimalPlaces(2) : whole;
  const text = grouped(shown.abs());
  return shown.isNegative() && !shown.isZero() ? `(${text})` : text;
}

/** An amount, or "blank" where there is none. */
export function formatOptionalAmount(d: Dec | null | undefined): string {
  return d === null || d === undefined ? "blank" : formatAmount(d);
}

/** A cell's content as the user would recognise it. */
export function formatCellContent(content: CellContent | undefined): string {
  const v = content?.value;
  if (!v || v.type === "blank") return "blank";
  switch (v.type) {
    case "number": {
      const d = decimalFromFloat(v.value);
      return d ? formatAmount(d) : String(v.value);
    }
    case "text":
      return `"${v.text.length > 40 ? `${v.text.slice(0, 40)}…` : v.text}"`;
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "error":
      return v.error;
  }
}

/** What a finding's `expected` is: a total's computed value, or the amount it was compared with. */
export function expectedLabel(kind: FindingKind): string {
  return ruleOf(kind).expected;
}

/** A finding kind in words ("below-target" -> "Below target"): its label in the registry. */
export function kindLabel(kind: FindingKind): string {
  return ruleOf(kind).label;
}

/** 2026-11-24T06:30:30.401Z as 11/24/2026 06:30 UTC. */
export function utcTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]} ${m[4]}:${m[5]} UTC` : iso;
}
