/** The styles part: a cell's xf cloned with a new fill (one clone per base style and fill). */
import { NS, XML_DECL, solidFillXml } from "../ooxml";
import { readRels, workbookPart, type XlsxWorkbook } from "../reader";
import { WorkbookFileError } from "../zip";
import type { PackageEditor } from "./package";
import { Edits, eachTag, setAttr, startTagEnd, type Tag } from "./tags";

const MINIMAL_STYLES =
  `${XML_DECL}<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Where the children of <styleSheet> go, in schema order. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export class StylesEditor {
  readonly path: string;
  /** A new part: saved even when no fill was added. */
  readonly created: boolean;
  /** The workbook already relates to the part (else the annotator adds the relationship). */
  readonly related: boolean;
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

  constructor(
    private readonly pkg: PackageEditor,
    wb: XlsxWorkbook
  ) {
    const { path, related } = workbookPart(readRels(wb.zip, wb.workbookPath), "styles");
    const existing = pkg.actual(path);
    this.created = !existing;
    this.related = related;
    this.path =
      existing ?? (related ? path : pkg.freshPath((n) => (n === 1 ? path : `xl/styles${n}.xml`)));
    this.xml = existing ? pkg.text(existing) : MINIMAL_STYLES;
    let depth = 0;
    let section: "fills" | "cellXfs" | null = null;
    let itemStart = -1;
    eachTag(this.xml, this.path, (t) => {
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
        if (t.self)
          (section === "fills" ? this.fills : this.xfs).push(this.xml.slice(t.start, t.end));
        else itemStart = t.start;
      }
      if (!t.self) depth++;
    });
    if (this.rootClose < 0)
      throw new WorkbookFileError("corrupt workbook: the styles part has no <styleSheet>");
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
      if (this.fills.length + this.newFills.length === 0)
        this.newFills.push(
          `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
          `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`
        );
      fillId = this.fills.length + this.newFills.length;
      this.newFills.push(fillXml);
    }
    const all = [...this.xfs, ...this.newXfs];
    const source =
      all[base] ?? all[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    if (all.length === 0) this.newXfs.push(source);
    const tagEnd = startTagEnd(source);
    const tag = setAttr(
      setAttr(source.slice(0, tagEnd), "fillId", String(fillId)),
      "applyFill",
      "1"
    );
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
    const section = (
      tag: Tag | null,
      close: number,
      local: string,
      items: string[],
      count: number
    ) => {
      if (!items.length) return;
      if (tag && !tag.self && close >= 0) {
        edits.add(
          tag.start,
          tag.end,
          setAttr(this.xml.slice(tag.start, tag.end), "count", String(count))
        );
        edits.insert(close, items.join(""));
      } else {
        const whole = `<${p}${local} count="${count}">${items.join("")}</${p}${local}>`;
        if (tag) edits.add(tag.start, tag.end, whole);
        else edits.insert(this.insertionPoint(local), whole);
      }
    };
    section(
      this.fillsTag,
      this.fillsClose,
      "fills",
      this.newFills,
      this.fills.length + this.newFills.length
    );
    section(
      this.xfsTag,
      this.xfsClose,
      "cellXfs",
      this.newXfs,
      this.xfs.length + this.newXfs.length
    );
    this.pkg.put(this.path, edits.apply(this.xml));
  }

  private insertionPoint(local: string): number {
    const after = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(local) + 1);
    return this.children.find((c) => after.includes(c.local))?.start ?? this.rootClose;
  }
}
