import { strFromU8 } from "fflate";
import { cellKey } from "../../grid";
import type { Keep, SheetData } from "./sheet-parser";
import { readSheet } from "./sheet-scan";
import { definedNameAt, plainDefinedNames, type XlsxName } from "./defined-names";
import { parseStyles, type Styles } from "./styles";
import { decodeExcelEscapes, scanXml, Tok, XmlError, XmlTokenizer } from "./xml";
import { WorkbookFileError, ZipPackage, type ZipOptions } from "./zip";

export type { XlsxName };

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxSheet {
  index: number;
  name: string;
  state: SheetState;
  kind: "worksheet" | "chartsheet" | "other";
  /** The part holding the sheet, e.g. xl/worksheets/sheet1.xml. */
  path: string | null;
}

export type CalcMode = "auto" | "manual" | "autoNoTable";

/**
 * An .xlsx (or .xlsm) read straight from its parts, so that sheet-level names
 * (localSheetId), cached results and number formats come through untouched.
 */
export class XlsxWorkbook {
  readonly sheets: XlsxSheet[] = [];
  readonly names: XlsxName[] = [];
  calcMode: CalcMode = "auto";
  readonly workbookPath: string;
  private sharedStrings: string[] | null = null;
  private styles: Styles | null = null;
  /** The workbook part's relationships (sheets, shared strings, styles). */
  private readonly rels: Map<string, { target: string; type: string }>;
  private readonly sheetCache = new Map<number, { keep: Keep; data: SheetData }>();

  private constructor(readonly zip: ZipPackage) {
    this.workbookPath = findWorkbookPart(zip);
    const xml = zip.text(this.workbookPath);
    if (xml === null) throw new WorkbookFileError("not a workbook: no workbook part");
    this.rels = readRels(zip, this.workbookPath);
    guardXml(() => this.parseWorkbook(xml, this.rels));
  }

  static fromBytes(bytes: Uint8Array, options?: ZipOptions): XlsxWorkbook {
    return new XlsxWorkbook(new ZipPackage(bytes, options));
  }

  private parseWorkbook(xml: string, rels: Map<string, { target: string; type: string }>): void {
    const plain = plainDefinedNames(xml);
    if (plain) for (const n of plain.names) this.names.push(n);
    const t = new XmlTokenizer(plain ? plain.rest : xml);
    for (let k = t.next(); k !== Tok.End; k = t.next()) {
      if (k !== Tok.Open) continue;
      if (t.is("definedName")) {
        this.names.push(definedNameAt(t));
      } else if (t.is("sheet")) {
        const rel = rels.get(t.attr("id") ?? "");
        const type = rel?.type ?? "";
        const kind = type.endsWith("/worksheet")
          ? "worksheet"
          : type.endsWith("/chartsheet")
            ? "chartsheet"
            : "other";
        const a = t.attr("state");
        const state: SheetState =
          a === "hidden" ? "hidden" : a === "veryHidden" ? "veryHidden" : "visible";
        this.sheets.push({
          index: this.sheets.length,
          name: t.attr("name") ?? `Sheet${this.sheets.length + 1}`,
          state,
          kind,
          path: rel?.target ?? null,
        });
      } else if (t.is("calcPr")) {
        const mode = t.attr("calcMode");
        if (mode === "manual" || mode === "autoNoTable") this.calcMode = mode;
      }
    }
  }

  private ensureShared(): void {
    if (this.sharedStrings) return;
    const sstPath = workbookPart(this.rels, "sharedStrings").path;
    const stylesPath = workbookPart(this.rels, "styles").path;
    const parts = this.zip.readMany([sstPath, stylesPath]);
    const sst: string[] = [];
    const sstXml = parts.get(sstPath);
    if (sstXml) guardXml(() => parseSharedStrings(strFromU8(sstXml), sst));
    this.sharedStrings = sst;
    const stylesXml = parts.get(stylesPath);
    this.styles = guardXml(() => parseStyles(stylesXml ? strFromU8(stylesXml) : null));
  }

