/**
 * What the model-based test compares: the user's content (constants and formulas, not the
 * results that recalculation changes), the user's formatting, and the add-in's marks.
 */
import type { BookSnapshot } from "../../../sim";
import { HIGHLIGHT_MARKER } from "../../../src/workbook/port";
import { REVIEW_SHEET } from "../../../src/workbook/review-sheet";

type SheetSnapshot = BookSnapshot["sheets"][number];

/** A cell's content as the user entered it: "=formula", or the constant. */
export type Content = string | number | boolean;

const key = (sheet: string, address: string) => `${sheet}!${address}`;

/** Every non-empty cell's content on the given sheets. */
export function contents(snap: BookSnapshot, sheets: string[]): Map<string, Content> {
  const out = new Map<string, Content>();
  for (const s of userSheets(snap, sheets))
    for (const [address, c] of Object.entries(s.cells)) {
      if (c.formula !== undefined) out.set(key(s.name, address), `=${c.formula}`);
      else if (c.value !== null) out.set(key(s.name, address), c.value);
    }
  return out;
}

/** Every cell's own format (what a cell's Format Cells… sets) on the given sheets. */
export function formats(snap: BookSnapshot, sheets: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of userSheets(snap, sheets))
    for (const [address, c] of Object.entries(s.cells)) {
      const f = [c.numberFormat, c.bold, c.fill, c.fontColor, c.locked].join("|");
      if (f !== "General|false|||true") out.set(key(s.name, address), f);
    }
  return out;
}

/** The user's own conditional formats and notes (anything that does not carry the add-in's marker). */
export function userMarks(snap: BookSnapshot, sheets: string[]): string[] {
  return userSheets(snap, sheets).flatMap((s) => [
    ...s.conditionalFormats
      .filter((cf) => !cf.formula.includes(HIGHLIGHT_MARKER))
      .map((cf) => `${s.name}!${cf.address} cf ${cf.formula} ${cf.fill} ${cf.fontColor}`),
    ...Object.entries(s.notes)
      .filter(([, text]) => !text.startsWith(HIGHLIGHT_MARKER))
      .map(([address, text]) => `${s.name}!${address} note ${text}`),
  ]);
}

/** The add-in's marks left anywhere: conditional formats with the marker, notes that start with it. */
export function addinMarks(snap: BookSnapshot): number {
  return snap.sheets.reduce(
    (n, s) =>
      n +
      s.conditionalFormats.filter((cf) => cf.formula.includes(HIGHLIGHT_MARKER)).length +
      Object.values(s.notes).filter((t) => t.startsWith(HIGHLIGHT_MARKER)).length,
    0
  );
}

function userSheets(snap: BookSnapshot, sheets: string[]): SheetSnapshot[] {
  return snap.sheets.filter((s) => sheets.includes(s.name));
}

/** The keys whose entries differ between two maps. */
export function differing<V>(a: Map<string, V>, b: Map<string, V>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** What differs between two snapshots, leaving out an empty record sheet a failed entry created. */
export function differingSnapshots(a: BookSnapshot, b: BookSnapshot): string[] {
  const strip = (s: BookSnapshot) => ({
    ...s,
    sheets: s.sheets.filter(
      (x) =>
        !(
          x.name === REVIEW_SHEET &&
          !a.sheets.some((y) => y.name === REVIEW_SHEET) &&
          !Object.keys(x.cells).length
        )
    ),
  });
  const x = strip(a);
  const y = strip(b);
  const out: string[] = [];
  if (JSON.stringify(x.names) !== JSON.stringify(y.names)) out.push("workbook names");
  if (x.sheets.map((s) => s.name).join() !== y.sheets.map((s) => s.name).join())
    out.push(`sheets ${y.sheets.map((s) => s.name).join(", ")}`);
  for (const s of x.sheets) {
    const t = y.sheets.find((u) => u.name === s.name);
    if (t && JSON.stringify({ ...s, cells: 0 }) !== JSON.stringify({ ...t, cells: 0 }))
      out.push(`sheet ${s.name}`);
    if (t && JSON.stringify(s.cells) !== JSON.stringify(t.cells)) out.push(`cells of ${s.name}`);
  }
  return out;
}
