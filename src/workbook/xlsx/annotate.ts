/**
 * Mark cells of an existing .xlsx with a fill and a note, by patching the
 * package: only the styles, the marked worksheets, their comments, VML drawings
 * and relationships, and [Content_Types].xml change; every other part is copied
 * through byte for byte. Values, formulas and number formats are never touched.
 *
 * Parts are edited as "binary strings" (one character per byte), so that the
 * bytes outside an edit stay exactly as they were, whatever their encoding.
 */
import { strFromU8, strToU8 } from "fflate";
import { indexToCol, parseA1 } from "../../engine";
import {
  CONTENT_TYPE,
  NOTE_AUTHOR,
  NS,
  SHAPES_PER_BLOCK,
  VML_NOTE_SHAPETYPE,
  XML_DECL,
  cellPos,
  commentXml,
  commentsPartXml,
  relType,
  relationshipXml,
  relativeTarget,
  relsPartXml,
  relsPathOf,
  shapeIdsInBlocks,
  solidFillXml,
  textElement,
  vmlDrawingXml,
  vmlNoteShapeXml,
  xmlAttr,
  xmlText,
  xstring,
  zipParts,
} from "./ooxml";
import { readRels, XlsxWorkbook } from "./reader";
import { decodeEntities, findTagEnd, localName, XmlError } from "./xml";
import { WorkbookFileError } from "./zip";

export type Severity = "error" | "warning" | "info";

export interface Mark {
  sheet: string;
  /** "B31", no $. */
  address: string;
  severity: Severity;
  note: string;
}

/** The fill of each severity (ARGB). */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A copy of the workbook with every marked cell filled by severity and given a note. */
export function annotateXlsx(bytes: Uint8Array, marks: Mark[]): Uint8Array {
  const wb = XlsxWorkbook.fromBytes(bytes);
  const bySheet = groupMarks(wb, marks);
  if (bySheet.size === 0) return bytes.slice();

  const pkg = new PackageEditor(wb);
  const styles = new StylesEditor(pkg, wb);
  const contentTypes = new ContentTypesEditor(pkg);
  if (styles.created) {
    contentTypes.override(styles.path, CONTENT_TYPE.styles);
    pkg.addRel(wb.workbookPath, relType("styles", pkg.strict), styles.path);
  }

  for (const [index, cellMarks] of [...bySheet].sort((a, b) => a[0] - b[0])) {
    const sheet = wb.sheets[index];
    const sheetPath = pkg.actual(sheet.path ?? "");
    if (!sheetPath) throw new WorkbookFileError(`corrupt workbook: the part of sheet "${sheet.name}" is missing`);
    const sorted = [...cellMarks.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const patch = patchSheet(pkg.text(sheetPath), sorted, (base, severity) => styles.styleFor(base, SEVERITY_FILL[severity]));
    const strict = patch.strict;
    const rels = readRels(wb.zip, sheetPath);
    const notes = sorted.map((m) => ({ row: m.row, col: m.col, ref: m.ref, text: m.notes.join("\n") }));

    // Comments: append to the sheet's part, or create one.
    const commentsRel = [...rels.values()].find((r) => /\/comments$/.test(r.type));
    const commentsPath = commentsRel ? pkg.actual(commentsRel.target) : null;
    if (commentsPath) {
      pkg.put(commentsPath, patchComments(pkg.text(commentsPath), notes));
    } else {
      const path = commentsRel?.target ?? pkg.freshPath((n) => `xl/comments${n}.xml`);
      pkg.put(path, utf8ToBin(commentsPartXml([NOTE_AUTHOR], notes.map((x) => commentXml(x.ref, 0, x.text)))));
      contentTypes.override(path, CONTENT_TYPE.comments);
      if (!commentsRel) pkg.addRel(sheetPath, relType("comments", strict), path);
    }

    // The VML shapes that show the notes: in the sheet's legacy drawing, or a new one.
    const vmlRel = patch.legacyDrawingId !== null ? rels.get(patch.legacyDrawingId) : undefined;
    const vmlPath = vmlRel ? pkg.actual(vmlRel.target) : null;
    if (vmlPath) {
      pkg.put(vmlPath, patchVml(pkg.text(vmlPath), notes, () => pkg.usedShapeBlocks()));
    } else {
      const path = vmlRel?.target ?? pkg.freshPath((n) => `xl/drawings/vmlDrawing${n}.vml`);
      const blocks = pkg.newShapeBlocks(Math.ceil(notes.length / SHAPES_PER_BLOCK));
      const ids = shapeIdsInBlocks(blocks, notes.length);
      pkg.put(path, utf8ToBin(vmlDrawingXml(blocks, notes.map((x, k) => vmlNoteShapeXml(ids[k], x.row, x.col)))));
      contentTypes.defaultFor("vml", CONTENT_TYPE.vml, path);
      if (!vmlRel) patch.addLegacyDrawing(pkg.addRel(sheetPath, relType("vmlDrawing", strict), path));
    }
    pkg.put(sheetPath, patch.result());
  }

  styles.save();
  contentTypes.save();
  return pkg.zip();
}

interface CellMark {
  row: number;
  col: number;
  ref: string;
  severity: Severity;
  notes: string[];
}

function groupMarks(wb: XlsxWorkbook, marks: Mark[]): Map<number, Map<number, CellMark>> {
  const bySheet = new Map<number, Map<number, CellMark>>();
  for (const m of marks) {
    const sheet = wb.sheets.find((s) => s.name === m.sheet) ?? wb.sheets.find((s) => s.name.toLowerCase() === String(m.sheet).toLowerCase());
    if (!sheet) throw new Error(`annotate: no sheet named "${m.sheet}" (the workbook has ${wb.sheets.map((s) => `"${s.name}"`).join(", ")})`);
    if (sheet.kind !== "worksheet") throw new Error(`annotate: sheet "${m.sheet}" is a ${sheet.kind}, not a worksheet: its cells cannot be marked`);
    const pos = cellPos(m.address, `annotate: sheet "${m.sheet}"`);
    if (!(m.severity in RANK)) throw new Error(`annotate: ${m.sheet}!${m.address}: unknown severity ${JSON.stringify(m.severity)}`);
    let cells = bySheet.get(sheet.index);
    if (!cells) bySheet.set(sheet.index, (cells = new Map()));
    const key = pos.row * 16385 + pos.col;
    const prev = cells.get(key);
    const note = String(m.note ?? "");
    if (prev) {
      if (RANK[m.severity] > RANK[prev.severity]) prev.severity = m.severity;
      prev.notes.push(note);
    } else cells.set(key, { row: pos.row, col: pos.col, ref: `${indexToCol(pos.col)}${pos.row}`, severity: m.severity, notes: [note] });
  }
  return bySheet;
}

// ---------------------------------------------------------------------------
// Binary strings and a tag scanner that knows where each tag is.

const bin = (b: Uint8Array): string => strFromU8(b, true);
const utf8ToBin = (s: string): string => strFromU8(strToU8(s), true);
const binToUtf8 = (s: string): string => strFromU8(strToU8(s, true));

interface Tag {
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

function eachTag(xml: string, fn: (t: Tag) => void): void {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return;
    const c = xml.charCodeAt(lt + 1);
    let end: number;
    if (c === 63 /* ? */) {
      end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) end = xml.indexOf("-->", lt + 4) + 3;
      else if (xml.startsWith("<![CDATA[", lt)) end = xml.indexOf("]]>", lt + 9) + 3;
      else throw new XmlError("DTDs are not accepted in a workbook part");
      if (end < 3) throw new XmlError("unterminated comment or CDATA");
      i = end;
      continue;
    }
    const close = c === 47; /* / */
    end = close ? xml.indexOf(">", lt) : findTagEnd(xml, lt + 1);
    if (end < 0) throw new XmlError("unterminated tag");
    const self = !close && xml.charCodeAt(end - 1) === 47;
    let k = lt + (close ? 2 : 1);
    const from = k;
    for (let ch = xml.charCodeAt(k); k < end && ch > 32 && ch !== 47 && ch !== 62; ch = xml.charCodeAt(++k));
    const qname = xml.slice(from, k);
    const colon = qname.indexOf(":");
    fn({ close, qname, local: localName(qname), prefix: colon < 0 ? "" : qname.slice(0, colon + 1), start: lt, end: end + 1, self });
    i = end + 1;
  }
}