  /**
   * Parse the worksheets asked for, in one pass over the archive. `keep` per sheet:
   * "all", the cell keys wanted (bound cells), or cells around those a test picks (see Keep).
   */
  load(wanted: Map<number, Keep>): void {
    this.ensureShared();
    const todo = [...wanted].filter(([i, keep]) => {
      const cached = this.sheetCache.get(i);
      return !cached || !covers(cached.keep, keep);
    });
    const paths = todo.map(([i]) => this.sheets[i]?.path).filter((p): p is string => !!p);
    const parts = this.zip.readMany(paths);
    for (const [i, keep] of todo) {
      const sheet = this.sheets[i];
      const bytes = sheet?.path ? parts.get(sheet.path) : undefined;
      const data = bytes
        ? guardXml(() => readSheet(strFromU8(bytes), this.sharedStrings!, this.styles!, keep))
        : { cells: new Map(), merges: [], protected: false, cellCount: 0 };
      this.sheetCache.set(i, { keep, data });
    }
  }

  /** A loaded sheet (load() first). */
  sheet(index: number): SheetData | null {
    return this.sheetCache.get(index)?.data ?? null;
  }

  cell(index: number, row: number, col: number) {
    return this.sheet(index)?.cells.get(cellKey(row, col));
  }
}

/** Whether cells already parsed with `had` include every cell `want` asks for. */
function covers(had: Keep, want: Keep): boolean {
  if (had === "all") return true;
  if (want === "all") return false;
  if (had instanceof Set) return want instanceof Set && [...want].every((k) => had.has(k));
  return !(want instanceof Set) && had.pick === want.pick && had.headRows >= want.headRows;
}

function guardXml<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof XmlError)
      throw new WorkbookFileError(`corrupt workbook: malformed XML (${e.message})`);
    throw e;
  }
}

function findWorkbookPart(zip: ZipPackage): string {
  const rootRels = zip.text("_rels/.rels");
  let target: string | null = null;
  if (rootRels) {
    guardXml(() =>
      scanXml(rootRels, {
        open(name, a) {
          if (name === "Relationship" && /\/officeDocument$/.test(a.Type ?? "") && !target)
            target = (a.Target ?? "").replace(/^\//, "");
        },
      })
    );
  }
  const path = target ?? "xl/workbook.xml";
  if (/\.bin$/i.test(path) || zip.has("xl/workbook.bin")) {
    throw new WorkbookFileError("binary .xlsb workbook: save it as .xlsx in Excel");
  }
  if (!zip.has(path))
    throw new WorkbookFileError(
      "not a workbook: the package has no workbook part (is it a .docx or .pptx?)"
    );
  return path;
}

/** Relationships of a part, targets resolved to package paths. */
/**
 * Where the workbook keeps its shared strings or styles: the target of the workbook's
 * relationship of that type, else the part where Excel puts it (`related` false). The reader
 * reads that part and the annotator patches the same one, so the copy shows what was checked.
 */
export function workbookPart(
  rels: Map<string, { target: string; type: string }>,
  kind: "sharedStrings" | "styles"
): { path: string; related: boolean } {
  const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`));
  return rel ? { path: rel.target, related: true } : { path: `xl/${kind}.xml`, related: false };
}

export function readRels(
  zip: ZipPackage,
  partPath: string
): Map<string, { target: string; type: string }> {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${dir}_rels/${partPath.slice(dir.length)}.rels`;
  const xml = zip.text(relsPath);
  const map = new Map<string, { target: string; type: string }>();
  if (!xml) return map;
  guardXml(() => {
    const t = new XmlTokenizer(xml);
    for (let k = t.next(); k !== Tok.End; k = t.next()) {
      if (k !== Tok.Open || !t.is("Relationship")) continue;
      const id = t.attr("Id");
      if (!id || t.attr("TargetMode") === "External") continue;
      map.set(id, { target: resolvePath(dir, t.attr("Target") ?? ""), type: t.attr("Type") ?? "" });
    }
  });
  return map;
}

export function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function parseSharedStrings(xml: string, out: string[]): void {
  let inSi = false;
  let inRph = false;
  let inT = false;
  let cur = "";
  scanXml(xml, {
    open(name, _a, self) {
      if (name === "si") {
        inSi = true;
        cur = "";
        if (self) {
          out.push("");
          inSi = false;
        }
      } else if (name === "rPh") inRph = true;
      else if (name === "t" && inSi && !inRph && !self) inT = true;
    },
    text(t) {
      if (inT) cur += t;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inRph = false;
      else if (name === "si" && inSi) {
        out.push(decodeExcelEscapes(cur));
        inSi = false;
      }
    },
  });
}
