import { Evaluator, type EvalHost } from "../formula/evaluate";
import { FormulaSyntaxError } from "../formula/lexer";
import { parseFormula, type Node } from "../formula/parser";
import { isError, numberToText, type Scalar } from "../formula/values";

/** A host over plain data: cells as "Sheet!A1" → value, names as "NAME" or "Sheet!NAME" → formula. */
function host(cells: Record<string, Scalar>, names: Record<string, string> = {}): EvalHost {
  const sheets = ["Sheet1", "Day 1", "O'Brien"];
  const key = (sheet: string, row: number, col: number) =>
    `${sheet}!${String.fromCharCode(64 + col)}${row}`.toLowerCase();
  const lowered = new Map(Object.entries(cells).map(([k, v]) => [k.toLowerCase(), v]));
  const defs = new Map(Object.entries(names).map(([k, v]) => [k.toUpperCase(), parseFormula(v)]));
  return {
    cell: (sheet, row, col) => lowered.get(key(sheet, row, col)) ?? null,
    filledCells(ref) {
      const out: Scalar[] = [];
      for (let r = ref.r1; r <= Math.min(ref.r2, 50); r++) {
        for (let c = ref.c1; c <= Math.min(ref.c2, 26); c++) {
          const v = lowered.get(key(ref.sheet, r, c));
          if (v !== undefined && v !== null) out.push(v);
        }
      }
      return out;
    },
    sheetName: (name) => sheets.find((s) => s.toLowerCase() === name.toLowerCase()) ?? null,
    definedName(name, fromSheet, explicitSheet) {
      const own = defs.get(`${fromSheet.toUpperCase()}!${name.toUpperCase()}`);
      const formula: Node | undefined =
        own ?? (explicitSheet ? undefined : defs.get(name.toUpperCase()));
      return formula ? { formula, sheet: fromSheet } : null;
    },
  };
}

function calc(
  formula: string,
  cells: Record<string, Scalar> = {},
  names: Record<string, string> = {},
  sheet = "Sheet1"
): Scalar {
  return new Evaluator(host(cells, names)).result(parseFormula(formula), {
    sheet,
    rowOffset: 0,
    colOffset: 0,
  });
}

const shown = (v: Scalar) => (isError(v) ? v.code : v);

