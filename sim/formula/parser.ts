import { FormulaSyntaxError, tokenize, type RefCorner, type Token } from "./lexer";
import type { ErrorCode } from "./values";

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type Node =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: ErrorCode }
  | { kind: "ref"; sheet: string | null; from: RefCorner; to: RefCorner }
  | { kind: "name"; sheet: string | null; name: string }
  /** An omitted argument, as in IF(A1,,2). */
  | { kind: "missing" }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: "-" | "+" | "%"; operand: Node }
  | { kind: "binary"; op: BinaryOp; left: Node; right: Node };

/** Lowest precedence first; unary minus binds tighter than ^, as in Excel (=-2^2 is 4). */
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ["=", "<>", "<", ">", "<=", ">="],
  ["&"],
  ["+", "-"],
  ["*", "/"],
  ["^"],
];

/** Parse a formula without its leading "=". Throws FormulaSyntaxError. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula);
  let pos = 0;
  const fail = (what: string): never => {
    throw new FormulaSyntaxError(what, formula);
  };
  const peekOp = (): string | null => {
    const t = tokens[pos];
    return t?.type === "op" ? t.op : null;
  };
  const expectOp = (op: string) => {
    if (peekOp() !== op) fail(`expected "${op}"`);
    pos++;
  };

  function binary(level: number): Node {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (
      let op = peekOp();
      op && (LEVELS[level] as readonly string[]).includes(op);
      op = peekOp()
    ) {
      pos++;
      left = { kind: "binary", op: op as BinaryOp, left, right: binary(level + 1) };
    }
    return left;
  }

  function unary(): Node {
    const op = peekOp();
    if (op === "-" || op === "+") {
      pos++;
      return { kind: "unary", op, operand: unary() };
    }
    let node = primary();
    while (peekOp() === "%") {
      pos++;
      node = { kind: "unary", op: "%", operand: node };
    }
    return node;
  }

  function primary(): Node {
    const t: Token | undefined = tokens[pos++];
    if (!t) return fail("unexpected end");
    switch (t.type) {
      case "number":
        return { kind: "number", value: t.value };
      case "string":
        return { kind: "string", value: t.value };
      case "error":
        return { kind: "error", code: t.code };
      case "span":
        return { kind: "ref", sheet: t.sheet, from: t.from, to: t.to };
      case "cell": {
        if (peekOp() !== ":") return { kind: "ref", sheet: t.sheet, from: t.corner, to: t.corner };
        pos++;
        const end = tokens[pos++];
        if (
          end?.type !== "cell" ||
          (end.sheet !== null && end.sheet.toLowerCase() !== (t.sheet ?? "").toLowerCase())
        ) {
          return fail("a range must end with a cell of the same sheet");
        }
        return { kind: "ref", sheet: t.sheet, ...ordered(t.corner, end.corner) };
      }
      case "ident":
        if (peekOp() === "(" && t.sheet === null) return call(t.name);
        if (t.sheet === null && /^(TRUE|FALSE)$/i.test(t.name))
          return { kind: "boolean", value: t.name.toUpperCase() === "TRUE" };
        return { kind: "name", sheet: t.sheet, name: t.name };
      case "op":
        if (t.op === "(") {
          const inner = binary(0);
          expectOp(")");
          return inner;
        }
        return fail(`unexpected "${t.op}"`);
    }
  }

  function call(name: string): Node {
    expectOp("(");
    const args: Node[] = [];
    if (peekOp() === ")") {
      pos++;
      return { kind: "call", name: name.toUpperCase(), args };
    }
    for (;;) {
      const op = peekOp();
      args.push(op === "," || op === ")" ? { kind: "missing" } : binary(0));
      if (peekOp() === ",") {
        pos++;
        continue;
      }
      expectOp(")");
      return { kind: "call", name: name.toUpperCase(), args };
    }
  }

  const root = binary(0);
  if (pos < tokens.length) fail("unexpected text after the formula");
  return root;
}

function ordered(a: RefCorner, b: RefCorner): { from: RefCorner; to: RefCorner } {
  const top = a.row <= b.row ? a : b;
  const bottom = top === a ? b : a;
  const left = a.col <= b.col ? a : b;
  const right = left === a ? b : a;
  return {
    from: { row: top.row, rowAbs: top.rowAbs, col: left.col, colAbs: left.colAbs },
    to: { row: bottom.row, rowAbs: bottom.rowAbs, col: right.col, colAbs: right.colAbs },
  };
}
