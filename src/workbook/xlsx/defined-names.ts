import { decodeEntities, elementText, type XmlTokenizer } from "./xml";

export interface XlsxName {
  name: string;
  /** Index into the workbook's sheets for a sheet-level name; null for a workbook-level one. */
  localSheetId: number | null;
  refersTo: string;
  hidden: boolean;
}

/** A <definedName> at the tokenizer's start tag, read to its end tag. */
export function definedNameAt(t: XmlTokenizer): XlsxName {
  return definedName(
    t.attr("name"),
    t.attr("localSheetId"),
    t.attr("hidden"),
    t.selfClosing ? "" : elementText(t, "definedName")
  );
}

function definedName(
  name: string | undefined,
  local: string | undefined,
  hidden: string | undefined,
  text: string
): XlsxName {
  return {
    name: name ?? "",
    localSheetId: local !== undefined && /^\d+$/.test(local) ? Number(local) : null,
    hidden: hidden === "1" || hidden === "true",
    refersTo: text.trim(),
  };
}

const OPEN = "<definedNames>";
const CLOSE = "</definedNames>";
/** One <definedName> as Excel writes it: unprefixed, double-quoted attributes, text without markup. */
const NAME =
  /\s*<definedName((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(?:\/>|>([^<]*)<\/definedName>)/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.-]*)="([^"<]*)"/g;

/**
 * The workbook part's defined names read by pattern, and the part without them (for the
 * tokenizer to read its sheets). A year of daily sheets has tens of thousands of names,
 * where tokenizing each cost more than the rest of the part. Null when the section is not
 * plain (comments, CDATA, instructions, prefixes, single quotes, markup in a name's text):
 * then the tokenizer reads the names too, with definedNameAt.
 */
export function plainDefinedNames(xml: string): { names: XlsxName[]; rest: string } | null {
  // Outside comments, CDATA and instructions every "<" starts a tag (XML 1.0, 2.4): only then is a match one.
  if (xml.includes("<!") || xml.indexOf("<?", 1) >= 0) return null;
  const start = xml.indexOf(OPEN);
  if (start < 0) return null;
  const close = xml.indexOf(CLOSE, start);
  if (close < 0) return null;
  const section = xml.slice(start + OPEN.length, close);
  const names: XlsxName[] = [];
  NAME.lastIndex = 0;
  while (NAME.lastIndex < section.length) {
    const at = NAME.lastIndex;
    const m = NAME.exec(section);
    if (!m) {
      if (section.slice(at).trim() === "") break;
      return null;
    }
    const attrs = m[1];
    const text = decodeEntities(m[2] ?? "");
    if (/[\t\n\r]/.test(attrs)) {
      // The last of a repeated attribute wins, as the tokenizer reads them.
      const all: Record<string, string> = {};
      for (const a of attrs.matchAll(ATTRIBUTE)) all[a[1]] = decodeEntities(a[2]);
      names.push(definedName(all.name, all.localSheetId, all.hidden, text));
    } else {
      const get = (name: string) => attributeOf(attrs, name);
      names.push(definedName(get("name"), get("localSheetId"), get("hidden"), text));
    }
  }
  return { names, rest: xml.slice(0, start) + xml.slice(close + CLOSE.length) };
}

/**
 * An attribute of a start tag whose attributes the pattern matched and a space separates:
 * no value holds a quote, so ` name="` is only ever an attribute's start; the last one wins.
 */
function attributeOf(attrs: string, name: string): string | undefined {
  const at = attrs.lastIndexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return decodeEntities(attrs.slice(from, attrs.indexOf('"', from)));
}
