/** The package being annotated: parts in their order, which ones changed, new parts, relationships, VML shape-id blocks. */
import { strToU8 } from "fflate";
import { NS, relativeTarget, relsPartXml, relsPathOf, relationshipXml, zipParts } from "../ooxml";
import type { XlsxWorkbook } from "../reader";
import { WorkbookFileError } from "../zip";
import { attr, bin, eachTag, utf8ToBin } from "./tags";
import { idmapBlocks } from "./vml";

export class PackageEditor {
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
    eachTag(xml, relsPath, (t) => {
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
    for (const name of this.order)
      entries.push([name, this.changed.get(name) ?? this.parts.get(name) ?? new Uint8Array(0)]);
    for (const name of this.added) entries.push([name, this.changed.get(name)!]);
    return zipParts(entries);
  }
}
