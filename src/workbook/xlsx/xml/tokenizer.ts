/**
 * The project's one XML tokenizer: the .xlsx reader pulls events from it (start
 * tag with its attributes, text, end tag), the annotator uses the same tokens'
 * positions to patch parts in place, and scripts/validate-manifest.js builds its
 * tree from it (through lib/). No DTD processing at all, so no entity expansion
 * attacks; nesting is the caller's business (a reader skips what it does not know).
 *
 * Positions are indexes into the string given. The annotator hands in "binary
 * strings" (one character per byte), so for it they are byte offsets.
 */
import { decodeEntities } from "./text";

/** Why a part is not XML; `offset` is where in the string the problem starts. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message);
    this.name = "XmlError";
  }
}

/** What next() found. Comments, processing instructions and a DOCTYPE (when allowed) are tokens too. */
export const Tok = {
  End: 0,
  Open: 1,
  Close: 2,
  Text: 3,
  CData: 4,
  Comment: 5,
  Instruction: 6,
  Doctype: 7,
} as const;
export type TokKind = (typeof Tok)[keyof typeof Tok];

export interface TokenizerOptions {
  /** A DOCTYPE is refused (an XmlError) unless "skip" is given; its internal subset is never read. */
  doctype?: "reject" | "skip";
}

// One attribute takes five slots: name start, local-name start, name end, value start, value end (inside the quotes).
const SLOTS = 5;

export class XmlTokenizer {
  kind: TokKind = Tok.End;
  /** The token: "<" of a tag, comment, CDATA…, or the first character of text. */
  start = 0;
  /** Just past the token (past the ">" of a tag). */
  end = 0;
  /** A tag's qualified name, and where its local name begins (after "prefix:"). */
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  /** A start tag that ends "/>". No Close token follows it. */
  selfClosing = false;
  /** The characters of text, CDATA, a comment or a processing instruction, markers apart. */
  textStart = 0;
  textEnd = 0;
  /** How many attributes the start tag has (namespace declarations included). */
  attrCount = 0;
  private slots = new Int32Array(SLOTS * 16);
  private pos = 0;
  private readonly rejectDoctype: boolean;

  constructor(
    readonly xml: string,
    options: TokenizerOptions = {}
  ) {
    this.rejectDoctype = options.doctype !== "skip";
  }

