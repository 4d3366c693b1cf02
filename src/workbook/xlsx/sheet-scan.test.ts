import { cellKey } from "../../grid";
import { parseSheet } from "./sheet-parser";
import { boundCellsOnly, readSheet } from "./sheet-scan";

const SST = ["Customer segregated funds", "x < y & z"];
const STYLES = { formats: ["General", "#,##0", "0.00%"] };

const sheet = (data: string, tail = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:F40"/><sheetData>${data}</sheetData>${tail}</worksheet>`;

/** Rows as Excel writes them: shared strings, styles, a shared formula and its followers, inline and formula strings, errors, booleans. */
const ROWS = [
  `<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="F1" t="inlineStr"><is><r><t>HSBC </t></r><r><t>Securities</t></r><rPh><t>ignored</t></rPh></is></c></row>`,
  `<row r="6"><c r="B6" t="s"><v>1</v></c><c r="E6" s="1"><v>134116777</v></c></row>`,
  `<row r="7"><c r="E7" s="1"><f t="shared" ref="E7:E9" si="0">E6*2</f><v>268233554</v></c><c r="F7"><f>E7&amp;"x"</f><v>1</v></c></row>`,
  `<row r="8"><c r="E8" s="1"><f t="shared" si="0"/><v>536467108</v></c><c r="D8" t="b"><v>1</v></c></row>`,
  `<row r="9"><c r="E9" s="2"><f t="shared" si="0"/><v>0.25</v></c><c r="C9" t="e"><v>#DIV/0!</v></c><c r="D9" t="str"><f>"a&amp;b"</f><v>a&amp;b</v></c></row>`,
  `<row r="12"><c r="A12" s="1"/><c r="B12"><v></v></c><c r="C12"
     r2="x" r="C12"><v>3</v></c></row>`,
  `<row r="13"><c r="A13" s="1"\nt="s"><v>0</v></c><c r="B13" t="str"><v>a &amp; b</v></c><c r="C13" t="s" s="2"><v> 1 </v></c><c r="D13"></c><c r="E13" t="e"><v>#N/A</v></c><c r="F13" s="9"><v>1e3</v></c></row>`,
].join("");
const TAIL = `<sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="A20:B21"/></mergeCells><extLst><ext uri="{1}"><x14:conditionalFormattings xmlns:x14="x"/></ext></extLst>`;

const ALL_KEYS = [
  [1, 1],
  [1, 6],
  [6, 2],
  [6, 5],
  [7, 5],
  [7, 6],
  [8, 5],
  [8, 4],
  [9, 5],
  [9, 3],
  [9, 4],
  [12, 1],
  [12, 2],
  [12, 3],
  [13, 1],
  [13, 2],
  [13, 3],
  [13, 4],
  [13, 5],
  [13, 6],
  [30, 30],
].map(([r, c]) => cellKey(r, c));

/** Every subset of a few keys, and some random ones: the cut-down read must agree with the whole read. */
function keySets(): Set<number>[] {
  const sets: Set<number>[] = [new Set(), new Set(ALL_KEYS)];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 60; i++) sets.push(new Set(ALL_KEYS.filter(() => random() < 0.3)));
  return sets;
}

const plain = (d: ReturnType<typeof parseSheet>) => ({
  cells: [...d.cells].sort((a, b) => a[0] - b[0]),
  merges: d.merges,
  protected: d.protected,
  cellCount: d.cellCount,
});

describe("reading bound cells by position", () => {
  test("gives what tokenizing the whole part gives, for any set of cells", () => {
    const xml = sheet(ROWS, TAIL);
    expect(boundCellsOnly(xml, new Set(ALL_KEYS), SST, STYLES)).not.toBeNull();
    for (const keys of keySets())
      expect(plain(readSheet(xml, SST, STYLES, keys))).toEqual(
        plain(parseSheet(xml, SST, STYLES, keys))
      );
  });

  test("a shared formula's follower gets its master's formula, the master not asked for", () => {
    const keys = new Set([cellKey(9, 5)]);
    const got = readSheet(sheet(ROWS, TAIL), SST, STYLES, keys);
    expect(got.cells.get(cellKey(9, 5))?.formula).toBe("E8*2");
    expect(got.cells.size).toBe(1);
    expect(got.cellCount).toBe(20);
    expect(got.protected).toBe(true);
    expect(got.merges).toEqual([{ r1: 20, c1: 1, r2: 21, c2: 2 }]);
  });

  test.each([
    ["a comment", sheet(`<!-- <c r="E6"><v>1</v></c> -->` + ROWS)],
    ["CDATA", sheet(ROWS.replace("<v>0</v>", "<v><![CDATA[0]]></v>"))],
    ["a processing instruction", sheet(`<?pi <c r="E6"?>` + ROWS)],
    [
      "a prefixed cell",
      sheet(
        ROWS.replace(`<c r="E6" s="1">`, `<x:c r="E6" s="1">`).replace(
          "134116777</v></c>",
          "134116777</v></x:c>"
        )
      ),
    ],
    ["a cell without its reference", sheet(ROWS.replace(`<c r="B6" t="s">`, `<c t="s">`))],
    ["a reference with $", sheet(ROWS.replace(`r="E6"`, `r="$E$6"`))],
    [
      "a '>' in an attribute",
      sheet(ROWS.replace(`<c r="E6" s="1">`, `<c r="E6" s="1" note="a>b">`)),
    ],
    ["an apostrophe in an attribute", sheet(ROWS.replace(`<c r="E6" s="1">`, `<c r='E6' s="1">`))],
    ["a tab before the reference", sheet(ROWS.replace(`<c r="E6" s="1">`, `<c\tr="E6" s="1">`))],
    [
      "two spaces before the reference",
      sheet(ROWS.replace(`<c r="E6" s="1">`, `<c  r="E6" s="1">`)),
    ],
    ["a reference past the last column", sheet(ROWS.replace(`r="E6"`, `r="XFE6"`))],
    ["no sheetData", `<worksheet><sheetData/></worksheet>`],
  ])("%s: the part is tokenized whole, with the same result", (_, xml) => {
    const keys = new Set(ALL_KEYS);
    expect(boundCellsOnly(xml, keys, SST, STYLES)).toBeNull();
    expect(plain(readSheet(xml, SST, STYLES, keys))).toEqual(
      plain(parseSheet(xml, SST, STYLES, keys))
    );
  });

  test("a part cut off inside its cells is still malformed, not read leniently", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1"`;
    expect(() => readSheet(xml, SST, STYLES, new Set([cellKey(1, 1)]))).toThrow();
  });
});
