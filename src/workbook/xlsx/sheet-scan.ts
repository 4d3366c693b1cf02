import type { Styles } from "./styles";
import { cellRefAt, parseSheet, type Keep, type SheetData } from "./sheet-parser";

/**
 * A worksheet part read for the cells asked for. Reading bound cells (a set of keys), the
 * cells are first found by position alone: only the wanted ones and those holding a
 * formula (a shared formula's master may be among them) go through the tokenizer, with
 * whatever follows the sheet's data (merged areas, protection). On a year of daily sheets
 * that is a fifth of the work of tokenizing every cell. A part the scan cannot read with
 * certainty (comments, CDATA, a DTD, processing instructions, prefixed elements, a cell
 * without its plain reference, a '>' inside an attribute) is tokenized whole, as before.
 */
export function readSheet(xml: string, sst: string[], styles: Styles, keep: Keep): SheetData {
  if (keep instanceof Set) {
    const reduced = boundCellsOnly(xml, keep);
    if (reduced) {
      const data = parseSheet(reduced.xml, sst, styles, keep);
      data.cellCount = reduced.cellCount;
      return data;
    }
  }
  return parseSheet(xml, sst, styles, keep);
}

/** Start tags of cells: "<c" then a space, "/" or ">" (not <cols>, <cfRule> ...). */
const CELL_TAG = /<c[\s/>]/g;
const PREFIXED = /<\/?[A-Za-z_][\w.-]*:/g;
const SHEET_DATA = "<sheetData>";
const SHEET_DATA_END = "</sheetData>";

/**
 * The part cut down to the cells `keys` asks for and every cell with a formula, as well-formed
 * XML for parseSheet; null when the part is not plain enough to cut by position.
 */
export function boundCellsOnly(
  xml: string,
  keys: Set<number>
): { xml: string; cellCount: number } | null {
  // Outside comments, CDATA and processing instructions, every "<" starts a tag (XML 1.0, 2.4).
  if (xml.includes("<!") || xml.indexOf("<?", 1) >= 0) return null;
  const open = xml.indexOf(SHEET_DATA);
  const close = xml.indexOf(SHEET_DATA_END, open);
  if (open < 0 || close < 0) return null;
  // A prefixed element among the cells (<x:c>) is a cell to the tokenizer, which matches local names.
  PREFIXED.lastIndex = open;
  const prefixed = PREFIXED.exec(xml);
  PREFIXED.lastIndex = 0;
  if (prefixed && prefixed.index < close) return null;
  const kept: string[] = [];
  let cellCount = 0;
  let nextFormula = -1;
  CELL_TAG.lastIndex = open;
  for (let m = CELL_TAG.exec(xml); m && m.index < close; m = CELL_TAG.exec(xml)) {
    const start = m.index;
    const tagEnd = xml.indexOf(">", start);
    if (tagEnd < 0 || tagEnd > close || !plainQuotes(xml, start, tagEnd)) return null;
    const ref = referenceOf(xml, start + 2, tagEnd);
    if (ref < 0) return null;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47; // "/"
    let end = tagEnd + 1;
    if (!selfClosing) {
      const closeTag = xml.indexOf("</c>", tagEnd);
      if (closeTag < 0 || closeTag > close) return null;
      end = closeTag + 4;
    }
    cellCount++;
    if (nextFormula < tagEnd) nextFormula = xml.indexOf("<f", tagEnd);
    const hasFormula = nextFormula >= 0 && nextFormula < end;
    if (keys.has(ref) || hasFormula) kept.push(xml.slice(start, end));
    CELL_TAG.lastIndex = end;
  }
  CELL_TAG.lastIndex = 0;
  const rest = xml.slice(close + SHEET_DATA_END.length);
  return {
    xml: `<worksheet>${SHEET_DATA}${kept.join("")}${SHEET_DATA_END}${rest}`,
    cellCount,
  };
}

/** The cell key of the tag's r="B12" attribute (the form Excel writes), or -1 for anything else. */
function referenceOf(xml: string, from: number, to: number): number {
  let at = xml.indexOf(' r="', from);
  if (at < 0 || at >= to) {
    // r may follow a line break or tab instead of a space
    const m = /\sr="/.exec(xml.slice(from, to));
    if (!m) return -1;
    at = from + m.index;
  }
  const valueStart = at + 4;
  const valueEnd = xml.indexOf('"', valueStart);
  if (valueEnd < 0 || valueEnd > to) return -1;
  return cellRefAt(xml, valueStart, valueEnd);
}

/** Double quotes only, in pairs: then no attribute value holds a ">" or a ' r="'. */
function plainQuotes(xml: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 39) return false;
    if (c === 34) n++;
  }
  return n % 2 === 0;
}
