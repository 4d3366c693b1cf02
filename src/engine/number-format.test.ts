import { isDateFormat as numfmtIsDate } from "numfmt";
import { isDateFormat } from "./number-format";

/**
 * The engine keeps its own 30-line judgement (numfmt's isDateFormat alone would add about 20 KB
 * gzip to the pane's first load, whose budget is 250 KB); numfmt, the preview's formatter and a
 * development dependency, is the reference it is checked against.
 */
describe("isDateFormat agrees with numfmt", () => {
  test.each([
    "General",
    "0",
    "0.00",
    "#,##0",
    "#,##0.00",
    "#,##0;(#,##0)",
    "#,##0_);[Red](#,##0)",
    "0%",
    "0.00%",
    "0.00E+00",
    "##0.0E+0",
    "# ?/?",
    "# ??/??",
    "@",
    "0;-0;;@",
    "[Red]0;[Blue]-0",
    "[>=100]0;0.0",
    '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)',
    '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
    '"Date"0',
    '0" days"',
    "\\d0",
    "0\\h",
    "[$USD] #,##0",
    "[$€-2] #,##0.00",
    '0.0,,"M"',
    '#,##0;-#,##0;"-";@" (d)"',
    "m/d/yyyy",
    "d-mmm-yy",
    "d-mmm",
    "mmm-yy",
    "h:mm AM/PM",
    "h:mm:ss AM/PM",
    "h:mm",
    "h:mm:ss",
    "m/d/yyyy h:mm",
    "mm:ss",
    "[h]:mm:ss",
    "[ss]",
    "mm:ss.0",
    "yyyy-mm-dd",
    "dd/mm/yyyy",
    "[$-409]mmmm d, yyyy",
    "[$-F800]dddd, mmmm dd, yyyy",
    "yyyy",
    "dd",
    "mmm",
    "s",
  ])("%s", (format) => {
    expect(isDateFormat(format)).toBe(numfmtIsDate(format));
  });
});
