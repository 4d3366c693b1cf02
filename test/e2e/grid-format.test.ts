/**
 * The preview grid's pure helpers: how a value is shown under a number format, and how typed
 * text is entered. (Unit tests, kept beside the browser suite that covers the rest of preview/.)
 */
import { formatCell } from "../../preview/grid/number-format";
import { typedEntry } from "../../preview/grid/typed-input";
import { FormulaError } from "../../sim";

describe("formatCell", () => {
  it.each([
    [3893682134, "#,##0;(#,##0)", "3,893,682,134"],
    [-52837332, "#,##0;(#,##0)", "(52,837,332)"],
    [0, "#,##0;(#,##0)", "0"],
    [1234.5, "#,##0.00", "1,234.50"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [1234, "#,##0_);(#,##0)", "1,234 "],
    [0, '#,##0;(#,##0);"-"', "-"],
    [0.125, "0.0%", "12.5%"],
    [1.5, "0.0#", "1.5"],
    [1.257, "0.0#", "1.26"],
    [1234567, "#,##0,", "1,235"],
    [42, '"$"#,##0', "$42"],
    [42, "[Red]#,##0", "42"],
    [0.5, "#.##", ".5"],
    [44165, "yyyy-mm-dd", "2020-11-30"],
    [134116777, "General", "134116777"],
    [0.1 + 0.2, "General", "0.3"],
  ])("%p under %s shows %p", (value, format, shown) => {
    expect(formatCell(value, format)).toBe(shown);
  });

  // Where the hand-written subset before numfmt differed from Excel (ISO dates, General for
  // scientific and fractions, digits under @, binary rounding of 1.005).
  it.each([
    [44165, "m/d/yyyy", "11/30/2020"],
    [44165.5, "mmm d, yyyy h:mm", "Nov 30, 2020 12:00"],
    [0.5, "h:mm AM/PM", "12:00 PM"],
    [1234.5, "0.00E+00", "1.23E+03"],
    [1234.5, "# ?/?", "1234 1/2"],
    [0.5, "@", "0.5"],
    [1.005, "#,##0.00", "1.01"],
    [-5, "#,##0;[Red](#,##0)", "(5)"],
    [5, "[>100]0;0.00", "5.00"],
  ])("%p under %s shows %p, as in Excel", (value, format, shown) => {
    expect(formatCell(value, format)).toBe(shown);
  });

  it("a date format on a number beyond Excel's calendar does not break the grid", () => {
    expect(() => formatCell(3893682134, "m/d/yyyy")).not.toThrow();
    expect(() => formatCell(1e21, "yyyy-mm-dd")).not.toThrow();
  });

  it("shows text, booleans, errors and empty cells as Excel does", () => {
    expect(formatCell("Total", "#,##0")).toBe("Total");
    expect(formatCell("Total", '#,##0;(#,##0);0;"Line: "@')).toBe("Line: Total");
    expect(formatCell(true, "General")).toBe("TRUE");
    expect(formatCell(FormulaError.of("#BUSY!"), "#,##0")).toBe("#BUSY!");
    expect(formatCell(null, "#,##0")).toBe("");
  });
});

describe("typedEntry", () => {
  it.each([
    ["=FOCUS.LINE(7190)", { formula: "=FOCUS.LINE(7190)" }],
    ["1,000", { value: 1000 }],
    ["(1,234.5)", { value: -1234.5 }],
    ["(100)", { value: -100 }],
    ["", { value: null }],
    ["  ", { value: null }],
    ["12,34", { value: "12,34" }],
    ["=", { value: "=" }],
    ["1000", { value: 1000 }],
    // The rest is the simulator's to read, as Excel reads typed input (booleans, errors, 1e3).
    ["TRUE", { value: "TRUE" }],
    ["note", { value: "note" }],
  ])("%p enters %p", (text, entry) => {
    expect(typedEntry(text)).toEqual(entry);
  });
});