const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** A start tag's attributes by local name (namespace declarations apart), and its namespace declarations by prefix ("" = default). */
function tagAttrs(tagText: string): { attrs: Record<string, string>; ns: Map<string, string> } {
  const attrs: Record<string, string> = {};
  const ns = new Map<string, string>();
  const inner = tagText.replace(/^<[^\s/>]+/, "");
  for (const m of inner.matchAll(ATTR)) {
    const value = decodeEntities(m[3] ?? m[4] ?? "");
    if (m[1] === "xmlns") ns.set("", value);
    else if (m[1].startsWith("xmlns:")) ns.set(m[1].slice(6), value);
    else attrs[localName(m[1])] = value;
  }
  return { attrs, ns };
}

const attrPatterns = new Map<string, RegExp>();
/** Matches one attribute by exact (qualified) name: 1 = the space before it, 2 = its quoted value. */
function attrPattern(qname: string): RegExp {
  let re = attrPatterns.get(qname);
  if (!re) attrPatterns.set(qname, (re = new RegExp(`(\\s)${qname.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`)));
  return re;
}

/** One attribute of a start tag, by exact (qualified) name, or undefined. */
function attr(tagText: string, qname: string): string | undefined {
  const m = attrPattern(qname).exec(tagText);
  return m ? decodeEntities(m[2].slice(1, -1)) : undefined;
}

