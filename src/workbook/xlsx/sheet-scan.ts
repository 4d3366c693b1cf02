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

/**
 * A cell's start tag as Excel writes it, r="B12" first (groups: the reference, the other
 * attributes); any other cell start tag ("<c" then a space, "/" or ">") matches the second
 * branch, and then the part is tokenized whole.
 */
const CELL_TAG = /<c(?: r="([A-Za-z]{1,3}\d{1,7})"([^>]*)>|[\s/>])/g;
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
  CELL_TAG.lastIndex = open;
  try {
    for (let m = CELL_TAG.exec(xml); m && m.index < close; m = CELL_TAG.exec(xml)) {
      const attrs = m[2];
      if (attrs === undefined || !plainQuotes(attrs)) return null;
      const start = m.index;
      const tagEnd = start + m[0].length - 1;
      let end = tagEnd + 1;
      if (!attrs.endsWith("/")) {
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
      const ref = m[1];
      const key = cellRefAt(ref, 0, ref.length);
      if (key < 0) return null;
      const hasFormula = nextFormula < end;
      const content =
        !hasFormula && keys.has(key) ? plainCell(xml, attrs, tagEnd + 1, end, sst, styles) : null;
      if (content) plain.set(key, content);
      else if (hasFormula || keys.has(key)) kept.push(xml.slice(start, end));
      CELL_TAG.lastIndex = end;
    }
  } finally {
    CELL_TAG.lastIndex = 0;
  }
  const rest = xml.slice(close + SHEET_DATA_END.length);
  return {
    xml: `<worksheet>${SHEET_DATA}${kept.join("")}${SHEET_DATA_END}${rest}`,
    cellCount,
    plain,
  };
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

/** Double quotes only, in pairs: then no attribute value hid the tag's real end. */
function plainQuotes(attrs: string): boolean {
  let n = 0;
  for (let i = 0; i < attrs.length; i++) {
    const c = attrs.charCodeAt(i);
    if (c === 39) return false;
    if (c === 34) n++;
  }
  return n % 2 === 0;
}
