/**
 * What the .xlsx writer (writer.ts) and the annotator (annotate.ts) have in
 * common: namespaces and relationship types, escaping for element text and
 * attributes, the XML of fills, comments (notes) and their VML shapes, and a
 * deterministic zip.
 */
import { zipSync, type Zippable } from "fflate";
import { parseA1, type CellPos } from "../../grid";
import { escapeXml } from "./xml";

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  strictRel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  vml: "urn:schemas-microsoft-com:vml",
  office: "urn:schemas-microsoft-com:office:office",
  excel: "urn:schemas-microsoft-com:office:excel",
} as const;

/** Relationship types, by their last segment; `strict` for ISO strict packages. */
export function relType(
  kind:
    | "officeDocument"
    | "worksheet"
    | "styles"
    | "sharedStrings"
    | "comments"
    | "vmlDrawing"
    | "extended-properties",
  strict = false
): string {
  return `${strict ? NS.strictRel : NS.rel}/${kind}`;
}
export const CORE_PROPS_REL =
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

export const CONTENT_TYPE = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text: escaped, characters XML 1.0 cannot carry dropped, CR kept as a character reference. */
export function xmlText(s: string): string {
  return escapeXml(s.replace(LONE_SURROGATE, "")).replace(/\r/g, "&#13;");
}

/** Attribute value (double quotes): as xmlText, and whitespace that attribute normalisation would eat kept as references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/**
 * ST_Xstring: Excel reads "_xHHHH_" in string text as an escaped character, so a
 * literal one is written with its "_" escaped as "_x005F_".
 */
export function xstring(s: string): string {
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
}

/** A <t> element (with the given prefix) holding a string, spaces kept. */
export function textElement(s: string, p = ""): string {
  const preserve = /^\s|\s$|[\t\n\r]| {2}/.test(s) ? ' xml:space="preserve"' : "";
  return `<${p}t${preserve}>${xmlText(xstring(s))}</${p}t>`;
}

/** "FFC7CE" or "ffffc7ce" → "FFFFC7CE"; null when not a colour. */
export function normalizeArgb(color: string): string | null {
  const c = color.replace(/^#/, "");
  if (/^[0-9A-Fa-f]{8}$/.test(c)) return c.toUpperCase();
  if (/^[0-9A-Fa-f]{6}$/.test(c)) return `FF${c.toUpperCase()}`;
  return null;
}

/** A solid <fill> of one ARGB colour. */
export function solidFillXml(argb: string, p = ""): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

/** A cell address ("B5"; "$B$5" accepted) as 1-based row and column; throws naming it otherwise. */
export function cellPos(ref: string, context: string): CellPos {
  const pos = typeof ref === "string" ? parseA1(ref) : null;
  if (!pos) throw new Error(`${context}: "${ref}" is not a cell address (such as B5)`);
  return pos;
}

export const NOTE_AUTHOR = "FOCUS check";

/** One <comment> of a comments part. */
export function commentXml(ref: string, authorId: number, text: string, p = ""): string {
  return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${textElement(text, p)}</${p}text></${p}comment>`;
}

/** A whole comments part. */
export function commentsPartXml(authors: string[], comments: string[]): string {
  return (
    `${XML_DECL}<comments xmlns="${NS.main}"><authors>${authors.map((a) => `<author>${xmlText(a)}</author>`).join("")}</authors>` +
    `<commentList>${comments.join("")}</commentList></comments>`
  );
}

/** The shape type every note's VML shape refers to. */
export const VML_NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The VML shape Excel needs to show the note of a cell (1-based row and column), hidden until hovered. */
export function vmlNoteShapeXml(shapeId: number, row: number, col: number): string {
  const r = row - 1;
  const c = col - 1;
  const top = Math.max(0, r - 1);
  return (
    `<v:shape id="_x0000_s${shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:79.5pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${top}, 10, ${c + 3}, 15, ${top + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

/** A whole VML drawing; `blocks` are its shape-id blocks (o:idmap), unique in the workbook. */
export function vmlDrawingXml(blocks: number[], shapes: string[]): string {
  return (
    `<xml xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>` +
    `${VML_NOTE_SHAPETYPE}${shapes.join("")}</xml>`
  );
}

/** Shape ids live in blocks of 1024 (block b: b*1024+1 … b*1024+1023). */
export const SHAPES_PER_BLOCK = 1023;
export function shapeIdsInBlocks(
  blocks: number[],
  count: number,
  used: Set<number> = new Set()
): number[] {
  const ids: number[] = [];
  for (const b of blocks) {
    for (let id = b * 1024 + 1; id < (b + 1) * 1024 && ids.length < count; id++)
      if (!used.has(id)) ids.push(id);
  }
  return ids;
}

export function relationshipXml(id: string, type: string, target: string, p = ""): string {
  return `<${p}Relationship Id="${xmlAttr(id)}" Type="${xmlAttr(type)}" Target="${xmlAttr(target)}"/>`;
}

export function relsPartXml(rels: { id: string; type: string; target: string }[]): string {
  return `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">${rels.map((r) => relationshipXml(r.id, r.type, r.target)).join("")}</Relationships>`;
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf("/");
  return `${partPath.slice(0, i + 1)}_rels/${partPath.slice(i + 1)}.rels`;
}

/** A relationship target from one part to another, relative to the first one's folder. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** Fixed entry time, so that the same parts always give the same bytes (local time: fflate writes DOS local dates). */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** Zip parts in the order given, deterministically. */
export function zipParts(parts: Iterable<[string, Uint8Array]>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) {
    // fflate takes an object: integer-like keys would lose their place in it
    if (/^\d+$/.test(name)) throw new Error(`zip: part name "${name}" cannot be kept in order`);
    files[name] = [data, { mtime: ZIP_MTIME }];
  }
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}
