import type { CellContent } from "../../grid";
import type { Styles } from "./styles";
import { cellRefAt, cellValue, parseSheet, type Keep, type SheetData } from "./sheet-parser";

/**
 * A worksheet part read for the cells asked for. Reading bound cells (a set of keys), the
 * cells are first found by position alone. A wanted cell holding a plain value (<v>123</v>)
 * is read on the spot; other wanted cells and every cell with a formula (a shared formula's
 * master may be among them) go through the tokenizer, with whatever follows the sheet's data
 * (merged areas, protection). A part the scan cannot read with certainty (comments, CDATA,
 * a DTD, processing instructions, prefixed elements, a cell without its plain reference, a
 * '>' inside an attribute) is tokenized whole, as before.
 */
export function readSheet(xml: string, sst: string[], styles: Styles, keep: Keep): SheetData {
  if (keep instanceof Set) {
    const reduced = boundCellsOnly(xml, keep, sst, styles);
    if (reduced) {
      const data = parseSheet(reduced.xml, sst, styles, keep);
      data.cellCount = reduced.cellCount;
      for (const [key, content] of reduced.plain) data.cells.set(key, content);
      return data;
    }
  }
  return parseSheet(xml, sst, styles, keep);
}

const SHEET_DATA = "<sheetData>";
const SHEET_DATA_END = "</sheetData>";

/**
 * The wanted cells with plain values, read; the part cut down to the other wanted cells and
 * every cell with a formula, as well-formed XML for parseSheet; null when the part is not
 * plain enough to cut by position.
 */
export function boundCellsOnly(
  xml: string,
  keys: Set<number>,
  sst: string[],
  styles: Styles
): { xml: string; cellCount: number; plain: Map<number, CellContent> } | null {
  // Outside comments, CDATA and processing instructions, every "<" starts a tag (XML 1.0, 2.4).
  if (xml.includes("<!") || xml.indexOf("<?", 1) >= 0) return null;
  const open = xml.indexOf(SHEET_DATA);
  const close = xml.indexOf(SHEET_DATA_END, open);
  if (open < 0 || close < 0) return null;
  // A prefixed cell or formula (<x:c>, <x:f>) is one to the tokenizer, which matches local names.
  if (before(xml.indexOf(":c", open), close) || before(xml.indexOf(":f", open), close)) return null;
  const kept: string[] = [];
  const plain = new Map<number, CellContent>();
  let cellCount = 0;
  let nextFormula = -1;
  // Found by position, not by a regular expression: a year of daily sheets has a hundred
  // thousand cells, and a match array and two substrings for each were most of this read's garbage.
  for (let start = xml.indexOf("<c", open); start >= 0 && start < close;) {
    const found = cellTagAt(xml, start);
    if (found === OTHER_ELEMENT) {
      start = xml.indexOf("<c", start + 2);
      continue;
    }
    if (found === NOT_PLAIN) return null;
    const tagEnd = TAG.tagEnd;
    let end = tagEnd + 1;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === SLASH;
    if (!selfClosing) {
      const closeTag = xml.indexOf("</c>", tagEnd);
      if (closeTag < 0 || closeTag > close) return null;
      end = closeTag + 4;
    }
    cellCount++;
    // the next formula tag, found once and kept while cells before it go by
    if (nextFormula < tagEnd) {
      nextFormula = xml.indexOf("<f", tagEnd);
      if (nextFormula < 0) nextFormula = xml.length;
    }
    const key = TAG.key;
    const hasFormula = nextFormula < end;
    const wanted = keys.has(key);
    const content =
      !hasFormula && wanted
        ? plainCell(xml, xml.slice(TAG.attrsStart, tagEnd), tagEnd + 1, end, sst, styles)
        : null;
    if (content) plain.set(key, content);
    else if (hasFormula || wanted) kept.push(xml.slice(start, end));
    start = xml.indexOf("<c", end);
  }
  const rest = xml.slice(close + SHEET_DATA_END.length);
  return {
    xml: `<worksheet>${SHEET_DATA}${kept.join("")}${SHEET_DATA_END}${rest}`,
    cellCount,
    plain,
  };
}

const SLASH = 47;
/** What cellTagAt found at a "<c". */
const CELL = 0;
/** Another element's name begins with "c" (<col>, <cfRule>): not a cell. */
const OTHER_ELEMENT = 1;
/** A cell start tag not as Excel writes it: the part goes to the tokenizer whole. */
const NOT_PLAIN = 2;

/** The cell tag cellTagAt last found: one object reused, not one per cell. */
const TAG = { key: 0, attrsStart: 0, tagEnd: 0 };

/**
 * The cell start tag at `start` as Excel writes it, r="B12" first: its key, where its other
 * attributes begin and its closing '>' (into TAG). NOT_PLAIN for any other cell start tag
 * (no plain reference first, a quote that could hide the tag's end, a name character we do
 * not know).
 */
function cellTagAt(xml: string, start: number): number {
  const after = xml.charCodeAt(start + 2);
  if (after !== 32) return isAsciiNameChar(after) ? OTHER_ELEMENT : NOT_PLAIN;
  if (!xml.startsWith('r="', start + 3)) return NOT_PLAIN;
  const refStart = start + 6;
  const refEnd = xml.indexOf('"', refStart);
  if (refEnd < 0 || refEnd - refStart > 10) return NOT_PLAIN;
  const key = cellRefAt(xml, refStart, refEnd);
  if (key < 0) return NOT_PLAIN;
  const tagEnd = xml.indexOf(">", refEnd);
  if (tagEnd < 0 || !plainQuotes(xml, refEnd + 1, tagEnd)) return NOT_PLAIN;
  TAG.key = key;
  TAG.attrsStart = refEnd + 1;
  TAG.tagEnd = tagEnd;
  return CELL;
}

/** A letter, digit, '-', '_' or '.': the rest of an element name that starts with "c". */
function isAsciiNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 95 ||
    c === 46
  );
}

/**
 * A cell with no body or a body of exactly <v>text</v> (no entity, no markup), read as
 * parseSheet reads it; null for anything else, which the tokenizer then reads.
 */
function plainCell(
  xml: string,
  attrs: string,
  bodyStart: number,
  end: number,
  sst: string[],
  styles: Styles
): CellContent | null {
  if (attrs.includes("&") || /[\t\n\r]/.test(attrs)) return null;
  let value: string | undefined;
  if (!attrs.endsWith("/") && end - 4 > bodyStart) {
    if (!xml.startsWith("<v>", bodyStart) || !xml.startsWith("</v>", end - 8)) return null;
    value = xml.slice(bodyStart + 3, end - 8);
    if (value.includes("<") || value.includes("&")) return null;
  }
  const content: CellContent = {
    value: cellValue(attribute(attrs, "t") ?? "n", value, undefined, sst, false),
  };
  const fmt = styles.formats[Number(attribute(attrs, "s") ?? 0)];
  if (fmt && fmt !== "General") content.numberFormat = fmt;
  return content;
}

/** An attribute's value from a start tag's attributes (double-quoted, no entities: checked before). */
function attribute(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return attrs.slice(from, attrs.indexOf('"', from));
}

const before = (at: number, limit: number) => at >= 0 && at < limit;

/** Double quotes only, in pairs, between `from` and `to`: then no attribute value hid the tag's real end. */
function plainQuotes(xml: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 39) return false;
    if (c === 34) n++;
  }
  return n % 2 === 0;
}
