/** The VML drawing that shows the notes: a shape for each note that has none, in shape-id blocks no other drawing uses. */
import {
  NS,
  SHAPES_PER_BLOCK,
  VML_NOTE_SHAPETYPE,
  shapeIdsInBlocks,
  vmlNoteShapeXml,
} from "../ooxml";
import { WorkbookFileError } from "../zip";
import type { Note } from "./comments";
import { attr, Edits, setAttr } from "./tags";

export function idmapBlocks(vml: string): number[] {
  const m = /<(?:[\w.-]+:)?idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
  return m
    ? m[1]
        .split(/[,\s]+/)
        .filter((x) => /^\d+$/.test(x))
        .map(Number)
    : [];
}

export function patchVml(vml: string, notes: Note[], usedBlocks: () => Set<number>): string {
  // Notes that already have a shape keep it.
  const shaped = new Set<string>();
  for (const m of vml.matchAll(
    /<(?:[\w.-]+:)?ClientData\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?ClientData\s*>/g
  )) {
    if (!/ObjectType\s*=\s*["']Note["']/.test(m[1])) continue;
    const r = /<(?:[\w.-]+:)?Row>\s*(\d+)\s*</.exec(m[2]);
    const c = /<(?:[\w.-]+:)?Column>\s*(\d+)\s*</.exec(m[2]);
    if (r && c) shaped.add(`${r[1]}/${c[1]}`);
  }
  const todo = notes.filter((n) => !shaped.has(`${n.row - 1}/${n.col - 1}`));
  if (!todo.length) return vml;

  const root = /<xml\b[^>]*>/.exec(vml);
  const closeAt = vml.search(/<\/xml\s*>\s*$/);
  if (!root || closeAt < 0)
    throw new WorkbookFileError("cannot annotate: a VML drawing is not an <xml> document");
  const edits = new Edits();

  // Namespace declarations our shapes rely on.
  let rootTag = root[0];
  for (const [prefix, uri] of [
    ["v", NS.vml],
    ["o", NS.office],
    ["x", NS.excel],
  ]) {
    if (attr(rootTag, `xmlns:${prefix}`) === undefined)
      rootTag = setAttr(rootTag, `xmlns:${prefix}`, uri);
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
      edits.insert(
        root.index + root[0].length,
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${extra.join(",")}"/></o:shapelayout>`
      );
    }
  }

  const shapetype = /\bid\s*=\s*["']_x0000_t202["']/.test(vml) ? "" : VML_NOTE_SHAPETYPE;
  edits.insert(
    closeAt,
    shapetype + todo.map((n, k) => vmlNoteShapeXml(ids[k], n.row, n.col)).join("")
  );
  return edits.apply(vml);
}
