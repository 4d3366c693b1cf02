import { Tok, XmlTokenizer } from "./tokenizer";

/** Callbacks for scanXml: names are local (x:c and c are the same), attributes by local name. */
export interface XmlHandler {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  /** Text with entities decoded, CDATA as it stands; whitespace between tags too. */
  text?(text: string): void;
}

/**
 * The tokenizer as events, for small parts read once (relationships, the workbook,
 * styles). A self-closing tag gives open then close. Hot paths pull tokens instead.
 */
export function scanXml(xml: string, h: XmlHandler): void {
  const t = new XmlTokenizer(xml);
  for (let k = t.next(); k !== Tok.End; k = t.next()) {
    if (k === Tok.Open) {
      const name = t.local();
      if (h.open) h.open(name, t.attrs(), t.selfClosing);
      if (t.selfClosing && h.close) h.close(name);
    } else if (k === Tok.Close) {
      if (h.close) h.close(t.local());
    } else if (k === Tok.Text || k === Tok.CData) {
      if (h.text) h.text(t.text());
    }
  }
}

/**
 * The text of the element whose start tag the tokenizer is on, up to its end tag (text and
 * CDATA joined, tags inside skipped), leaving the tokenizer on that end tag. Not for a
 * self-closing tag (its text is "").
 */
export function elementText(t: XmlTokenizer, local: string): string {
  let k = t.next();
  if (k === Tok.Text) {
    // the common case, <v>123</v>: one text token, then the end tag
    const text = t.text();
    k = t.next();
    if (k === Tok.Close && t.is(local)) return text;
    return text + textUntil(t, k, local);
  }
  return textUntil(t, k, local);
}

function textUntil(t: XmlTokenizer, k: number, local: string): string {
  let text = "";
  for (; k !== Tok.End; k = t.next()) {
    if (k === Tok.Close && t.is(local)) return text;
    if (k === Tok.Text || k === Tok.CData) text += t.text();
  }
  return text;
}