/** The start tag with an attribute set (replaced, or added at its end). `value` is already escaped. */
function setAttr(tagText: string, qname: string, value: string): string {
  const re = attrPattern(qname);
  if (re.test(tagText)) return tagText.replace(re, (_, sp: string) => `${sp}${qname}="${value}"`);
  const cut = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, cut).replace(/\s+$/, "")} ${qname}="${value}"${tagText.slice(cut)}`;
}

/** Replacements and insertions (start === end) in document order; an insertion before a replacement at the same place. */
class Edits {
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
    const edits = [...this.list].sort((a, b) => a.start - b.start || (a.end - a.start === 0 ? 0 : 1) - (b.end - b.start === 0 ? 0 : 1) || a.seq - b.seq);
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

// ---------------------------------------------------------------------------
// The package: parts in their order, which ones changed, new parts, relationships.

class PackageEditor {
  private readonly order: string[];
  private readonly parts: Map<string, Uint8Array>;
  private readonly byLower = new Map<string, string>();
  private readonly changed = new Map<string, Uint8Array>();
  private readonly added: string[] = [];
  private blocks: Set<number> | null = null;
  readonly strict: boolean;

  constructor(wb: XlsxWorkbook) {
    this.order = wb.zip.names();
    this.parts = wb.zip.readAll();
    for (const n of this.order) this.byLower.set(n.toLowerCase(), n);
    const wbXml = this.parts.get(this.actual(wb.workbookPath) ?? "");
    this.strict = !!wbXml && bin(wbXml.subarray(0, 4096)).includes(NS.strictMain);
  }

  /** The name a part has in the package (names are case-insensitive), or null. */
  actual(path: string): string | null {
    return this.byLower.get(path.toLowerCase()) ?? null;
  }

  text(path: string): string {
    const name = this.actual(path);
    const bytes = name ? (this.changed.get(name) ?? this.parts.get(name)) : undefined;
    if (!bytes) throw new WorkbookFileError(`corrupt workbook: part ${path} is missing`);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      throw new WorkbookFileError(`cannot annotate: part ${path} is UTF-16`);
    }
    return bin(bytes);
  }

  has(path: string): boolean {
    return this.actual(path) !== null;
  }

  /** Write a part (binary string); a new one goes at the end of the package. */
  put(path: string, text: string): void {
    let name = this.actual(path);
    if (!name) {
      name = path;
      this.byLower.set(path.toLowerCase(), path);
      this.added.push(path);
    }
    this.changed.set(name, strToU8(text, true));
  }

  /** The first path made from n = 1, 2, … that no part has. */
  freshPath(make: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(make(n))) return make(n);
  }

  /** Add a relationship from a part; returns its id. */
  addRel(fromPart: string, type: string, toPart: string): string {
    const relsPath = relsPathOf(fromPart);
    const target = relativeTarget(fromPart, toPart);
    if (!this.has(relsPath)) {
      this.put(relsPath, utf8ToBin(relsPartXml([{ id: "rId1", type, target }])));
      return "rId1";
    }
    const xml = this.text(relsPath);
    const ids = new Set<string>();
    let prefix = "";
    let closeAt = -1;
    let depth = 0;
    eachTag(xml, (t) => {
      if (t.close) {
        depth--;
        if (depth === 0) closeAt = t.start;
        return;
      }
      if (depth === 0) prefix = t.prefix;
      if (t.local === "Relationship") {
        const id = attr(xml.slice(t.start, t.end), "Id");
        if (id) ids.add(id);
      }
      if (!t.self) depth++;
      else if (depth === 0) closeAt = -2; // <Relationships/>
    });
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = relationshipXml(id, type, target, prefix);
    if (closeAt >= 0) this.put(relsPath, xml.slice(0, closeAt) + rel + xml.slice(closeAt));
    else this.put(relsPath, utf8ToBin(relsPartXml([{ id, type, target }])));
    return id;
  }

  /** The VML shape-id blocks (o:idmap) that the drawings of the package use. */
  usedShapeBlocks(): Set<number> {
    if (!this.blocks) {
      this.blocks = new Set();
      for (const name of this.order) {
        if (!/\.vml$/i.test(name)) continue;
        for (const b of idmapBlocks(this.text(name))) this.blocks.add(b);
      }
    }
    return this.blocks;
  }

  /** `count` blocks no drawing uses yet (and reserve them). */
  newShapeBlocks(count: number): number[] {
    const used = this.usedShapeBlocks();
    const out: number[] = [];
    for (let b = 1; out.length < count; b++) {
      if (!used.has(b)) {
        used.add(b);
        out.push(b);
      }
    }
    return out;
  }

  zip(): Uint8Array {
    const entries: [string, Uint8Array][] = [];
    for (const name of this.order) entries.push([name, this.changed.get(name) ?? this.parts.get(name) ?? new Uint8Array(0)]);
    for (const name of this.added) entries.push([name, this.changed.get(name)!]);
    return zipParts(entries);
  }
}

// ---------------------------------------------------------------------------
// Styles: clone a cell's xf with a new fill.

const MINIMAL_STYLES =
  `${XML_DECL}<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Where the children of <styleSheet> go, in schema order. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

