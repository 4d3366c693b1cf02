/**
 * A cell's value as Excel shows it under a number format: the common subset (sections for
 * positive;negative;zero;text, digit placeholders 0 # ?, thousands separators, decimals,
 * percent, literals, quoted text, _x spacing), and dates as ISO dates. Colours and
 * conditions in brackets are ignored; scientific notation shows as General.
 */
import { isDateFormat } from "../../src/engine";
import { isError, numberToText, type Scalar } from "../../sim/formula/values";

interface NumberSection {
  prefix: string;
  suffix: string;
  decimals: number;
  /** Decimal places shown even when zero (0 rather than #). */
  requiredDecimals: number;
  /** At least one integer digit is shown (0 in the integer part). */
  leadingZero: boolean;
  grouping: boolean;
  /** Multiplier from % (×100) and trailing commas (÷1000 each). */
  scale: number;
  /** Holds an @: text values go into it. */
  text: boolean;
}

const parsed = new Map<string, NumberSection[] | null>();

/** What a cell shows: its value under `format` ("General" when it has none). */
export function formatCell(value: Scalar, format: string): string {
  if (value === null) return "";
  if (isError(value)) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = sectionsOf(format);
  if (typeof value === "string") {
    const textSection = sections?.[3];
    return textSection?.text ? `${textSection.prefix}${value}${textSection.suffix}` : value;
  }
  if (!sections) return numberToText(value);
  if (isDateFormat(format)) return isoDate(value);
  const negative = value < 0;
  const section =
    value > 0
      ? sections[0]
      : negative
        ? (sections[1] ?? sections[0])
        : (sections[2] ?? sections[0]);
  // A format with one section shows negatives with a minus sign; later sections spell their own.
  const sign = negative && !sections[1] ? "-" : "";
  return `${sign}${section.prefix}${digits(Math.abs(value), section)}${section.suffix}`;
}

function digits(n: number, s: NumberSection): string {
  const fixed = (n * s.scale).toFixed(s.decimals);
  const [whole, fraction = ""] = fixed.split(".");
  let integer = whole === "0" && !s.leadingZero ? "" : whole;
  if (s.grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const shown =
    fraction.slice(0, s.requiredDecimals) + fraction.slice(s.requiredDecimals).replace(/0+$/, "");
  return shown ? `${integer}.${shown}` : integer;
}

/** The format's sections, or null for General (and for what this subset cannot read). */
function sectionsOf(format: string): NumberSection[] | null {
  let sections = parsed.get(format);
  if (sections === undefined) {
    sections = /^\s*general\s*$/i.test(format) || format === "" ? null : parse(format);
    if (parsed.size < 1000) parsed.set(format, sections);
  }
  return sections;
}

function parse(format: string): NumberSection[] | null {
  const sections: NumberSection[] = [];
  let current = emptySection();
  let placeholders = "";
  let afterNumber = false;
  const literal = (text: string) => {
    if (placeholders || afterNumber) current.suffix += text;
    else current.prefix += text;
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === ";") {
      sections.push(finish(current, placeholders));
      current = emptySection();
      placeholders = "";
      afterNumber = false;
    } else if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      literal(format.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? format.length : end;
    } else if (ch === "\\") {
      literal(format[++i] ?? "");
    } else if (ch === "_") {
      i++;
      literal(" "); // room for the next character (e.g. "_)" lines positives up with "(…)")
    } else if (ch === "*") {
      i++; // fill character: a preview has no column to fill
    } else if (ch === "[") {
      i = format.indexOf("]", i);
      if (i < 0) return null;
    } else if (ch === "@") {
      current.text = true;
      afterNumber = true;
    } else if (ch === "%") {
      current.scale *= 100;
      literal("%");
    } else if (/[0#?.,]/.test(ch) && !afterNumber) {
      placeholders += ch;
    } else if (/[Ee]/.test(ch) && placeholders) {
      return null;
    } else {
      if (placeholders) afterNumber = true;
      literal(ch);
    }
  }
  sections.push(finish(current, placeholders));
  return sections;
}

function emptySection(): NumberSection {
  return {
    prefix: "",
    suffix: "",
    decimals: 0,
    requiredDecimals: 0,
    leadingZero: false,
    grouping: false,
    scale: 1,
    text: false,
  };
}

function finish(section: NumberSection, placeholders: string): NumberSection {
  const trailingCommas = /,+$/.exec(placeholders.split(".")[0])?.[0].length ?? 0;
  const [integer, fraction = ""] = placeholders.split(".");
  return {
    ...section,
    scale: section.scale / 1000 ** trailingCommas,
    decimals: fraction.replace(/,/g, "").length,
    requiredDecimals: (/^0*/.exec(fraction)?.[0] ?? "").length,
    leadingZero: integer.includes("0"),
    grouping: /[0#?],+[0#?]/.test(integer),
  };
}

/** An Excel date serial (1900 system) as yyyy-mm-dd, with the time when there is one. */
function isoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000); // 25569: 1970-01-01
  const iso = new Date(ms).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
