import { colToIndex, MAX_COL, MAX_ROW, QUOTED_SHEET_NAME, unquoteSheetName } from "../../src/grid";
import { isErrorCode, type ErrorCode } from "./values";

/** One corner of a reference: 1-based row and column, and which of them carry a $. */
export interface RefCorner {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export type Token =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "error"; code: ErrorCode }
  | { type: "cell"; sheet: string | null; corner: RefCorner }
  /** Whole columns (A:C) or whole rows (3:5), already spanning both corners. */
  | { type: "span"; sheet: string | null; from: RefCorner; to: RefCorner }
  | { type: "ident"; sheet: string | null; name: string }
  | { type: "op"; op: string };

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly formula: string
  ) {
    super(`${message} in =${formula}`);
    this.name = "FormulaSyntaxError";
  }
}

const SHEET_PREFIX = new RegExp(
  `^(?:(${QUOTED_SHEET_NAME})|([A-Za-z_\\\\\u00c0-\uffff][\\w.\u00c0-\uffff]*))!`
);
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(])/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!])/;
const ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w.])/;
const IDENT = /^[A-Za-z_\\\u00c0-\uffff][\w.\\?\u00c0-\uffff]*/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/i;
const OPERATOR = /^(?:<=|>=|<>|[-+*/^&=<>(),:%])/;

/** Split a formula (without its "=") into tokens. Throws FormulaSyntaxError on anything outside the grammar. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let rest = formula;
  const fail = (what: string): never => {
    throw new FormulaSyntaxError(`${what} at "${rest.slice(0, 20)}"`, formula);
  };
  while (rest.length) {
    const space = /^\s+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    let m: RegExpExecArray | null;
    if (rest[0] === '"') {
      const s = /^"((?:[^"]|"")*)"/.exec(rest) ?? fail("unterminated text");
      tokens.push({ type: "string", value: s[1].replace(/""/g, '"') });
      rest = rest.slice(s[0].length);
      continue;
    }
    if ((m = ERROR.exec(rest))) {
      const code = m[0].toUpperCase();
      if (!isErrorCode(code)) fail("unknown error value");
      tokens.push({ type: "error", code: code as ErrorCode });
      rest = rest.slice(m[0].length);
      continue;
    }
    let sheet: string | null = null;
    const prefix = SHEET_PREFIX.exec(rest);
    if (prefix) {
      sheet = prefix[1] !== undefined ? unquoteSheetName(prefix[1]) : prefix[2];
      rest = rest.slice(prefix[0].length);
      if ((m = ERROR.exec(rest)) && m[0].toUpperCase() === "#REF!") {
        tokens.push({ type: "error", code: "#REF!" });
        rest = rest.slice(m[0].length);
        continue;
      }
    }
    if ((m = CELL.exec(rest))) {
      tokens.push({
        type: "cell",
        sheet,
        corner: corner(m[1], m[2], m[3], m[4]) ?? fail("reference outside the sheet"),
      });
    } else if ((m = COLUMNS.exec(rest))) {
      const a = corner(m[1], m[2], "$", "1");
      const b = corner(m[3], m[4], "$", String(MAX_ROW));
      if (!a || !b) fail("reference outside the sheet");
      tokens.push({ type: "span", sheet, from: a!, to: b! });
    } else if ((m = ROWS.exec(rest))) {
      const a = corner("$", "A", m[1], m[2]);
      const b = corner("$", "XFD", m[3], m[4]);
      if (!a || !b) fail("reference outside the sheet");
      tokens.push({ type: "span", sheet, from: a!, to: b! });
    } else if ((m = IDENT.exec(rest))) {
      tokens.push({ type: "ident", sheet, name: m[0] });
    } else if (sheet !== null) {
      fail("a sheet name must be followed by a reference");
    } else if ((m = NUMBER.exec(rest))) {
      tokens.push({ type: "number", value: Number(m[0]) });
    } else if ((m = OPERATOR.exec(rest))) {
      tokens.push({ type: "op", op: m[0] });
    } else {
      fail("unexpected character");
    }
    rest = rest.slice(m![0].length);
  }
  return tokens;
}

function corner(colAbs: string, letters: string, rowAbs: string, digits: string): RefCorner | null {
  const col = colToIndex(letters);
  const row = Number(digits);
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  return { row, col, rowAbs: rowAbs === "$", colAbs: colAbs === "$" };
}
