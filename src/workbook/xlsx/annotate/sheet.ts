/**
 * The worksheet part: the s of marked cells, new cells and rows where a marked cell has
 * none, a grown <dimension>, and the <legacyDrawing> that shows the notes.
 */
import { indexToCol, parseA1 } from "../../../grid";
import { NS, xmlAttr } from "../ooxml";
import { WorkbookFileError } from "../zip";
import type { CellMark } from "./marks";
import { attr, eachTag, Edits, setAttr, tagAttrs, type Tag } from "./tags";

/** Children of <worksheet> that come after <legacyDrawing> in the schema. */
const AFTER_LEGACY_DRAWING = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

export interface SheetPatch {
  strict: boolean;
  /** r:id of the sheet's <legacyDrawing>, if it has one. */
  legacyDrawingId: string | null;
  addLegacyDrawing(relId: string): void;
  result(): string;
}

export function patchSheet(
  xml: string,
  part: string,
  marks: CellMark[],
  styleFor: (base: number, fill: string) => number
): SheetPatch {
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
  let minRow = Infinity,
    minCol = Infinity,
    maxRow = 0,
    maxCol = 0;

  const baseStyle = (c: number) =>
    rowStyle ?? colStyles.find((x) => c >= x.min && c <= x.max)?.style ?? 0;
  const newCell = (m: CellMark) => {
    minRow = Math.min(minRow, m.row);
    maxRow = Math.max(maxRow, m.row);
    minCol = Math.min(minCol, m.col);
    maxCol = Math.max(maxCol, m.col);
    return `<${p}c r="${m.ref}" s="${styleFor(baseStyle(m.col), m.fill)}"/>`;
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

  // Marks are placed in one pass over rows and cells in ascending order, the order Excel writes
  // (the standard sets none; Office requires it, [MS-OI29500] 2.1.846): a part out of that
  // order is refused, never patched with a second row or cell of the same number.
  const outOfOrder = () =>
    new WorkbookFileError(
      `corrupt workbook: the rows or cells of ${part} are not in ascending order`
    );

  eachTag(xml, part, (t) => {
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
      } else if (local === "AlternateContent") acStart = t.start;
      else if (local === "sheetData") {
        sheetDataSeen = true;
        row = 0;
        if (t.self) {
          const rows = newRows(Infinity);
          if (rows)
            edits.add(
              t.start,
              t.end,
              `${xml.slice(t.start, t.end - 2).replace(/\s+$/, "")}>${rows}</${t.qname}>`
            );
        } else inSheetData = true;
      }
      if (legacyAt < 0 && AFTER_LEGACY_DRAWING.has(local)) legacyAt = t.start;
    } else if (depth === 2 && t.local === "col") {
      const a = tagAttrs(xml.slice(t.start, t.end)).attrs;
      if (a.style)
        colStyles.push({ min: Number(a.min), max: Number(a.max ?? a.min), style: Number(a.style) });
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
    if (number <= row) throw outOfOrder();
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
    rowStyle =
      (custom === "1" || custom === "true") && s !== undefined && /^\d+$/.test(s)
        ? Number(s)
        : null;
    if (needR) tag = setAttr(tag, "r", String(number));
    const spans = attr(tag, "spans");
    if (spans !== undefined) {
      // an optimisation hint ("1:5" or "1:5 9:12"): it must still cover every cell of the row
      const ranges = spans
        .trim()
        .split(/\s+/)
        .map((x) => x.split(":").map(Number))
        .filter((x) => x.every(Number.isFinite));
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
    const next = pos ? pos.col : col + 1;
    if (next <= col) throw outOfOrder();
    col = next;
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
      tag = setAttr(tag, "s", String(styleFor(base, m.fill)));
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

  if (rootClose < 0) throw new WorkbookFileError(`corrupt workbook: ${part} is not closed`);
  if (!sheetDataSeen) throw new WorkbookFileError(`corrupt workbook: ${part} has no <sheetData>`);
  if (mi < marks.length) throw outOfOrder();

  // Grow <dimension> over the new cells.
  const d = dimension as Tag | null;
  if (d && maxRow > 0) {
    const tag = xml.slice(d.start, d.end);
    const [a, b] = (attr(tag, "ref") ?? "").split(":");
    const p1 = parseA1(a ?? "");
    const p2 = b ? parseA1(b) : p1;
    if (p1 && p2) {
      const r1 = Math.min(p1.row, p2.row, minRow),
        c1 = Math.min(p1.col, p2.col, minCol);
      const r2 = Math.max(p1.row, p2.row, maxRow),
        c2 = Math.max(p1.col, p2.col, maxCol);
      const ref = `${indexToCol(c1)}${r1}:${indexToCol(c2)}${r2}`;
      if (
        ref !==
        `${indexToCol(Math.min(p1.col, p2.col))}${Math.min(p1.row, p2.row)}:${indexToCol(Math.max(p1.col, p2.col))}${Math.max(p1.row, p2.row)}`
      ) {
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
