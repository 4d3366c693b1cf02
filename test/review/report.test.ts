import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkScope, ENGINE_VERSION, REFERENCE_VERSION, Dec } from "../../src/engine";
import { codeValueCsv, csvField, scopeFileName } from "../../src/report/csv";
import { esc } from "../../src/report/html";
import { scopeOf } from "../engine/helpers";

const ROOT = join(__dirname, "..", "..");

describe("the review package's facts", () => {
  it("states the package's version and the reference the statements were written from", () => {
    expect(ENGINE_VERSION).toBe(
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version
    );
    const reference = readFileSync(
      join(ROOT, "..", "shared", "reference", REFERENCE_VERSION.document)
    );
    expect(createHash("sha256").update(reference).digest("hex")).toBe(REFERENCE_VERSION.sha256);
  });

  it("writes CSV that a spreadsheet opens as text, never as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-477038837")).toBe("-477038837"); // a negative amount stays a number
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField(null)).toBe("");
  });

  it("escapes every piece of workbook text in HTML", () => {
    expect(esc(`<img src=x onerror="alert(1)">'&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;"
    );
  });

  it("gives code,value rows in dollars, as filed, for a schedule keyed in thousands", () => {
    const s = checkScope({ ...scopeOf({ "7010": 1234, "7180": 5 }), unit: new Dec(1000) });
    expect(codeValueCsv(s).split("\r\n")).toEqual(
      expect.arrayContaining(["code,value", "7010,1234000", "7180,5000"])
    );
  });

  it("names per-scope files safely", () => {
    expect(scopeFileName("Seg 1/2 (final)", "2020-11-30")).toBe(
      "values-Seg-1-2-final-2020-11-30.csv"
    );
    expect(scopeFileName("Seg 2020-11-30", "2020-11-30")).toBe("values-Seg-2020-11-30.csv");
    expect(scopeFileName("../..", null)).toBe("values-..-...csv"); // no separator survives
  });
});
