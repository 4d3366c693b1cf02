import fc from "fast-check";
import {
  decimalFromFloat,
  parseNumericText,
  readAmount,
  type CellContent,
  Dec,
  isDateFormat,
} from "../../src/engine";

const num = (value: number, numberFormat?: string): CellContent => ({
  value: { type: "number", value },
  numberFormat,
});
const text = (t: string): CellContent => ({ value: { type: "text", text: t } });

describe("numeric text as accountants key it", () => {
  test.each([
    ["(1,482,000,000)", "-1482000000"],
    ["$3,197,000,000", "3197000000"],
    ["1 234", "1234"],
    ["1\u00a0234\u00a0567", "1234567"],
    ["1,234-", "-1234"],
    ["\u22125", "-5"],
    ["-5", "-5"],
    ["+7", "7"],
    ["($52,837,332)", "-52837332"],
    ["-$12.50", "-12.5"],
    ["$-12.50", "-12.5"],
    ["  42  ", "42"],
    ["0.000001", "0.000001"],
    ["123456789012345678901234", "123456789012345678901234"],
    ["-", "0"],
  ])("%s reads as %s", (input, expected) => {
    expect(parseNumericText(input)?.toFixed()).toBe(expected);
  });

  test.each([
    "abc",
    "12abc",
    "1,23",
    "1,2345",
    "(-5)",
    "--5",
    "5%",
    "1.2.3",
    "1e5",
    "",
    "$",
    "()",
    "1,234.5.6",
  ])("%s is not a number", (input) => {
    expect(parseNumericText(input)).toBeNull();
  });
});

describe("reading a bound cell", () => {
  test("numbers, text, blanks, errors, booleans and dates", () => {
    expect(readAmount(num(1234))).toMatchObject({ status: "number", fromText: false });
    expect(readAmount(text("(1,000)"))).toMatchObject({ status: "number", fromText: true });
    expect(readAmount({ value: { type: "blank" } })).toEqual({ status: "blank" });
    expect(readAmount(text("   "))).toEqual({ status: "blank" });
    expect(readAmount(text("see note 4"))).toMatchObject({ status: "bad" });
    expect(readAmount({ value: { type: "error", error: "#REF!" } })).toMatchObject({
      status: "bad",
      reason: expect.stringContaining("#REF!"),
    });
    expect(readAmount({ value: { type: "error", error: "#N/A" } })).toMatchObject({
      status: "bad",
    });
    expect(readAmount({ value: { type: "boolean", value: true } })).toMatchObject({
      status: "bad",
      reason: expect.stringContaining("TRUE"),
    });
    expect(readAmount(num(44165, "m/d/yyyy"))).toMatchObject({
      status: "bad",
      reason: expect.stringContaining("date"),
    });
    expect(readAmount(num(44165, "#,##0;(#,##0)"))).toMatchObject({ status: "number" });
  });

  test("a formula counts by its cached result; without one it is bad input", () => {
    expect(readAmount({ value: { type: "number", value: 10 }, formula: "A1+A2" })).toMatchObject({
      status: "number",
    });
    expect(readAmount({ value: null, formula: "A1+A2" })).toMatchObject({
      status: "bad",
      reason: expect.stringContaining("no cached result"),
    });
  });

  test("cached floats become decimals at 15 significant digits", () => {
    expect(decimalFromFloat(0.1 + 0.2)!.toFixed()).toBe("0.3");
    expect(decimalFromFloat(3893682134.0000005)!.toFixed()).toBe("3893682134");
    expect(decimalFromFloat(Infinity)).toBeNull();
    expect(decimalFromFloat(NaN)).toBeNull();
  });
});

describe("date formats are recognised, amount formats are not", () => {
  test.each([
    "m/d/yyyy",
    "d-mmm-yy",
    "yyyy-mm-dd",
    "h:mm",
    "[h]:mm:ss",
    "mmm yyyy",
    "dd/mm/yyyy;@",
  ])("%s is a date", (f) => expect(isDateFormat(f)).toBe(true));
  test.each([
    "General",
    "#,##0",
    "#,##0;(#,##0)",
    '_($* #,##0_);_($* (#,##0);_($* "-"??_);_(@_)',
    "0.00E+00",
    '#,##0 "USD"',
    "[Red]#,##0",
    "[$$-409]#,##0.00",
    "@",
  ])("%s is not a date", (f) => expect(isDateFormat(f)).toBe(false));
});

describe("properties", () => {
  const digits = fc.bigInt({ min: 0n, max: 10n ** 24n });

  test("grouped, bracketed, dollar-signed and trailing-minus text all read back the same number", () => {
    fc.assert(
      fc.property(
        digits,
        fc.boolean(),
        fc.constantFrom("paren", "minus", "unicode", "trailing"),
        (n, neg, style) => {
          const plain = n.toString();
          const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
          const text = !neg
            ? `$${grouped}`
            : style === "paren"
              ? `(${grouped})`
              : style === "minus"
                ? `-${grouped}`
                : style === "unicode"
                  ? `\u2212${grouped}`
                  : `${grouped}-`;
          const expected = neg && n !== 0n ? `-${plain}` : plain;
          expect(parseNumericText(text)!.toFixed()).toBe(expected);
        }
      )
    );
  });

  test("sums of many 15-digit amounts never drift", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), {
          minLength: 1,
          maxLength: 40,
        }),
        (xs) => {
          const viaText = xs.reduce(
            (acc, x) => acc.add(parseNumericText(x.toString())!),
            new Dec(0)
          );
          const exact = xs.reduce((a, b) => a + b, 0n);
          expect(viaText.toFixed()).toBe(exact.toString());
        }
      )
    );
  });

  test("any float Excel stores reads as its 15-significant-digit decimal", () => {
    fc.assert(
      fc.property(
        fc
          .double({ noNaN: true, min: -1e300, max: 1e300 })
          .filter((x) => x === 0 || Math.abs(x) > 1e-300),
        (x) => {
          const d = decimalFromFloat(x)!;
          // at most 15 significant digits, and within half a unit of the 15th digit of the float
          expect(d.sd()).toBeLessThanOrEqual(15);
          if (x !== 0)
            expect(d.sub(new Dec(x)).abs().lte(new Dec(x).abs().mul("5e-15"))).toBe(true);
        }
      )
    );
  });
});

test("cell text in a message cannot carry terminal escapes or bidi overrides", () => {
  const r = readAmount({ value: { type: "text", text: "\u001b[2J\u001b[31mPWNED\u202e" } });
  expect(r.status).toBe("bad");
  const reason = (r as { reason: string }).reason;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  expect(reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(reason).toContain("?[2J?[31mPWNED?");
});
