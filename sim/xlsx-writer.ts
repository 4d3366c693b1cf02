/**
 * Build a new .xlsx from a plain model: values, formulas with their cached
 * results, number formats, bold, fills, notes, merges, column widths, defined
 * names and calculation settings. Same model, same bytes.
 */
import { strToU8 } from "fflate";
import { ERROR_CODES } from "./formula/values";
import {
  cellKey,
  colToIndex,
  cornersA1,
  intersects,
  MAX_COL,
  parseA1,
  toA1,
  type Area,
  type CellPos,
} from "../src/grid";
import {
  CONTENT_TYPE,
  CORE_PROPS_REL,
  NOTE_AUTHOR,
  NS,
  XML_DECL,
  cellPos,
  commentXml,
  commentsPartXml,
  normalizeArgb,
  relType,
  relsPartXml,
  shapeIdsInBlocks,
  SHAPES_PER_BLOCK,
  solidFillXml,
  textElement,
  vmlDrawingXml,
  vmlNoteShapeXml,
  xmlAttr,
  xmlText,
  xstring,
  zipParts,
} from "../src/workbook/xlsx/ooxml";

export interface WorkbookModel {
  sheets: SheetModel[];
  /**
   * Defined names. localSheet = the sheet's NAME for a sheet-level name (written as
   * localSheetId = its index). refersTo without "=", e.g. "'Seg 1'!$C$10", "#REF!",
   * "OFFSET(...)" or "1000".
   */
  names?: { name: string; refersTo: string; localSheet?: string; hidden?: boolean }[];
  calcMode?: "auto" | "manual";
  /** Write <calcPr fullCalcOnLoad="1"/> so Excel/LibreOffice recompute on open. */
  fullCalcOnLoad?: boolean;
}

export interface SheetModel {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  cells: CellModel[];
  /** Merged areas, e.g. "B3:C3". */
  merges?: string[];
  /** Column widths in characters, by letter. */
  columnWidths?: Record<string, number>;
  /** <sheetProtection sheet="1"/>. */
  protected?: boolean;
}

export interface CellModel {
  /** "B5". */
  ref: string;
  /** The value; for a formula its cached result. undefined/null: none. */
  value?: number | string | boolean | null;
  /** An error value such as "#REF!" or "#N/A" (t="e"); for a formula its cached result. */
  error?: string;
  /** Without "="; with value undefined there is no cached result (<v>). */
  formula?: string;
  /** Custom format code, e.g. "#,##0;(#,##0)" or "m/d/yyyy". */
  numberFormat?: string;
  bold?: boolean;
  /** ARGB like "FFFFC7CE". */
  fill?: string;
  /** A legacy comment (note). */
  note?: string;
}

/** The error values a cell can hold in the file format. */
export const CELL_ERRORS: ReadonlySet<string> = new Set([...ERROR_CODES, "#GETTING_DATA"]);

const MAX_TEXT = 32767;

/** Throws unless Excel would accept `name` as a sheet name. */
export function checkSheetName(name: string): void {
  const why =
    typeof name !== "string" || name.length === 0
      ? "it is empty"
      : name.length > 31
        ? "it is longer than 31 characters"
        : /[[\]:*?/\\]/.test(name)
          ? "it contains one of [ ] : * ? / \\"
          : // eslint-disable-next-line no-control-regex -- matching control characters is the point
            /[\u0000-\u001f\u007f]/.test(name)
            ? "it contains a control character"
            : name.startsWith("'") || name.endsWith("'")
              ? "it begins or ends with an apostrophe"
              : name.toLowerCase() === "history"
                ? "History is reserved by Excel"
                : null;
  if (why) throw new Error(`invalid sheet name ${JSON.stringify(name)}: ${why}`);
}