class StylesEditor {
  readonly path: string;
  readonly created: boolean;
  private readonly xml: string;
  private prefix = "";
  private readonly fills: string[] = [];
  private readonly xfs: string[] = [];
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];
  private readonly memo = new Map<string, number>();
  private fillsTag: Tag | null = null;
  private fillsClose = -1;
  private xfsTag: Tag | null = null;
  private xfsClose = -1;
  private readonly children: { local: string; start: number }[] = [];
  private rootClose = -1;

  constructor(private readonly pkg: PackageEditor, wb: XlsxWorkbook) {
    const rel = [...readRels(wb.zip, wb.workbookPath).values()].find((r) => /\/styles$/.test(r.type));
    const existing = rel ? pkg.actual(rel.target) : null;
    this.created = !existing;
    this.path = existing ?? rel?.target ?? pkg.freshPath((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    this.xml = existing ? pkg.text(existing) : MINIMAL_STYLES;
    let depth = 0;
    let section: "fills" | "cellXfs" | null = null;
    let itemStart = -1;
    eachTag(this.xml, (t) => {
      if (t.close) {
        depth--;
        if (depth === 0) this.rootClose = t.start;
        else if (depth === 1 && section) {
          if (section === "fills") this.fillsClose = t.start;
          else this.xfsClose = t.start;
          section = null;
        } else if (depth === 2 && section && itemStart >= 0) {
          (section === "fills" ? this.fills : this.xfs).push(this.xml.slice(itemStart, t.end));
          itemStart = -1;
        }
        return;
      }
      if (depth === 0) this.prefix = t.prefix;
      else if (depth === 1) {
        this.children.push({ local: t.local, start: t.start });
        if (t.local === "fills") {
          this.fillsTag = t;
          if (!t.self) section = "fills";
        } else if (t.local === "cellXfs") {
          this.xfsTag = t;
          if (!t.self) section = "cellXfs";
        }
      } else if (depth === 2 && section) {
        if (t.self) (section === "fills" ? this.fills : this.xfs).push(this.xml.slice(t.start, t.end));
        else itemStart = t.start;
      }
      if (!t.self) depth++;
    });
    if (this.rootClose < 0) throw new WorkbookFileError("corrupt workbook: the styles part has no <styleSheet>");
  }

  /** The index of an xf like `base` but filled with `argb`. */
  styleFor(base: number, argb: string): number {
    const key = `${base}/${argb}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const fillXml = solidFillXml(argb, p);
    let fillId = [...this.fills, ...this.newFills].indexOf(fillXml);
    if (fillId < 0) {
      if (this.fills.length + this.newFills.length === 0) this.newFills.push(`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
      fillId = this.fills.length + this.newFills.length;
      this.newFills.push(fillXml);
    }
    const all = [...this.xfs, ...this.newXfs];
    const source = all[base] ?? all[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    if (all.length === 0) this.newXfs.push(source);
    const tagEnd = findTagEnd(source, 1) + 1;
    const tag = setAttr(setAttr(source.slice(0, tagEnd), "fillId", String(fillId)), "applyFill", "1");
    const clone = tag + source.slice(tagEnd);
    let index = [...this.xfs, ...this.newXfs].indexOf(clone);
    if (index < 0) {
      index = this.xfs.length + this.newXfs.length;
      this.newXfs.push(clone);
    }
    this.memo.set(key, index);
    return index;
  }

  save(): void {
    if (!this.created && this.newFills.length === 0 && this.newXfs.length === 0) return;
    const edits = new Edits();
    const p = this.prefix;
    const section = (tag: Tag | null, close: number, local: string, items: string[], count: number) => {
      if (!items.length) return;
      if (tag && !tag.self && close >= 0) {
        edits.add(tag.start, tag.end, setAttr(this.xml.slice(tag.start, tag.end), "count", String(count)));
        edits.insert(close, items.join(""));
      } else {
        const whole = `<${p}${local} count="${count}">${items.join("")}</${p}${local}>`;
        if (tag) edits.add(tag.start, tag.end, whole);
        else edits.insert(this.insertionPoint(local), whole);
      }
    };
    section(this.fillsTag, this.fillsClose, "fills", this.newFills, this.fills.length + this.newFills.length);
    section(this.xfsTag, this.xfsClose, "cellXfs", this.newXfs, this.xfs.length + this.newXfs.length);
    this.pkg.put(this.path, edits.apply(this.xml));
  }

  private insertionPoint(local: string): number {
    const after = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(local) + 1);
    return this.children.find((c) => after.includes(c.local))?.start ?? this.rootClose;
  }
}

// ---------------------------------------------------------------------------
// [Content_Types].xml

class ContentTypesEditor {
  private readonly newDefaults: string[] = [];
  private readonly newOverrides: string[] = [];
  private readonly defaults = new Set<string>();
  private readonly overrides = new Set<string>();
  private readonly xml: string;
  private prefix = "";
  private closeAt = -1;
  /** Just after the last <Default>, where new ones go (else: after the <Types> start tag). */
  private defaultsEnd = -1;

  constructor(private readonly pkg: PackageEditor) {
    this.xml = pkg.text("[Content_Types].xml");
    let depth = 0;
    eachTag(this.xml, (t) => {
      if (t.close) {
        if (--depth === 0) this.closeAt = t.start;
        return;
      }
      if (depth === 0) {
        this.prefix = t.prefix;
        this.defaultsEnd = t.end;
      }
      const tag = this.xml.slice(t.start, t.end);
      if (t.local === "Default" && depth === 1) {
        this.defaults.add((attr(tag, "Extension") ?? "").toLowerCase());
        if (t.self) this.defaultsEnd = t.end;
      }
      else if (t.local === "Override") this.overrides.add((attr(tag, "PartName") ?? "").toLowerCase());
      if (!t.self) depth++;
    });
    if (this.closeAt < 0) throw new WorkbookFileError("cannot annotate: [Content_Types].xml has no closing </Types>");
  }

