import { contains, parseArea, QUOTED_SHEET_NAME, unquoteSheetName, type Area } from "../grid";

/** A rectangle on a sheet (sheet null: the formula's own sheet). Whole rows/columns use the sheet's limits. */
export interface RefArea extends Area {
  sheet: string | null;
}

export interface FormulaRefs {
  areas: RefArea[];
  /** Defined names used, upper-cased. */
  names: string[];
  /** References we cannot follow: other workbooks, structured table references. */
  opaque: boolean;
}

const UNQUOTED_SHEET_NAME = "[A-Za-z_\\u00c0-\\uffff][\\w.\\u00c0-\\uffff]*";
/** A cell or area (B3, B3:C4, A:C, 3:5, with $), a function name before "(", or a defined name. */
const AREA_OR_NAME = String.raw`\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+|[A-Za-z_\\][\w.]*(?=\s*\()|[A-Za-z_\\][\w.]*`;

/**
 * The cells and names a formula reads, for the plugged-total check. A light lexer:
 * string literals are skipped, sheet prefixes kept, function names dropped.
 */
export function formulaRefs(formula: string): FormulaRefs {
  const areas: RefArea[] = [];
  const names: string[] = [];
  let opaque = false;
  const src = formula.replace(/^=/, "").replace(/"(?:[^"]|"")*"/g, '""');
  if (/\[[^\]]*\]/.test(src)) opaque = true; // [1]Sheet!A1 or Table[Column]
  const token = new RegExp(
    `(?:(${QUOTED_SHEET_NAME}|${UNQUOTED_SHEET_NAME})!)?(${AREA_OR_NAME})`,
    "g"
  );
  for (let m = token.exec(src); m; m = token.exec(src)) {
    const before = m.index > 0 ? src[m.index - 1] : "";
    if (/[\w.$]/.test(before)) continue; // inside a number or a longer token
    const sheet = m[1] ? unquoteSheetName(m[1]) : null;
    const body = m[2];
    const next = src.slice(token.lastIndex).trimStart()[0];
    if (next === "(") continue; // a function name
    const area = parseArea(body);
    if (area) {
      areas.push({ sheet, ...area });
    } else if (/^(TRUE|FALSE)$/i.test(body)) {
      continue;
    } else {
      names.push(body.toUpperCase());
    }
  }
  return { areas, names, opaque };
}

export function areaContains(
  area: RefArea,
  sheet: string,
  ownSheet: string,
  row: number,
  col: number
): boolean {
  const areaSheet = area.sheet ?? ownSheet;
  return areaSheet.toLowerCase() === sheet.toLowerCase() && contains(area, row, col);
}