/** Throws unless Excel would accept `name` as a defined name. */
function checkDefinedName(name: string): void {
  let why: string | null = null;
  if (typeof name !== "string" || name.length === 0) why = "it is empty";
  else if (name.length > 255) why = "it is longer than 255 characters";
  else if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name))
    why = "it must begin with a letter, _ or \\ and hold only letters, digits, _ . \\ ?";
  else if (/^[RC]$/i.test(name) || /^R\d*C\d*$/i.test(name))
    why = "it looks like an R1C1 reference";
  else {
    if (parseA1(name)) why = "it looks like a cell address";
  }
  if (why) throw new Error(`invalid defined name ${JSON.stringify(name)}: ${why}`);
}

/** The cellXfs of the workbook, one entry per distinct (number format, bold, fill). */
class StyleTable {
  private readonly numFmts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly xfKeys = new Map<string, number>([["0/0/0", 0]]);
  private readonly xfs: { numFmtId: number; fontId: number; fillId: number }[] = [
    { numFmtId: 0, fontId: 0, fillId: 0 },
  ];

  index(cell: CellModel, where: string): number {
    const code = cell.numberFormat ?? "General";
    let numFmtId = 0;
    if (code !== "General") {
      if (typeof code !== "string" || code.length === 0 || code.length > 255)
        throw new Error(`${where}: invalid number format ${JSON.stringify(code)}`);
      numFmtId = this.numFmts.get(code) ?? 164 + this.numFmts.size;
      this.numFmts.set(code, numFmtId);
    }
    let fillId = 0;
    if (cell.fill !== undefined) {
      const argb = normalizeArgb(cell.fill);
      if (!argb)
        throw new Error(
          `${where}: fill ${JSON.stringify(cell.fill)} is not an ARGB colour such as FFFFC7CE`
        );
      fillId = this.fills.get(argb) ?? 2 + this.fills.size;
      this.fills.set(argb, fillId);
    }
    const fontId = cell.bold ? 1 : 0;
    const key = `${numFmtId}/${fontId}/${fillId}`;
    let xf = this.xfKeys.get(key);
    if (xf === undefined) {
      xf = this.xfs.length;
      this.xfs.push({ numFmtId, fontId, fillId });
      this.xfKeys.set(key, xf);
    }
    return xf;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`
    );
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...[...this.fills.keys()].map((argb) => solidFillXml(argb)),
    ];
    const xfs = this.xfs.map(
      ({ numFmtId, fontId, fillId }) =>
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}/>`
    );
    return (
      `${XML_DECL}<styleSheet xmlns="${NS.main}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
      '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      `<fills count="${fills.length}">${fills.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  add(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(s, i);
    }
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  xml(): string {
    const items = [...this.index.keys()].map((s) => `<si>${textElement(s)}</si>`);
    return `${XML_DECL}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  }
}

interface PlacedCell {
  pos: CellPos;
  ref: string;
  cell: CellModel;
}

function cellXml(p: PlacedCell, style: number, sst: SharedStrings, where: string): string {
  const { cell, ref } = p;
  const s = style ? ` s="${style}"` : "";
  const value = cell.value ?? undefined;
  let f = "";
  if (cell.formula !== undefined) {
    if (typeof cell.formula !== "string" || cell.formula.trim() === "")
      throw new Error(`${where}: empty formula`);
    f = `<f>${xmlText(cell.formula)}</f>`;
  }
  if (cell.error !== undefined) {
    if (value !== undefined)
      throw new Error(`${where}: a cell cannot hold both a value and an error`);
    if (!CELL_ERRORS.has(cell.error))
      throw new Error(
        `${where}: ${JSON.stringify(cell.error)} is not an error value (${[...CELL_ERRORS].join(" ")})`
      );
    return `<c r="${ref}"${s} t="e">${f}<v>${cell.error}</v></c>`;
  }
  if (value === undefined) return f ? `<c r="${ref}"${s}>${f}</c>` : `<c r="${ref}"${s}/>`;
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value))
        throw new Error(`${where}: ${value} cannot be stored in a workbook`);
      return `<c r="${ref}"${s}>${f}<v>${String(value)}</v></c>`;
    case "boolean":
      return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    case "string":
      if (value.length > MAX_TEXT)
        throw new Error(`${where}: text longer than ${MAX_TEXT} characters`);
      return f
        ? `<c r="${ref}"${s} t="str">${f}<v>${xmlText(xstring(value))}</v></c>`
        : `<c r="${ref}"${s} t="s"><v>${sst.add(value)}</v></c>`;
    default:
      throw new Error(`${where}: unsupported value ${JSON.stringify(value)}`);
  }
}

function mergeAreas(sheet: SheetModel): { ref: string; area: Area }[] {
  const out: { ref: string; area: Area }[] = [];
  for (const m of sheet.merges ?? []) {
    const where = `sheet "${sheet.name}", merge`;
    const [a, b, extra] = String(m).split(":");
    if (b === undefined || extra !== undefined)
      throw new Error(`${where}: "${m}" is not an area such as B3:C3`);
    const p = cellPos(a, where);
    const q = cellPos(b, where);
    const area = {
      r1: Math.min(p.row, q.row),
      c1: Math.min(p.col, q.col),
      r2: Math.max(p.row, q.row),
      c2: Math.max(p.col, q.col),
    };
    if (area.r1 === area.r2 && area.c1 === area.c2)
      throw new Error(`${where}: "${m}" is a single cell`);
    for (const o of out) {
      if (intersects(area, o.area)) {
        throw new Error(`${where}: "${m}" overlaps "${o.ref}"`);
      }
    }
    out.push({ ref: cornersA1(area), area });
  }
  return out;
}

function colsXml(sheet: SheetModel): string {
  const cols = Object.entries(sheet.columnWidths ?? {})
    .map(([letters, width]) => {
      const where = `sheet "${sheet.name}", column ${JSON.stringify(letters)}`;
      const col = /^[A-Za-z]{1,3}$/.test(letters) ? colToIndex(letters) : 0;
      if (col < 1 || col > MAX_COL) throw new Error(`${where}: not a column letter`);
      if (typeof width !== "number" || !Number.isFinite(width) || width < 0 || width > 255)
        throw new Error(`${where}: width ${width} is not between 0 and 255`);
      return { col, width };
    })
    .sort((a, b) => a.col - b.col);
  if (!cols.length) return "";
  return `<cols>${cols.map(({ col, width }) => `<col min="${col}" max="${col}" width="${String(width)}" customWidth="1"/>`).join("")}</cols>`;
}

interface SheetParts {
  xml: string;
  notes: { pos: CellPos; ref: string; text: string }[];
}

function sheetParts(
  sheet: SheetModel,
  selected: boolean,
  styles: StyleTable,
  sst: SharedStrings
): SheetParts {
  const placed = new Map<number, PlacedCell>();
  for (const cell of sheet.cells) {
    const where = `sheet "${sheet.name}", cell ${JSON.stringify(cell?.ref)}`;
    const pos = cellPos(cell.ref, `sheet "${sheet.name}"`);
    const key = cellKey(pos.row, pos.col);
    const ref = toA1(pos);
    if (placed.has(key)) throw new Error(`${where}: the cell ${ref} appears twice`);
    placed.set(key, { pos, ref, cell });
  }
  const cells = [...placed.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  const merges = mergeAreas(sheet);

  let minR = Infinity,
    minC = Infinity,
    maxR = 0,
    maxC = 0;
  for (const { pos } of cells) {
    minR = Math.min(minR, pos.row);
    minC = Math.min(minC, pos.col);
    maxR = Math.max(maxR, pos.row);
    maxC = Math.max(maxC, pos.col);
  }
  const dimension =
    cells.length === 0
      ? "A1"
      : minR === maxR && minC === maxC
        ? toA1({ row: minR, col: minC })
        : cornersA1({ r1: minR, c1: minC, r2: maxR, c2: maxC });

  const rows: string[] = [];
  const notes: SheetParts["notes"] = [];
  for (let i = 0; i < cells.length;) {
    const row = cells[i].pos.row;
    const parts: string[] = [];
    for (; i < cells.length && cells[i].pos.row === row; i++) {
      const p = cells[i];
      const where = `sheet "${sheet.name}", cell ${p.ref}`;
      parts.push(cellXml(p, styles.index(p.cell, where), sst, where));
      if (p.cell.note !== undefined && p.cell.note !== null) {
        if (p.cell.note.length > MAX_TEXT)
          throw new Error(`${where}: note longer than ${MAX_TEXT} characters`);
        notes.push({ pos: p.pos, ref: p.ref, text: String(p.cell.note) });
      }
    }
    rows.push(`<row r="${row}">${parts.join("")}</row>`);
  }

  const xml =
    `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(sheet) +
    (rows.length ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>") +
    (sheet.protected ? '<sheetProtection sheet="1"/>' : "") +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m.ref}"/>`).join("")}</mergeCells>`
      : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (notes.length ? '<legacyDrawing r:id="rId1"/>' : "") +
    "</worksheet>";
  return { xml, notes };
}

function definedNamesXml(model: WorkbookModel): string {
  const seen = new Set<string>();
  const items = (model.names ?? []).map((n) => {
    checkDefinedName(n.name);
    let local = "";
    let scope = -1;
    if (n.localSheet !== undefined) {
      scope = model.sheets.findIndex((s) => s.name === n.localSheet);
      if (scope < 0) throw new Error(`defined name "${n.name}": no sheet named "${n.localSheet}"`);
      local = ` localSheetId="${scope}"`;
    }
    const key = `${scope}/${n.name.toUpperCase()}`;
    if (seen.has(key))
      throw new Error(
        `defined name "${n.name}" is defined twice${scope >= 0 ? ` on sheet "${n.localSheet}"` : ""}`
      );
    seen.add(key);
    if (typeof n.refersTo !== "string" || n.refersTo.trim() === "")
      throw new Error(`defined name "${n.name}": empty refersTo`);
    const refersTo = n.refersTo.startsWith("=") ? n.refersTo.slice(1) : n.refersTo;
    return `<definedName name="${xmlAttr(n.name)}"${local}${n.hidden ? ' hidden="1"' : ""}>${xmlText(refersTo)}</definedName>`;
  });
  return items.length ? `<definedNames>${items.join("")}</definedNames>` : "";
}

/** A new .xlsx from the model. Throws an Error naming what is wrong in it. */
export function writeXlsx(model: WorkbookModel): Uint8Array {
  const sheets = model.sheets ?? [];
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const seen = new Set<string>();
  for (const s of sheets) {
    checkSheetName(s.name);
    if (seen.has(s.name.toLowerCase()))
      throw new Error(`sheet name "${s.name}" appears twice (names are not case-sensitive)`);
    seen.add(s.name.toLowerCase());
    if (
      s.state !== undefined &&
      s.state !== "visible" &&
      s.state !== "hidden" &&
      s.state !== "veryHidden"
    ) {
      throw new Error(
        `sheet "${s.name}": state ${JSON.stringify(s.state)} is not visible, hidden or veryHidden`
      );
    }
  }
  const active = sheets.findIndex((s) => (s.state ?? "visible") === "visible");
  if (active < 0) throw new Error("a workbook needs at least one visible sheet");

  const styles = new StyleTable();
  const sst = new SharedStrings();
  const sheetOut = sheets.map((s, i) => sheetParts(s, i === active, styles, sst));
  const definedNames = definedNamesXml(model);

  const parts: [string, string][] = [];
  const overrides: [string, string][] = [
    ["/xl/workbook.xml", CONTENT_TYPE.workbook],
    ["/xl/styles.xml", CONTENT_TYPE.styles],
  ];
  if (sst.size) overrides.push(["/xl/sharedStrings.xml", CONTENT_TYPE.sharedStrings]);
  const wbRels = sheets.map((_, i) => ({
    id: `rId${i + 1}`,
    type: relType("worksheet"),
    target: `worksheets/sheet${i + 1}.xml`,
  }));
  wbRels.push({ id: `rId${sheets.length + 1}`, type: relType("styles"), target: "styles.xml" });
  if (sst.size)
    wbRels.push({
      id: `rId${sheets.length + 2}`,
      type: relType("sharedStrings"),
      target: "sharedStrings.xml",
    });

  const sheetEntries: [string, string][] = [];
  let nextBlock = 1;
  let noteParts = 0;
  sheetOut.forEach(({ xml, notes }, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    overrides.push([`/${path}`, CONTENT_TYPE.worksheet]);
    sheetEntries.push([path, xml]);
    if (!notes.length) return;
    const n = ++noteParts;
    const blocks: number[] = [];
    for (let k = 0; k < Math.ceil(notes.length / SHAPES_PER_BLOCK); k++) blocks.push(nextBlock++);
    const ids = shapeIdsInBlocks(blocks, notes.length);
    sheetEntries.push([
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      relsPartXml([
        { id: "rId1", type: relType("vmlDrawing"), target: `../drawings/vmlDrawing${n}.vml` },
        { id: "rId2", type: relType("comments"), target: `../comments${n}.xml` },
      ]),
    ]);
    sheetEntries.push([
      `xl/comments${n}.xml`,
      commentsPartXml(
        [NOTE_AUTHOR],
        notes.map((x) => commentXml(x.ref, 0, x.text))
      ),
    ]);
    sheetEntries.push([
      `xl/drawings/vmlDrawing${n}.vml`,
      vmlDrawingXml(
        blocks,
        notes.map((x, k) => vmlNoteShapeXml(ids[k], x.pos.row, x.pos.col))
      ),
    ]);
    overrides.push([`/xl/comments${n}.xml`, CONTENT_TYPE.comments]);
  });
  overrides.push(
    ["/docProps/core.xml", CONTENT_TYPE.core],
    ["/docProps/app.xml", CONTENT_TYPE.app]
  );

  parts.push([
    "[Content_Types].xml",
    `${XML_DECL}<Types xmlns="${NS.contentTypes}">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>` +
      (noteParts ? `<Default Extension="vml" ContentType="${CONTENT_TYPE.vml}"/>` : "") +
      overrides
        .map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
        .join("") +
      "</Types>",
  ]);
  parts.push([
    "_rels/.rels",
    relsPartXml([
      { id: "rId1", type: relType("officeDocument"), target: "xl/workbook.xml" },
      { id: "rId2", type: CORE_PROPS_REL, target: "docProps/core.xml" },
      { id: "rId3", type: relType("extended-properties"), target: "docProps/app.xml" },
    ]),
  ]);
  parts.push([
    "docProps/app.xml",
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>focus-addin</Application></Properties>',
  ]);
  parts.push([
    "docProps/core.xml",
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(NOTE_AUTHOR)}</dc:creator></cp:coreProperties>`,
  ]);

  const calcAttrs = `${model.calcMode === "manual" ? ' calcMode="manual"' : ""}${model.fullCalcOnLoad ? ' fullCalcOnLoad="1"' : ""}`;
  parts.push([
    "xl/workbook.xml",
    `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
      `<workbookPr/><bookViews><workbookView${active ? ` activeTab="${active}"` : ""}/></bookViews>` +
      `<sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
        )
        .join("")}</sheets>` +
      definedNames +
      `<calcPr calcId="191029"${calcAttrs}/>` +
      "</workbook>",
  ]);
  parts.push(["xl/_rels/workbook.xml.rels", relsPartXml(wbRels)]);
  parts.push(["xl/styles.xml", styles.xml()]);
  if (sst.size) parts.push(["xl/sharedStrings.xml", sst.xml()]);
  parts.push(...sheetEntries);

  return zipParts(parts.map(([name, text]) => [name, strToU8(text)]));
}