  override(path: string, type: string): void {
    const name = `/${path}`;
    if (this.overrides.has(name.toLowerCase())) return;
    this.overrides.add(name.toLowerCase());
    this.newOverrides.push(`<${this.prefix}Override PartName="${xmlAttr(name)}" ContentType="${type}"/>`);
  }

  /** A Default for an extension, unless there is one, or an Override for the part. */
  defaultFor(extension: string, type: string, path: string): void {
    if (this.defaults.has(extension) || this.overrides.has(`/${path}`.toLowerCase())) return;
    this.defaults.add(extension);
    this.newDefaults.push(`<${this.prefix}Default Extension="${extension}" ContentType="${type}"/>`);
  }

  save(): void {
    if (!this.newDefaults.length && !this.newOverrides.length) return;
    const edits = new Edits();
    if (this.newDefaults.length) edits.insert(this.defaultsEnd, this.newDefaults.join(""));
    if (this.newOverrides.length) edits.insert(this.closeAt, this.newOverrides.join(""));
    this.pkg.put("[Content_Types].xml", edits.apply(this.xml));
  }
}

// ---------------------------------------------------------------------------
// The worksheet: the s of marked cells, new cells and rows, <legacyDrawing>.

/** Children of <worksheet> that come after <legacyDrawing> in the schema. */
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

interface SheetPatch {
  strict: boolean;
  /** r:id of the sheet's <legacyDrawing>, if it has one. */
  legacyDrawingId: string | null;
  addLegacyDrawing(relId: string): void;
  result(): string;
}