describe("formula evaluator", () => {
  it.each([
    ["1+2*3", 7],
    ["(1+2)*3", 9],
    ["2^3^2", 64],
    ["-2^2", 4],
    ["2^-1", 0.5],
    ["-(3-5)", 2],
    ["10/4", 2.5],
    ["50%", 0.5],
    ['"a"&"b"&1', "ab1"],
    ['1&""', "1"],
    ['1/3&""', "0.333333333333333"],
    ["TRUE+1", 2],
    ['"3"+1', 4],
    ["1=1", true],
    ['"abc"="ABC"', true],
    ["1<>2", true],
    ['2<"1"', true],
    ["TRUE>1", true],
    ["3>=3", true],
    ["3<=2", false],
  ])("=%s is %p", (f, expected) => {
    expect(shown(calc(f))).toEqual(expected);
  });

  it("computes the functions of the subset", () => {
    expect(calc("ABS(-3.5)")).toBe(3.5);
    expect(calc("SUM(1,2,3)")).toBe(6);
    expect(calc("MAX(1,5,-2)")).toBe(5);
    expect(calc("MIN(4,2,8)")).toBe(2);
    expect(calc("MAX(A1:A5)")).toBe(0);
    expect(calc("AND(TRUE,1)")).toBe(true);
    expect(calc("AND(TRUE,0)")).toBe(false);
    expect(calc("OR(FALSE,0,1)")).toBe(true);
    expect(calc("NOT(0)")).toBe(true);
    expect(calc('IF(1>2,"yes","no")')).toBe("no");
    expect(calc("IF(FALSE,1)")).toBe(false);
    expect(calc('N("focus-check:identity:7040")')).toBe(0);
    expect(calc("N(TRUE)")).toBe(1);
    expect(calc("N(7)")).toBe(7);
  });

  it("rounds half away from zero on the decimal representation, like Excel", () => {
    expect(calc("ROUND(2.675,2)")).toBe(2.68);
    expect(calc("ROUND(-2.675,2)")).toBe(-2.68);
    expect(calc("ROUND(518163037.7,0)")).toBe(518163038);
    expect(calc("ROUND(0.5,0)")).toBe(1);
    expect(calc("ROUND(-0.5,0)")).toBe(-1);
    expect(calc("ROUND(1.005,2)")).toBe(1.01);
    expect(calc("ROUND(1234.5,-2)")).toBe(1200);
    expect(calc("ROUND(1250,-2)")).toBe(1300);
    expect(calc("ROUND(2.5,0.9)")).toBe(3);
    expect(calc("ROUND(-0.4,0)")).toBe(0);
    expect(Object.is(calc("ROUND(-0.4,0)"), -0)).toBe(false);
  });

  it("reads references: relative, absolute, sheet-qualified and quoted, ranges in aggregates", () => {
    const cells = {
      "Sheet1!A1": 10,
      "Sheet1!A2": 20,
      "Sheet1!A3": "text",
      "Sheet1!B1": true,
      "Day 1!C5": 7,
      "O'Brien!A1": 2,
    };
    expect(calc("A1+$A$2", cells)).toBe(30);
    expect(calc("'Day 1'!C5*2", cells)).toBe(14);
    expect(calc("'day 1'!$C$5", cells)).toBe(7);
    expect(calc("'O''Brien'!A1", cells)).toBe(2);
    expect(calc("SUM(A1:A3)", cells)).toBe(30);
    expect(calc("SUM(A1:B1)", cells)).toBe(10);
    expect(calc("MAX(A1:A3,15)", cells)).toBe(20);
    expect(calc("MIN(A:A)", cells)).toBe(10);
    expect(calc("A9", cells)).toBe(0);
    expect(calc('A9=""', cells)).toBe(true);
    expect(calc('A9&"x"', cells)).toBe("x");
  });

  it("resolves defined names, a sheet-level name on the formula's sheet first", () => {
    const cells = { "Sheet1!A1": 100, "Day 1!C5": 7 };
    const names = { FOCUS_7010: "Sheet1!$A$1", "DAY 1!FOCUS_7010": "'Day 1'!$C$5", LIMIT: "1000" };
    expect(calc("FOCUS_7010", cells, names, "Sheet1")).toBe(100);
    expect(calc("FOCUS_7010", cells, names, "Day 1")).toBe(7);
    expect(calc("focus_7010*2", cells, names, "Day 1")).toBe(14);
    expect(calc("'Day 1'!FOCUS_7010+FOCUS_7010", cells, names, "Sheet1")).toBe(107);
    expect(shown(calc("Sheet1!LIMIT", cells, names, "Sheet1"))).toBe("#NAME?");
    expect(calc("LIMIT/10", cells, names)).toBe(100);
    expect(calc("-ABS(FOCUS_7010)+((2*(3+4))-1)", cells, names)).toBe(-87);
  });

  it("produces and propagates #REF!, #NAME?, #VALUE! and #DIV/0!", () => {
    expect(shown(calc("1/0"))).toBe("#DIV/0!");
    expect(shown(calc("FOCUS_9999+1"))).toBe("#NAME?");
    expect(shown(calc('"abc"+1'))).toBe("#VALUE!");
    expect(shown(calc("Nowhere!A1"))).toBe("#REF!");
    expect(shown(calc("#REF!+1"))).toBe("#REF!");
    expect(shown(calc("SUM(1,1/0,#VALUE!)"))).toBe("#DIV/0!");
    expect(shown(calc("MAX(A1:A2)", { "Sheet1!A2": calc("1/0") }))).toBe("#DIV/0!");
    expect(shown(calc("IF(1/0,1,2)"))).toBe("#DIV/0!");
    expect(shown(calc("ROUND(FOCUS_1,0)"))).toBe("#NAME?");
    expect(shown(calc("A1:A2+1"))).toBe("#VALUE!");
    expect(shown(calc('AND("x")'))).toBe("#VALUE!");
    expect(shown(calc("1/0=1"))).toBe("#DIV/0!");
  });

  it("rejects text outside the grammar", () => {
    expect(() => parseFormula("1+")).toThrow(FormulaSyntaxError);
    expect(() => parseFormula("SUM(1,2")).toThrow(FormulaSyntaxError);
    expect(() => parseFormula('"open')).toThrow(FormulaSyntaxError);
    expect(() => parseFormula("1 2")).toThrow(FormulaSyntaxError);
    expect(() => parseFormula("Sheet1!")).toThrow(FormulaSyntaxError);
  });

  it("writes numbers as General shows them in text", () => {
    expect(numberToText(0.1 + 0.2)).toBe("0.3");
    expect(numberToText(-1234.5)).toBe("-1234.5");
    expect(numberToText(1e15)).toBe("1E+15");
    expect(numberToText(123456789012345)).toBe("123456789012345");
    expect(numberToText(1.5e-10)).toBe("1.5E-10");
  });
});
