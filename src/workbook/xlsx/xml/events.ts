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