  /** Move to the next token and say what it is; Tok.End at the end of the string. */
  next(): TokKind {
    const xml = this.xml;
    const i = this.pos;
    if (i >= xml.length) {
      this.start = this.end = i;
      return (this.kind = Tok.End);
    }
    this.start = i;
    if (xml.charCodeAt(i) !== 60 /* < */) {
      let lt = xml.indexOf("<", i);
      if (lt < 0) lt = xml.length;
      this.textStart = i;
      this.textEnd = this.end = this.pos = lt;
      return (this.kind = Tok.Text);
    }
    const c = xml.charCodeAt(i + 1);
    if (c === 47 /* / */) return this.endTag(i);
    if (c === 63 /* ? */) return this.marked(i, 2, "?>", Tok.Instruction, "processing instruction");
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", i)) return this.marked(i, 4, "-->", Tok.Comment, "comment");
      if (xml.startsWith("<![CDATA[", i))
        return this.marked(i, 9, "]]>", Tok.CData, "CDATA section");
      return this.doctype(i);
    }
    return this.startTag(i);
  }

  /** The tag's qualified name ("x:c"). */
  name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** The tag's local name ("c" for "x:c"). */
  local(): string {
    return this.xml.slice(this.localStart, this.nameEnd);
  }

  /** The tag's prefix with its colon ("x:"), or "". */
  prefix(): string {
    return this.xml.slice(this.nameStart, this.localStart);
  }

  /** Whether the tag's local name is `local`, without making a string. */
  is(local: string): boolean {
    return (
      this.nameEnd - this.localStart === local.length && this.xml.startsWith(local, this.localStart)
    );
  }

  /** Text decoded (entities); CDATA as it stands; for other tokens their raw characters. */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.kind === Tok.Text ? decodeEntities(raw) : raw;
  }

  /**
   * An attribute of the start tag by local name ("r" finds r="…" and x:r="…"; the last one
   * wins, as in an object of them), namespace declarations apart, decoded; undefined if absent.
   */
  attr(local: string): string | undefined {
    const k = this.findLocal(local);
    return k < 0 ? undefined : this.valueAt(k);
  }

  /** An attribute by exact qualified name ("xml:space", "xmlns:v"), the first one, decoded. */
  attrQ(qname: string): string | undefined {
    const k = this.findQ(qname);
    return k < 0 ? undefined : this.valueAt(k);
  }

  /** Where an attribute's value lies (inside its quotes), by exact qualified name; null if absent. */
  attrValueRange(qname: string): { start: number; end: number } | null {
    const k = this.findQ(qname);
    return k < 0 ? null : { start: this.slots[k + 3], end: this.slots[k + 4] };
  }

  /** Where an attribute starts (its name) and ends (past its closing quote), by exact qualified name. */
  attrRange(qname: string): { start: number; end: number } | null {
    const k = this.findQ(qname);
    return k < 0 ? null : { start: this.slots[k], end: this.slots[k + 4] + 1 };
  }

  /** Every attribute by local name (the last one wins), namespace declarations apart. */
  attrs(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let k = 0; k < this.attrCount * SLOTS; k += SLOTS) {
      if (!this.isXmlns(k))
        out[this.xml.slice(this.slots[k + 1], this.slots[k + 2])] = this.valueAt(k);
    }
    return out;
  }

  /** Every attribute by qualified name, namespace declarations included, in order. */
  qualifiedAttrs(): [string, string][] {
    const out: [string, string][] = [];
    for (let k = 0; k < this.attrCount * SLOTS; k += SLOTS)
      out.push([this.xml.slice(this.slots[k], this.slots[k + 2]), this.valueAt(k)]);
    return out;
  }

  /** The namespace declarations of the start tag, by prefix ("" for the default namespace). */
  namespaces(): Map<string, string> {
    const out = new Map<string, string>();
    for (let k = 0; k < this.attrCount * SLOTS; k += SLOTS) {
      if (!this.isXmlns(k)) continue;
      const s = this.slots[k];
      const prefix = this.slots[k + 2] - s === 5 ? "" : this.xml.slice(s + 6, this.slots[k + 2]);
      out.set(prefix, this.valueAt(k));
    }
    return out;
  }

  /** The line (1-based) an offset is on: for messages. */
  lineAt(offset: number): number {
    let line = 1;
    for (let i = this.xml.indexOf("\n"); i >= 0 && i < offset; i = this.xml.indexOf("\n", i + 1))
      line++;
    return line;
  }

  // ---- scanning ---------------------------------------------------------------------------

  private fail(message: string, at: number): never {
    throw new XmlError(`${message} at offset ${at}`, at);
  }

  private marked(i: number, open: number, close: string, kind: TokKind, what: string): TokKind {
    const end = this.xml.indexOf(close, i + open);
    if (end < 0) this.fail(`unterminated ${what}`, i);
    this.textStart = i + open;
    this.textEnd = end;
    this.end = this.pos = end + close.length;
    return (this.kind = kind);
  }

  private doctype(i: number): TokKind {
    if (this.rejectDoctype) this.fail("DTDs are not accepted in a workbook part", i);
    const xml = this.xml;
    let depth = 0;
    let quote = 0;
    for (let j = i + 2; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */) depth--;
      else if (c === 62 /* > */ && depth <= 0) {
        this.textStart = i + 2;
        this.textEnd = j;
        this.end = this.pos = j + 1;
        return (this.kind = Tok.Doctype);
      }
    }
    return this.fail("unterminated declaration", i);
  }

  /** Scan a name from j: returns its end; sets `colon` to the local name's start. */
  private scanName(j: number): number {
    const xml = this.xml;
    const n = xml.length;
    this.colon = j;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (c <= 32 || c === 62 /* > */ || c === 47 /* / */ || c === 61 /* = */) break;
      if (c === 58 /* : */) this.colon = j + 1;
      else if (c === 60 || c === 34 || c === 39)
        this.fail(`malformed name (unexpected ${xml[j]})`, j);
    }
    return j;
  }
  private colon = 0;

  private endTag(i: number): TokKind {
    const xml = this.xml;
    const j = this.scanName(i + 2);
    if (j === i + 2)
      this.fail(j >= xml.length ? "unterminated end tag" : "malformed end tag (no name)", i);
    this.nameStart = i + 2;
    this.localStart = this.colon;
    this.nameEnd = j;
    let k = j;
    while (k < xml.length && xml.charCodeAt(k) <= 32) k++;
    if (k >= xml.length) this.fail("unterminated end tag", i);
    if (xml.charCodeAt(k) !== 62) this.fail(`malformed end tag </${xml.slice(i + 2, j)}>`, i);
    this.selfClosing = false;
    this.attrCount = 0;
    this.end = this.pos = k + 1;
    return (this.kind = Tok.Close);
  }

  private startTag(i: number): TokKind {
    const xml = this.xml;
    const n = xml.length;
    let j = this.scanName(i + 1);
    if (j >= n) this.fail("unterminated tag", i);
    if (j === i + 1) this.fail("malformed tag (no element name)", i);
    this.nameStart = i + 1;
    this.localStart = this.colon;
    this.nameEnd = j;
    let slots = this.slots;
    let count = 0;
    for (;;) {
      let c = xml.charCodeAt(j);
      while (c <= 32 && j < n) c = xml.charCodeAt(++j);
      if (j >= n) this.fail("unterminated tag", i);
      if (c === 62 /* > */) {
        this.selfClosing = false;
        this.end = j + 1;
        break;
      }
      if (c === 47 /* / */) {
        if (xml.charCodeAt(j + 1) !== 62)
          this.fail(j + 1 >= n ? "unterminated tag" : "malformed tag (a / not followed by >)", i);
        this.selfClosing = true;
        this.end = j + 2;
        break;
      }
      // name = "value" | 'value'
      const nameStart = j;
      j = this.scanName(j);
      if (j === nameStart) this.fail("malformed tag (an attribute with no name)", j);
      const nameEnd = j;
      c = xml.charCodeAt(j);
      while (c <= 32 && j < n) c = xml.charCodeAt(++j);
      if (c !== 61 /* = */)
        this.fail(
          j >= n
            ? "unterminated tag"
            : `malformed tag (attribute ${xml.slice(nameStart, nameEnd)} has no value)`,
          i
        );
      c = xml.charCodeAt(++j);
      while (c <= 32 && j < n) c = xml.charCodeAt(++j);
      if (c !== 34 && c !== 39)
        this.fail(
          j >= n
            ? "unterminated tag"
            : `malformed tag (the value of ${xml.slice(nameStart, nameEnd)} is not quoted)`,
          i
        );
      const close = xml.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close < 0) this.fail("unterminated attribute value", j);
      const k = count * SLOTS;
      if (k + SLOTS > slots.length) {
        const grown = new Int32Array(slots.length * 2);
        grown.set(slots);
        this.slots = slots = grown;
      }
      slots[k] = nameStart;
      slots[k + 1] = this.colon;
      slots[k + 2] = nameEnd;
      slots[k + 3] = j + 1;
      slots[k + 4] = close;
      count++;
      j = close + 1;
    }
    this.attrCount = count;
    this.pos = this.end;
    return (this.kind = Tok.Open);
  }

  // ---- attributes -------------------------------------------------------------------------

  private isXmlns(k: number): boolean {
    const s = this.slots[k];
    const len = this.slots[k + 2] - s;
    return this.xml.startsWith("xmlns", s) && (len === 5 || this.xml.charCodeAt(s + 5) === 58);
  }

  private findLocal(local: string): number {
    const slots = this.slots;
    let found = -1;
    for (let k = 0; k < this.attrCount * SLOTS; k += SLOTS) {
      const s = slots[k + 1];
      if (slots[k + 2] - s === local.length && this.xml.startsWith(local, s) && !this.isXmlns(k))
        found = k;
    }
    return found;
  }

  private findQ(qname: string): number {
    const slots = this.slots;
    for (let k = 0; k < this.attrCount * SLOTS; k += SLOTS) {
      const s = slots[k];
      if (slots[k + 2] - s === qname.length && this.xml.startsWith(qname, s)) return k;
    }
    return -1;
  }

  private valueAt(k: number): string {
    return decodeEntities(this.xml.slice(this.slots[k + 3], this.slots[k + 4]));
  }
}
