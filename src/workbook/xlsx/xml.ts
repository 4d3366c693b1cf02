/**
 * A small, fast XML scanner for the parts of an .xlsx we read. Element and
 * attribute names lose their namespace prefix (x:c and c are the same), entities
 * are decoded, and there is no DTD processing at all (no entity expansion attacks).
 */
export interface XmlHandler {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return '"';
      case "apos": return "'";
      default: {
        const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
      }
    }
  });
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (s.indexOf("=") < 0) return attrs;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) {
    const raw = m[1];
    if (raw === "xmlns" || raw.startsWith("xmlns:")) continue;
    attrs[localName(raw)] = decodeEntities(m[3] ?? m[4] ?? "");
  }
  return attrs;
}

export function scanXml(xml: string, h: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (h.text && i < n) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && h.text) h.text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("unterminated comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unterminated CDATA");
        if (h.text) h.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        throw new XmlError("DTDs are not accepted in a workbook part");
      }
    } else if (c === 47 /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) throw new XmlError("unterminated end tag");
      if (h.close) h.close(localName(xml.slice(lt + 2, end).trim()));
      i = end + 1;
    } else {
      const end = findTagEnd(xml, lt + 1);
      if (end < 0) throw new XmlError("unterminated tag");
      const selfClosing = xml.charCodeAt(end - 1) === 47;
      const inner = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      let sp = 0;
      while (sp < inner.length && !isSpace(inner.charCodeAt(sp))) sp++;
      const name = localName(inner.slice(0, sp));
      if (h.open) h.open(name, parseAttrs(inner.slice(sp)), selfClosing);
      if (selfClosing && h.close) h.close(name);
      i = end + 1;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The ">" that ends a tag, skipping quoted attribute values. */
export function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!)
    // characters XML 1.0 cannot carry at all
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

/** Excel's own escape for characters XML cannot carry in strings: _x000D_, and _x005F_ for a literal "_". */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
