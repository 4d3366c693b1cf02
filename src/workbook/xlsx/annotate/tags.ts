/**
 * The annotator's view of a part: a "binary string" (one character per byte, so the bytes
 * outside an edit stay exactly as they were, whatever their encoding), its tags with their
 * positions (from the project's XML tokenizer), start-tag attributes read and set, and a
 * list of edits applied in one go.
 */
import { strFromU8, strToU8 } from "fflate";
import { Tok, XmlError, XmlTokenizer } from "../xml";
import { WorkbookFileError } from "../zip";

export const bin = (b: Uint8Array): string => strFromU8(b, true);
export const utf8ToBin = (s: string): string => strFromU8(strToU8(s), true);
export const binToUtf8 = (s: string): string => strFromU8(strToU8(s, true));

export interface Tag {
  close: boolean;
  qname: string;
  local: string;
  /** "x:" or "". */
  prefix: string;
  start: number;
  /** Just past the ">". */
  end: number;
  self: boolean;
}

/**
 * Every start and end tag of `part` (its path, named when its XML is malformed: the check may
 * never have read that part, so the message says which one stops the annotated copy). Unlike
 * the reader, which skips what it does not know, the patcher finds elements by their depth:
 * every end tag must close the element open, or an edit would land in the wrong place.
 */
export function eachTag(xml: string, part: string, fn: (t: Tag) => void): void {
  const tok = new XmlTokenizer(xml);
  const open: string[] = [];
  try {
    for (let k = tok.next(); k !== Tok.End; k = tok.next()) {
      if (k !== Tok.Open && k !== Tok.Close) continue;
      const qname = tok.name();
      if (k === Tok.Close && open.pop() !== qname)
        throw new XmlError(`</${qname}> does not close the element open`, tok.start);
      if (k === Tok.Open && !tok.selfClosing) open.push(qname);
      fn({
        close: k === Tok.Close,
        qname,
        local: tok.local(),
        prefix: tok.prefix(),
        start: tok.start,
        end: tok.end,
        self: tok.selfClosing,
      });
    }
    if (open.length) throw new XmlError(`<${open[open.length - 1]}> is never closed`, xml.length);
  } catch (e) {
    if (e instanceof XmlError)
      throw new WorkbookFileError(`corrupt workbook: ${part} is malformed XML (${e.message})`);
    throw e;
  }
}

/** The tokenizer on a start tag's text ("<c r=…>"), or "<c …/>"). */
function startTag(tagText: string): XmlTokenizer {
  const t = new XmlTokenizer(tagText);
  if (t.next() !== Tok.Open)
    throw new Error(`annotate: not a start tag: ${tagText.slice(0, 40)} (internal)`);
  return t;
}

/** A start tag's attributes by local name (namespace declarations apart), and its namespace declarations by prefix ("" = default). */
export function tagAttrs(tagText: string): {
  attrs: Record<string, string>;
  ns: Map<string, string>;
} {
  const t = startTag(tagText);
  return { attrs: t.attrs(), ns: t.namespaces() };
}

/** One attribute of a start tag, by exact (qualified) name, or undefined. */
export function attr(tagText: string, qname: string): string | undefined {
  return startTag(tagText).attrQ(qname);
}

/** The start tag with an attribute set (replaced, or added at its end). `value` is already escaped. */
export function setAttr(tagText: string, qname: string, value: string): string {
  const at = startTag(tagText).attrRange(qname);
  if (at) return `${tagText.slice(0, at.start)}${qname}="${value}"${tagText.slice(at.end)}`;
  const cut = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, cut).replace(/\s+$/, "")} ${qname}="${value}"${tagText.slice(cut)}`;
}

/** Where a start tag's text ends: the xml of one element may follow it. */
export function startTagEnd(xml: string): number {
  return startTag(xml).end;
}

/** Replacements and insertions (start === end) in document order; an insertion before a replacement at the same place. */
export class Edits {
  private readonly list: { start: number; end: number; text: string; seq: number }[] = [];

  add(start: number, end: number, text: string): void {
    this.list.push({ start, end, text, seq: this.list.length });
  }

  insert(at: number, text: string): void {
    this.add(at, at, text);
  }

  get size(): number {
    return this.list.length;
  }

  apply(xml: string): string {
    const edits = [...this.list].sort(
      (a, b) =>
        a.start - b.start ||
        (a.end - a.start === 0 ? 0 : 1) - (b.end - b.start === 0 ? 0 : 1) ||
        a.seq - b.seq
    );
    const out: string[] = [];
    let last = 0;
    for (const e of edits) {
      if (e.start < last) throw new Error("annotate: overlapping edits (internal error)");
      out.push(xml.slice(last, e.start), e.text);
      last = e.end;
    }
    out.push(xml.slice(last));
    return out.join("");
  }
}
