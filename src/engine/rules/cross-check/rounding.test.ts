import { Dec } from "../../decimal";
import { trailingZeros } from "./rounding";

/** The count as printed digits say it, the obvious way. */
function byPrinting(v: Dec): number {
  if (v.decimalPlaces() > 0) return -v.decimalPlaces();
  const digits = v.abs().toFixed(0);
  return digits.length - digits.replace(/0+$/, "").length;
}

describe("trailing zeros of a printed figure", () => {
  test.each([
    ["1200000", 5],
    ["-1200000", 5],
    ["7", 0],
    ["10", 1],
    ["134116777", 0],
    ["1000000000", 9],
    ["12.5", -1],
    ["-0.07", -2],
    ["12345000000000000000000", 18],
    ["9007199254740993000", 3],
  ])("%s has %i", (text, zeros) => {
    expect(trailingZeros(new Dec(text))).toBe(zeros);
  });

  test("agrees with the printed digits for figures of every size", () => {
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2000; i++) {
      const digits = String(next()) + "0".repeat(next() % 15) + (i % 3 ? "" : "." + (next() % 100));
      const v = new Dec(i % 2 ? "-" + digits : digits);
      if (v.isZero()) continue;
      expect(trailingZeros(v)).toBe(byPrinting(v));
    }
  });
});