function patchSheet(xml: string, marks: CellMark[], styleFor: (base: number, severity: Severity) => number): SheetPatch {
  const edits = new Edits();
  let depth = 0;
  let p = "";
  let rootNs = new Map<string, string>();
  let legacyDrawingId: string | null = null;
  let legacyDrawingTag: Tag | null = null;
  let legacyAt = -1;
  let rootClose = -1;
  let acStart = -1;
  let dimension: Tag | null = null;
  const colStyles: { min: number; max: number; style: number }[] = [];
  let sheetDataSeen = false;

  let mi = 0; // next mark not placed yet
  let row = 0;
  let col = 0;
  let rowMarks: CellMark[] = []; // marks of the current row not placed yet
  let rowStyle: number | null = null;
  let inRow = false;
  let inSheetData = false;
  let minRow = Infinity, minCol = Infinity, maxRow = 0, maxCol = 0;

  const baseStyle = (c: number) => rowStyle ?? colStyles.find((x) => c >= x.min && c <= x.max)?.style ?? 0;
  const newCell = (m: CellMark) => {
    minRow = Math.min(minRow, m.row); maxRow = Math.max(maxRow, m.row);
    minCol = Math.min(minCol, m.col); maxCol = Math.max(maxCol, m.col);
    return `<${p}c r="${m.ref}" s="${styleFor(baseStyle(m.col), m.severity)}"/>`;
  };
  /** New rows for the marks before row `before` (Infinity: all). */
  const newRows = (before: number): string => {
    const out: string[] = [];
    while (mi < marks.length && marks[mi].row < before) {
      const r = marks[mi].row;
      const cells: string[] = [];
      rowStyle = null;
      for (; mi < marks.length && marks[mi].row === r; mi++) cells.push(newCell(marks[mi]));
      out.push(`<${p}row r="${r}">${cells.join("")}</${p}row>`);
    }
    return out.join("");
  };

  eachTag(xml, (t) => {
    if (t.close) {
      depth--;
      if (depth === 0) rootClose = t.start;
      else if (depth === 1 && t.local === "sheetData") {
        const rows = newRows(Infinity);
        if (rows) edits.insert(t.start, rows);
        inSheetData = false;
      } else if (depth === 1 && t.local === "AlternateContent") acStart = -1;
      else if (depth === 2 && inSheetData && t.local === "row") endRow(t.start);
      return;
    }
    if (depth === 0) {
      p = t.prefix;
      rootNs = tagAttrs(xml.slice(t.start, t.end)).ns;
    } else if (depth === 1) {
      const local = t.local;
      if (local === "dimension") dimension = t;
      else if (local === "legacyDrawing") {
        legacyDrawingTag = t;
        legacyDrawingId = tagAttrs(xml.slice(t.start, t.end)).attrs.id ?? null;
      }
      else if (local === "AlternateContent") acStart = t.start;
      else if (local === "sheetData") {
        sheetDataSeen = true;
        row = 0;
        if (t.self) {
          const rows = newRows(Infinity);
          if (rows) edits.add(t.start, t.end, `${xml.slice(t.start, t.end - 2).replace(/\s+$/, "")}>${rows}</${t.qname}>`);
        } else inSheetData = true;
      }
      if (legacyAt < 0 && AFTER_LEGACY_DRAWING.has(local)) legacyAt = t.start;
    } else if (depth === 2 && t.local === "col") {
      const a = tagAttrs(xml.slice(t.start, t.end)).attrs;
      if (a.style) colStyles.push({ min: Number(a.min), max: Number(a.max ?? a.min), style: Number(a.style) });
    } else if (depth === 3 && acStart >= 0) {
      // mc:AlternateContent > mc:Choice|mc:Fallback > the element it stands for
      if (legacyAt < 0 && AFTER_LEGACY_DRAWING.has(t.local)) legacyAt = acStart;
      acStart = -1;
    }
    if (inSheetData && depth === 2 && t.local === "row") startRow(t);
    else if (inSheetData && depth === 3 && inRow && t.local === "c") cell(t);
    if (!t.self) depth++;
  });

  function startRow(t: Tag): void {
    let tag = xml.slice(t.start, t.end);
    const r = attr(tag, "r");
    const number = r !== undefined && /^\d+$/.test(r.trim()) ? Number(r) : row + 1;
    row = number;
    col = 0;
    const rows = newRows(number);
    if (rows) edits.insert(t.start, rows);
    // a row without r after inserted rows would lose its implied number
    const needR = rows !== "" && r === undefined;
    rowMarks = [];
    for (; mi < marks.length && marks[mi].row === number; mi++) rowMarks.push(marks[mi]);
    inRow = !t.self;
    if (!rowMarks.length) {
      if (needR) edits.add(t.start, t.end, setAttr(tag, "r", String(number)));
      return;
    }
    const custom = attr(tag, "customFormat");
    const s = attr(tag, "s");
    rowStyle = (custom === "1" || custom === "true") && s !== undefined && /^\d+$/.test(s) ? Number(s) : null;
    if (needR) tag = setAttr(tag, "r", String(number));
    const spans = attr(tag, "spans");
    if (spans !== undefined) {
      // an optimisation hint ("1:5" or "1:5 9:12"): it must still cover every cell of the row
      const ranges = spans.trim().split(/\s+/).map((x) => x.split(":").map(Number)).filter((x) => x.every(Number.isFinite));
      const inside = (c: number) => ranges.some(([a, b]) => c >= a && c <= (b ?? a));
      if (!rowMarks.every((m) => inside(m.col))) {
        const cols = [...ranges.flat(), ...rowMarks.map((m) => m.col)];
        tag = setAttr(tag, "spans", `${Math.min(...cols)}:${Math.max(...cols)}`);
      }
    }
    if (t.self) {
      // <row/> with marks: it gets its cells
      const cells = rowMarks.map(newCell).join("");
      rowMarks = [];
      edits.add(t.start, t.end, `${tag.slice(0, -2).replace(/\s+$/, "")}>${cells}</${t.qname}>`);
      rowStyle = null;
    } else {
      if (tag !== xml.slice(t.start, t.end)) edits.add(t.start, t.end, tag);
    }
  }

  function cell(t: Tag): void {
    let tag = xml.slice(t.start, t.end);
    const r = attr(tag, "r");
    const pos = r !== undefined ? parseA1(r) : null;
    col = pos ? pos.col : col + 1;
    if (!rowMarks.length) return;
    const before: string[] = [];
    while (rowMarks.length && rowMarks[0].col < col) before.push(newCell(rowMarks.shift()!));
    if (before.length) edits.insert(t.start, before.join(""));
    // likewise a cell without r after inserted cells
    if (before.length > 0 && r === undefined) tag = setAttr(tag, "r", `${indexToCol(col)}${row}`);
    if (rowMarks.length && rowMarks[0].col === col) {
      const m = rowMarks.shift()!;
      const s = attr(tag, "s");
      const base = s !== undefined && /^\d+$/.test(s.trim()) ? Number(s) : 0;
      tag = setAttr(tag, "s", String(styleFor(base, m.severity)));
    }
    if (tag !== xml.slice(t.start, t.end)) edits.add(t.start, t.end, tag);
  }

  function endRow(at: number): void {
    if (rowMarks.length) {
      edits.insert(at, rowMarks.map(newCell).join(""));
      rowMarks = [];
    }
    inRow = false;
    rowStyle = null;
  }

  if (rootClose < 0) throw new WorkbookFileError("corrupt workbook: a worksheet part is not closed");
  if (!sheetDataSeen) throw new WorkbookFileError("corrupt workbook: a worksheet part has no <sheetData>");
  if (mi < marks.length) throw new Error("annotate: the rows of the sheet are not in order (internal)");

  // Grow <dimension> over the new cells.
  const d = dimension as Tag | null;
  if (d && maxRow > 0) {
    const tag = xml.slice(d.start, d.end);
    const [a, b] = (attr(tag, "ref") ?? "").split(":");
    const p1 = parseA1(a ?? "");
    const p2 = b ? parseA1(b) : p1;
    if (p1 && p2) {
      const r1 = Math.min(p1.row, p2.row, minRow), c1 = Math.min(p1.col, p2.col, minCol);
      const r2 = Math.max(p1.row, p2.row, maxRow), c2 = Math.max(p1.col, p2.col, maxCol);
      const ref = `${indexToCol(c1)}${r1}:${indexToCol(c2)}${r2}`;
      if (ref !== `${indexToCol(Math.min(p1.col, p2.col))}${Math.min(p1.row, p2.row)}:${indexToCol(Math.max(p1.col, p2.col))}${Math.max(p1.row, p2.row)}`) {
        edits.add(d.start, d.end, setAttr(tag, "ref", ref));
      }
    }
  }

  const mainNs = rootNs.get(p.replace(/:$/, "")) ?? "";
  const strict = mainNs === NS.strictMain;
  const relNs = strict ? NS.strictRel : NS.rel;
  return {
    strict,
    legacyDrawingId,
    addLegacyDrawing(relId: string) {
      const relPrefix = [...rootNs].find(([, uri]) => uri === relNs)?.[0];
      const element = relPrefix
        ? `<${p}legacyDrawing ${relPrefix}:id="${xmlAttr(relId)}"/>`
        : `<${p}legacyDrawing xmlns:r="${relNs}" r:id="${xmlAttr(relId)}"/>`;
      const existing = legacyDrawingTag as Tag | null;
      // a <legacyDrawing> whose relationship is missing is replaced: a sheet has one at most
      if (existing) edits.add(existing.start, existing.end, element);
      else edits.insert(legacyAt >= 0 ? legacyAt : rootClose, element);
    },
    result: () => edits.apply(xml),
  };
}

