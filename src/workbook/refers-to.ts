import { insideGrid, parseA1, QUOTED_SHEET_NAME, unquoteSheetName } from "../grid";

/** What a defined name's formula points at, judged for use as a FOCUS binding. */
export type Target =
  | { kind: "range"; sheet: string; address: string; single: boolean }
  | { kind: "constant"; value: string }
  | { kind: "bad"; reason: string };

const SHEET_REF = new RegExp(
  `^(?:(${QUOTED_SHEET_NAME})|([^'!()\\s,]+))!(\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?)$`
);

/**
 * The form nearly every binding takes, as Excel writes it: one cell, absolute, its sheet
 * unquoted or quoted without an apostrophe inside ('D0001'!$E$6). A year of daily sheets
 * has tens of thousands of these; anything else takes the general path below.
 */
const PLAIN_CELL_REF = /^(?:'([^'[\]]+)'|([A-Za-z0-9_.]+))!\$([A-Z]{1,3})\$(\d{1,7})$/;

/**
 * Parse a name's refersTo against the workbook's sheets (matched case-insensitively; a map is
 * keyed by lower-case name, built from one reading of the workbook and not changed after).
 */
export function parseRefersTo(
  formula: string,
  sheetNames: readonly string[] | ReadonlyMap<string, string>
): Target {
  const plain = PLAIN_CELL_REF.exec(formula);
  if (plain) {
    const sheetRaw = plain[1] ?? plain[2];
    const sheet = findSheet(sheetRaw, sheetNames);
    if (sheet && insideGrid({ row: Number(plain[4]), col: upperColumn(plain[3]) }))
      return { kind: "range", sheet, address: plain[3] + plain[4], single: true };
  }
  return generalRefersTo(formula, sheetNames);
}

/** Column letters already upper-case (the plain form's): "A" → 1, "XFD" → 16384. */
function upperColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * Each sheet name as a workbook's names spell it, looked up once per map: a year of daily
 * sheets has a few dozen names pointing into each sheet.
 */
const sheetsFound = new WeakMap<ReadonlyMap<string, string>, Map<string, string | undefined>>();

/** A sheet's name as the workbook spells it, matched case-insensitively; undefined when it has none. */
export function findSheet(
  name: string,
  sheetNames: readonly string[] | ReadonlyMap<string, string>
): string | undefined {
  if (!("get" in sheetNames)) return sheetNames.find((s) => s.toLowerCase() === name.toLowerCase());
  let found = sheetsFound.get(sheetNames);
  if (!found) sheetsFound.set(sheetNames, (found = new Map()));
  if (found.has(name)) return found.get(name);
  const sheet = sheetNames.get(name.toLowerCase());
  found.set(name, sheet);
  return sheet;
}

/** Every form of refersTo; exported for the test that holds the fast path to it. */
export function generalRefersTo(
  formula: string,
  sheetNames: readonly string[] | ReadonlyMap<string, string>
): Target {
  const f = formula.trim().replace(/^=/, "").trim();
  if (f === "") return { kind: "bad", reason: "refers to nothing" };
  if (/^'?[^'!]*\[[^\]]+\]/.test(f)) return { kind: "bad", reason: "refers to another workbook" };
  const m = SHEET_REF.exec(f);
  if (!m) {
    if (/#REF!/i.test(f))
      return { kind: "bad", reason: "refers to #REF! (its cells or sheet were deleted)" };
    if (/^[-+]?\d+(\.\d+)?$/.test(f)) return { kind: "constant", value: f };
    if (/^(TRUE|FALSE)$/i.test(f)) return { kind: "constant", value: f.toUpperCase() }; // FOCUS_BROKER_DEALER =TRUE
    if (/^[A-Za-z_.]+\(/.test(f))
      return {
        kind: "bad",
        reason: `is defined by a formula (${f.slice(0, 40)}${f.length > 40 ? "…" : ""}), not a cell`,
      };
    if (splitAreas(f).length > 1) return { kind: "bad", reason: "covers several areas" };
    return { kind: "bad", reason: `does not refer to a cell (${f.slice(0, 40)})` };
  }
  const sheetRaw = m[1] !== undefined ? unquoteSheetName(m[1]) : m[2];
  const sheet = findSheet(sheetRaw, sheetNames);
  if (!sheet)
    return { kind: "bad", reason: `refers to sheet '${sheetRaw}', which is not in the workbook` };
  const [a, b] = m[3].replace(/\$/g, "").toUpperCase().split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  if (!p || !q) return { kind: "bad", reason: `refers to an address outside the sheet (${m[3]})` };
  const single = p.row === q.row && p.col === q.col;
  return { kind: "range", sheet, address: single ? a : `${a}:${b}`, single };
}

/** Top-level commas separate areas; commas inside quotes do not. */
function splitAreas(f: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of f) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
