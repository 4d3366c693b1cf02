/** [Content_Types].xml: an Override for each new part, a Default for a new extension. */
import { xmlAttr } from "../ooxml";
import { WorkbookFileError } from "../zip";
import type { PackageEditor } from "./package";
import { attr, eachTag, Edits } from "./tags";

export class ContentTypesEditor {
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
    eachTag(this.xml, "[Content_Types].xml", (t) => {
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
      } else if (t.local === "Override")
        this.overrides.add((attr(tag, "PartName") ?? "").toLowerCase());
      if (!t.self) depth++;
    });
    if (this.closeAt < 0)
      throw new WorkbookFileError("cannot annotate: [Content_Types].xml has no closing </Types>");
  }

  override(path: string, type: string): void {
    const name = `/${path}`;
    if (this.overrides.has(name.toLowerCase())) return;
    this.overrides.add(name.toLowerCase());
    this.newOverrides.push(
      `<${this.prefix}Override PartName="${xmlAttr(name)}" ContentType="${type}"/>`
    );
  }

  /** A Default for an extension, unless there is one, or an Override for the part. */
  defaultFor(extension: string, type: string, path: string): void {
    if (this.defaults.has(extension) || this.overrides.has(`/${path}`.toLowerCase())) return;
    this.defaults.add(extension);
    this.newDefaults.push(
      `<${this.prefix}Default Extension="${extension}" ContentType="${type}"/>`
    );
  }

  save(): void {
    if (!this.newDefaults.length && !this.newOverrides.length) return;
    const edits = new Edits();
    if (this.newDefaults.length) edits.insert(this.defaultsEnd, this.newDefaults.join(""));
    if (this.newOverrides.length) edits.insert(this.closeAt, this.newOverrides.join(""));
    this.pkg.put("[Content_Types].xml", edits.apply(this.xml));
  }
}