// ---------------------------------------------------------------------------
// Comments part: append notes, or add to a cell's existing one.

interface Note {
  row: number;
  col: number;
  ref: string;
  text: string;
}

function patchComments(xml: string, notes: Note[]): string {
  const edits = new Edits();
  let depth = 0;
  let p = "";
  const authors: string[] = [];
  let authorsTag: Tag | null = null;
  let authorsClose = -1;
  let authorStart = -1;
  let listTag: Tag | null = null;
  let listClose = -1;
  let rootOpenEnd = -1;
  const comments = new Map<string, { textTag: Tag | null; textClose: number; t: Tag | null; tClose: number; lastRunEnd: number; phoneticAt: number }>();
  let current: ReturnType<typeof comments.get> | undefined;

  eachTag(xml, (t) => {
    if (t.close) {
      depth--;
      if (depth === 1 && t.local === "authors") authorsClose = t.start;
      else if (depth === 1 && t.local === "commentList") listClose = t.start;
      else if (depth === 2 && t.local === "author" && authorStart >= 0) {
        authors.push(decodeEntities(binToUtf8(xml.slice(authorStart, t.start))));
        authorStart = -1;
      } else if (depth === 2 && t.local === "comment") current = undefined;
      else if (depth === 3 && current && t.local === "text") current.textClose = t.start;
      else if (depth === 4 && current && t.local === "t" && current.t) current.tClose = t.start;
      else if (depth === 4 && current && t.local === "r") current.lastRunEnd = t.end;
      return;
    }
    if (depth === 0) {
      p = t.prefix;
      rootOpenEnd = t.end;
    } else if (depth === 1 && t.local === "authors") authorsTag = t;
    else if (depth === 1 && t.local === "commentList") listTag = t;
    else if (depth === 2 && t.local === "author") {
      if (t.self) authors.push("");
      else authorStart = t.end;
    } else if (depth === 2 && t.local === "comment") {
      const ref = (attr(xml.slice(t.start, t.end), "ref") ?? "").replace(/\$/g, "").toUpperCase();
      current = undefined;
      if (!comments.has(ref)) {
        current = { textTag: null, textClose: -1, t: null, tClose: -1, lastRunEnd: -1, phoneticAt: -1 };
        comments.set(ref, current);
      }
    } else if (depth === 3 && current && t.local === "text") current.textTag = t;
    else if (depth === 4 && current && t.local === "t" && !current.t) current.t = t;
    else if (depth === 4 && current && (t.local === "rPh" || t.local === "phoneticPr") && current.phoneticAt < 0) current.phoneticAt = t.start;
    else if (depth === 4 && current && t.local === "r" && t.self) current.lastRunEnd = t.end;
    if (!t.self) depth++;
  });
  if (rootOpenEnd < 0) throw new WorkbookFileError("corrupt workbook: a comments part is empty");

  // Our author.
  let authorId = authors.indexOf(NOTE_AUTHOR);
  const newComments: string[] = [];
  const ensureAuthor = () => {
    if (authorId >= 0) return;
    authorId = authors.length;
    authors.push(NOTE_AUTHOR);
    const el = `<${p}author>${xmlText(NOTE_AUTHOR)}</${p}author>`;
    const a = authorsTag as Tag | null;
    if (a && !a.self && authorsClose >= 0) edits.insert(authorsClose, el);
    else if (a) edits.add(a.start, a.end, `<${p}authors>${el}</${p}authors>`);
    else edits.insert(rootOpenEnd, `<${p}authors>${el}</${p}authors>`);
  };

  for (const note of notes) {
    const c = comments.get(note.ref);
    if (!c || !c.textTag) {
      ensureAuthor();
      newComments.push(utf8ToBin(commentXml(note.ref, authorId, note.text, p)));
      continue;
    }
    if (c.t) {
      const tTag = xml.slice(c.t.start, c.t.end);
      const preserve = setAttr(tTag, "xml:space", "preserve");
      if (c.t.self) edits.add(c.t.start, c.t.end, `${preserve.slice(0, -2).replace(/\s+$/, "")}>${utf8ToBin(xmlText(xstring(note.text)))}</${c.t.qname}>`);
      else {
        const hasText = c.tClose > c.t.end;
        edits.add(c.t.start, c.t.end, preserve);
        edits.insert(c.tClose, utf8ToBin(xmlText(xstring((hasText ? "\n" : "") + note.text))));
      }
    } else if (c.lastRunEnd >= 0) {
      edits.insert(c.lastRunEnd, utf8ToBin(`<${p}r>${textElement(`\n${note.text}`, p)}</${p}r>`));
    } else if (c.textTag.self) {
      edits.add(c.textTag.start, c.textTag.end, utf8ToBin(`<${p}text>${textElement(note.text, p)}</${p}text>`));
    } else {
      edits.insert(c.phoneticAt >= 0 ? c.phoneticAt : c.textClose, utf8ToBin(textElement(note.text, p)));
    }
  }

  if (newComments.length) {
    const l = listTag as Tag | null;
    if (l && !l.self && listClose >= 0) edits.insert(listClose, newComments.join(""));
    else if (l) edits.add(l.start, l.end, `<${p}commentList>${newComments.join("")}</${p}commentList>`);
    else throw new WorkbookFileError("corrupt workbook: a comments part has no <commentList>");
  }
  return edits.apply(xml);
}

