/**
 * Mark cells of an existing .xlsx with a fill and a note, by patching the
 * package: only the styles, the marked worksheets, their comments, VML drawings
 * and relationships, and [Content_Types].xml change; every other part is copied
 * through byte for byte. Values, formulas and number formats are never touched.
 *
 * Parts are edited as "binary strings" (one character per byte), so that the
 * bytes outside an edit stay exactly as they were, whatever their encoding
 * (see tags.ts).
 */
import {
  CONTENT_TYPE,
  NOTE_AUTHOR,
  SHAPES_PER_BLOCK,
  commentXml,
  commentsPartXml,
  relType,
  shapeIdsInBlocks,
  vmlDrawingXml,
  vmlNoteShapeXml,
} from "../ooxml";
import { readRels, XlsxWorkbook } from "../reader";
import { WorkbookFileError, type ZipOptions } from "../zip";
import { patchComments } from "./comments";
import { ContentTypesEditor } from "./content-types";
import { groupMarks, type Mark } from "./marks";
import { PackageEditor } from "./package";
import { patchSheet } from "./sheet";
import { StylesEditor } from "./styles";
import { utf8ToBin } from "./tags";
import { patchVml } from "./vml";

export type { Mark } from "./marks";

/**
 * A copy of the workbook with every marked cell filled and given a note. `options.inflateRaw`:
 * the CLI passes Node's zlib, as its reader does; fflate's inflater otherwise.
 */
export function annotateXlsx(bytes: Uint8Array, marks: Mark[], options?: ZipOptions): Uint8Array {
  const wb = XlsxWorkbook.fromBytes(bytes, options);
  const bySheet = groupMarks(wb, marks);
  if (bySheet.size === 0) return bytes.slice();

  const pkg = new PackageEditor(wb);
  const styles = new StylesEditor(pkg, wb);
  const contentTypes = new ContentTypesEditor(pkg);
  // Both are no-ops on a workbook as Excel writes it, which relates and types its styles.
  contentTypes.override(styles.path, CONTENT_TYPE.styles);
  if (!styles.related) pkg.addRel(wb.workbookPath, relType("styles", pkg.strict), styles.path);

  for (const [index, cellMarks] of [...bySheet].sort((a, b) => a[0] - b[0])) {
    const sheet = wb.sheets[index];
    const sheetPath = pkg.actual(sheet.path ?? "");
    if (!sheetPath)
      throw new WorkbookFileError(`corrupt workbook: the part of sheet "${sheet.name}" is missing`);
    const sorted = [...cellMarks.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const patch = patchSheet(pkg.text(sheetPath), sheetPath, sorted, (base, fill) =>
      styles.styleFor(base, fill)
    );
    const strict = patch.strict;
    const rels = readRels(wb.zip, sheetPath);
    const notes = sorted.map((m) => ({
      row: m.row,
      col: m.col,
      ref: m.ref,
      text: m.notes.join("\n"),
    }));

    // Comments: append to the sheet's part, or create one.
    const commentsRel = [...rels.values()].find((r) => /\/comments$/.test(r.type));
    const commentsPath = commentsRel ? pkg.actual(commentsRel.target) : null;
    if (commentsPath) {
      pkg.put(commentsPath, patchComments(pkg.text(commentsPath), commentsPath, notes));
    } else {
      const path = commentsRel?.target ?? pkg.freshPath((n) => `xl/comments${n}.xml`);
      pkg.put(
        path,
        utf8ToBin(
          commentsPartXml(
            [NOTE_AUTHOR],
            notes.map((x) => commentXml(x.ref, 0, x.text))
          )
        )
      );
      contentTypes.override(path, CONTENT_TYPE.comments);
      if (!commentsRel) pkg.addRel(sheetPath, relType("comments", strict), path);
    }

    // The VML shapes that show the notes: in the sheet's legacy drawing, or a new one.
    const vmlRel = patch.legacyDrawingId !== null ? rels.get(patch.legacyDrawingId) : undefined;
    const vmlPath = vmlRel ? pkg.actual(vmlRel.target) : null;
    if (vmlPath) {
      pkg.put(
        vmlPath,
        patchVml(pkg.text(vmlPath), notes, () => pkg.usedShapeBlocks())
      );
    } else {
      const path = vmlRel?.target ?? pkg.freshPath((n) => `xl/drawings/vmlDrawing${n}.vml`);
      const blocks = pkg.newShapeBlocks(Math.ceil(notes.length / SHAPES_PER_BLOCK));
      const ids = shapeIdsInBlocks(blocks, notes.length);
      pkg.put(
        path,
        utf8ToBin(
          vmlDrawingXml(
            blocks,
            notes.map((x, k) => vmlNoteShapeXml(ids[k], x.row, x.col))
          )
        )
      );
      contentTypes.defaultFor("vml", CONTENT_TYPE.vml, path);
      if (!vmlRel)
        patch.addLegacyDrawing(pkg.addRel(sheetPath, relType("vmlDrawing", strict), path));
    }
    pkg.put(sheetPath, patch.result());
  }

  styles.save();
  contentTypes.save();
  return pkg.zip();
}