// ---------------------------------------------------------------------------
// VML drawing: a shape for each note that has none.

function idmapBlocks(vml: string): number[] {
  const m = /<(?:[\w.-]+:)?idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
  return m ? m[1].split(/[,\s]+/).filter((x) => /^\d+$/.test(x)).map(Number) : [];
}

function patchVml(vml: string, notes: Note[], usedBlocks: () => Set<number>): string {
  // Notes that already have a shape keep it.
  const shaped = new Set<string>();
  for (const m of vml.matchAll(/<(?:[\w.-]+:)?ClientData\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?ClientData\s*>/g)) {
    if (!/ObjectType\s*=\s*["']Note["']/.test(m[1])) continue;
    const r = /<(?:[\w.-]+:)?Row>\s*(\d+)\s*</.exec(m[2]);
    const c = /<(?:[\w.-]+:)?Column>\s*(\d+)\s*</.exec(m[2]);
    if (r && c) shaped.add(`${r[1]}/${c[1]}`);
  }
  const todo = notes.filter((n) => !shaped.has(`${n.row - 1}/${n.col - 1}`));
  if (!todo.length) return vml;

  const root = /<xml\b[^>]*>/.exec(vml);
  const closeAt = vml.search(/<\/xml\s*>\s*$/);
  if (!root || closeAt < 0) throw new WorkbookFileError("cannot annotate: a VML drawing is not an <xml> document");
  const edits = new Edits();

  // Namespace declarations our shapes rely on.
  let rootTag = root[0];
  for (const [prefix, uri] of [["v", NS.vml], ["o", NS.office], ["x", NS.excel]]) {
    if (attr(rootTag, `xmlns:${prefix}`) === undefined) rootTag = setAttr(rootTag, `xmlns:${prefix}`, uri);
  }
  if (rootTag !== root[0]) edits.add(root.index, root.index + root[0].length, rootTag);

  // Shape ids: free ones in the drawing's blocks, then new blocks.
  const used = new Set([...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
  const blocks = idmapBlocks(vml);
  let ids = shapeIdsInBlocks(blocks, todo.length, used);
  const extra: number[] = [];
  if (ids.length < todo.length) {
    const all = usedBlocks();
    for (const b of blocks) all.add(b);
    for (let b = 1; ids.length + extra.length * SHAPES_PER_BLOCK < todo.length; b++) {
      if (!all.has(b)) {
        all.add(b);
        extra.push(b);
      }
    }
    ids = [...ids, ...shapeIdsInBlocks(extra, todo.length - ids.length)];
    const idmap = /(<(?:[\w.-]+:)?idmap\b[^>]*?\bdata\s*=\s*["'])([^"']*)(["'])/.exec(vml);
    if (idmap) {
      const at = idmap.index + idmap[1].length;
      edits.add(at, at + idmap[2].length, [...blocks, ...extra].join(","));
    } else {
      edits.insert(root.index + root[0].length, `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${extra.join(",")}"/></o:shapelayout>`);
    }
  }

  const shapetype = /\bid\s*=\s*["']_x0000_t202["']/.test(vml) ? "" : VML_NOTE_SHAPETYPE;
  edits.insert(closeAt, shapetype + todo.map((n, k) => vmlNoteShapeXml(ids[k], n.row, n.col)).join(""));
  return edits.apply(vml);
}
