import { strFromU8, unzipSync } from "fflate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { cellKey, parseA1 } from "../../src/grid";
import { type WorkbookModel, writeXlsx } from "../../sim";

const MODEL: WorkbookModel = {
  sheets: [
    {
      name: "Seg 1",
      columnWidths: { A: 48, C: 16.5 },
      merges: ["B3:C3"],
      protected: true,
      cells: [
        { ref: "A1", value: "Statement of Segregation", bold: true },
        { ref: "B3", value: '  padded & <odd> "text"  ' },
        { ref: "A5", value: "Net ledger balance", note: "Line 1" },
        { ref: "C5", value: 1234567.891, numberFormat: "#,##0;(#,##0)" },
        { ref: "C6", value: -0.1, numberFormat: "#,##0.00;[Red](#,##0.00)", fill: "FFFFC7CE" },
        { ref: "C7", value: 1e-7 },
        { ref: "C8", value: 123456789012345680000 },
        { ref: "C10", formula: "SUM(C5:C8)", value: 1234567.791, numberFormat: "#,##0;(#,##0)" },
        { ref: "C11", formula: "C10*2" },
        { ref: "C12", formula: "1/0", error: "#DIV/0!" },
        { ref: "C13", error: "#N/A" },
        { ref: "C14", value: true },
        { ref: "C15", formula: "C5>0", value: false },
        { ref: "C16", formula: 'IF(C5>0,"yes","no")', value: "yes" },
        { ref: "C17", formula: 'A1&"<&>"', value: "Statement<&>" },
        { ref: "D2", value: 44500, numberFormat: "m/d/yyyy" },
        { ref: "AA100", value: "far away" },
        { ref: "B20", value: null, fill: "FFDDEBF7", note: "empty but noted\nsecond line" },
        { ref: "B21", value: "line1\nline2\r\nline3\ttab" },
        { ref: "B22", value: "bad\u0001chars\u0008here\uFFFF\uD800" },
        { ref: "B23", value: "" },
        { ref: "B24", value: "Statement of Segregation" },
        { ref: "B25", value: "emoji \u{1F600} ünïcødé" },
      ],
    },
    { name: "Hidden one", state: "hidden", cells: [{ ref: "A1", value: 1 }] },
    { name: "Very'hidden", state: "veryHidden", cells: [] },
  ],
  names: [
    { name: "TotalSeg", refersTo: "'Seg 1'!$C$10" },
    { name: "Local", refersTo: "'Seg 1'!$C$5", localSheet: "Seg 1" },
    { name: "Local", refersTo: "'Hidden one'!$A$1", localSheet: "Hidden one" },
    { name: "Broken", refersTo: "#REF!", hidden: true },
    { name: "Dyn", refersTo: "OFFSET('Seg 1'!$C$5,0,0,3,1)" },
    { name: "Limit", refersTo: "1000" },
  ],
  calcMode: "manual",
  fullCalcOnLoad: true,
};

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) out[k] = strFromU8(v);
  return out;
}

function readAll(bytes: Uint8Array) {
  const wb = XlsxWorkbook.fromBytes(bytes);
  wb.load(new Map(wb.sheets.map((s) => [s.index, "all" as const])));
  return wb;
}

describe("writeXlsx", () => {
  const bytes = writeXlsx(MODEL);
  const wb = readAll(bytes);
  const cell = (ref: string, sheet = 0) => {
    const p = parseA1(ref)!;
    return wb.sheet(sheet)!.cells.get(cellKey(p.row, p.col));
  };

  test("sheets, states and calc mode come back", () => {
    expect(wb.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ["Seg 1", "visible", "worksheet"],
      ["Hidden one", "hidden", "worksheet"],
      ["Very'hidden", "veryHidden", "worksheet"],
    ]);
    expect(wb.calcMode).toBe("manual");
    expect(parts(bytes)["xl/workbook.xml"]).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("values of every type come back", () => {
    expect(cell("A1")).toEqual({ value: { type: "text", text: "Statement of Segregation" } });
    expect(cell("B3")?.value).toEqual({ type: "text", text: '  padded & <odd> "text"  ' });
    expect(cell("C5")).toEqual({
      value: { type: "number", value: 1234567.891 },
      numberFormat: "#,##0;(#,##0)",
    });
    expect(cell("C6")).toEqual({
      value: { type: "number", value: -0.1 },
      numberFormat: "#,##0.00;[Red](#,##0.00)",
    });
    expect(cell("C7")?.value).toEqual({ type: "number", value: 1e-7 });
    expect(cell("C8")?.value).toEqual({ type: "number", value: 123456789012345680000 });
    expect(cell("C13")).toEqual({ value: { type: "error", error: "#N/A" } });
    expect(cell("C14")).toEqual({ value: { type: "boolean", value: true } });
    expect(cell("D2")).toEqual({
      value: { type: "number", value: 44500 },
      numberFormat: "m/d/yyyy",
    });
    expect(cell("AA100")?.value).toEqual({ type: "text", text: "far away" });
    expect(cell("B20")).toEqual({ value: { type: "blank" } });
    expect(cell("B21")?.value).toEqual({ type: "text", text: "line1\nline2\r\nline3\ttab" });
    expect(cell("B22")?.value).toEqual({ type: "text", text: "badcharshere" });
    expect(cell("B23")?.value).toEqual({ type: "text", text: "" });
    expect(cell("B24")?.value).toEqual({ type: "text", text: "Statement of Segregation" });
    expect(cell("B25")?.value).toEqual({ type: "text", text: "emoji \u{1F600} ünïcødé" });
    expect(cell("A1", 1)?.value).toEqual({ type: "number", value: 1 });
    expect(wb.sheet(2)!.cells.size).toBe(0);
  });

  test("formulas and their cached results (or none) come back", () => {
    expect(cell("C10")).toEqual({
      value: { type: "number", value: 1234567.791 },
      formula: "SUM(C5:C8)",
      numberFormat: "#,##0;(#,##0)",
    });
    expect(cell("C11")).toEqual({ value: null, formula: "C10*2" });
    expect(cell("C12")).toEqual({ value: { type: "error", error: "#DIV/0!" }, formula: "1/0" });
    expect(cell("C15")).toEqual({ value: { type: "boolean", value: false }, formula: "C5>0" });
    expect(cell("C16")).toEqual({
      value: { type: "text", text: "yes" },
      formula: 'IF(C5>0,"yes","no")',
    });
    expect(cell("C17")).toEqual({
      value: { type: "text", text: "Statement<&>" },
      formula: 'A1&"<&>"',
    });
  });

  test("merges and protection come back", () => {
    expect(wb.sheet(0)!.merges).toEqual([{ r1: 3, c1: 2, r2: 3, c2: 3 }]);
    expect(wb.sheet(0)!.protected).toBe(true);
    expect(wb.sheet(1)!.protected).toBe(false);
  });

  test("workbook-level and sheet-level names come back", () => {
    expect(wb.names).toEqual([
      { name: "TotalSeg", localSheetId: null, refersTo: "'Seg 1'!$C$10", hidden: false },
      { name: "Local", localSheetId: 0, refersTo: "'Seg 1'!$C$5", hidden: false },
      { name: "Local", localSheetId: 1, refersTo: "'Hidden one'!$A$1", hidden: false },
      { name: "Broken", localSheetId: null, refersTo: "#REF!", hidden: true },
      { name: "Dyn", localSheetId: null, refersTo: "OFFSET('Seg 1'!$C$5,0,0,3,1)", hidden: false },
      { name: "Limit", localSheetId: null, refersTo: "1000", hidden: false },
    ]);
  });

  test("styles: custom formats from 164, bold font, fills, one xf per combination", () => {
    const styles = parts(bytes)["xl/styles.xml"];
    const numFmts = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map(
      (m) => [m[1], m[2]]
    );
    expect(numFmts).toEqual([
      ["164", "m/d/yyyy"],
      ["165", "#,##0;(#,##0)"],
      ["166", "#,##0.00;[Red](#,##0.00)"],
    ]);
    expect(styles).toMatch(/<fills count="4">.*gray125.*FFFFC7CE.*FFDDEBF7/);
    expect(styles).toContain("<b/>");
    // General, bold, #,##0;(#,##0), red fill + format, m/d/yyyy, blue fill
    expect(styles).toMatch(/<cellXfs count="6">/);
  });

  test("notes are written as comments with a VML drawing", () => {
    const p = parts(bytes);
    expect(p["xl/comments1.xml"]).toContain(
      '<comment ref="A5" authorId="0"><text><t>Line 1</t></text></comment>'
    );
    expect(p["xl/comments1.xml"]).toContain('ref="B20"');
    expect(p["xl/comments1.xml"]).toContain("empty but noted\nsecond line");
    expect(p["xl/drawings/vmlDrawing1.vml"]).toContain("<x:Row>19</x:Row><x:Column>1</x:Column>");
    expect(p["xl/worksheets/sheet1.xml"]).toContain('<legacyDrawing r:id="rId1"/>');
    expect(p["[Content_Types].xml"]).toContain('Extension="vml"');
    expect(p["[Content_Types].xml"]).toContain('PartName="/xl/comments1.xml"');
  });

  test("strings are shared, escaped, and keep their spaces", () => {
    const sst = parts(bytes)["xl/sharedStrings.xml"];
    expect(sst).toContain(
      '<t xml:space="preserve">  padded &amp; &lt;odd&gt; &quot;text&quot;  </t>'
    );
    expect(sst).toContain("line2&#13;\nline3");
    expect(sst.match(/Statement of Segregation/g)).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(sst).not.toMatch(/[\u0001\u0008\uFFFF]/);
  });

  test("a literal _xHHHH_ in text is escaped as Excel expects", () => {
    const sst = parts(
      writeXlsx({ sheets: [{ name: "S", cells: [{ ref: "A1", value: "a_x0041_b" }] }] })
    )["xl/sharedStrings.xml"];
    expect(sst).toContain("a_x005F_x0041_b");
  });

  test("the same model gives the same bytes", () => {
    const again = writeXlsx(JSON.parse(JSON.stringify(MODEL)) as WorkbookModel);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  test("cells may come in any order", () => {
    const a = writeXlsx({
      sheets: [
        {
          name: "S",
          cells: [
            { ref: "B2", value: 2 },
            { ref: "A1", value: 1 },
            { ref: "A2", value: 3 },
          ],
        },
      ],
    });
    const b = writeXlsx({
      sheets: [
        {
          name: "S",
          cells: [
            { ref: "A1", value: 1 },
            { ref: "A2", value: 3 },
            { ref: "B2", value: 2 },
          ],
        },
      ],
    });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(parts(a)["xl/worksheets/sheet1.xml"]).toContain(
      '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>2</v></c></row>'
    );
  });

  test("a hidden first sheet leaves the first visible one active", () => {
    const b = writeXlsx({
      sheets: [
        { name: "H", state: "hidden", cells: [] },
        { name: "V", cells: [] },
      ],
    });
    expect(parts(b)["xl/workbook.xml"]).toContain('activeTab="1"');
    expect(parts(b)["xl/worksheets/sheet2.xml"]).toContain('tabSelected="1"');
  });

  test.each([
    ["", /empty/],
    ["a".repeat(32), /31/],
    ["a/b", /\[ \] : \* \? \/ \\/],
    ["a[1]", /contains/],
    ["What?", /contains/],
    ["x:y", /contains/],
    ["back\\slash", /contains/],
    ["star*", /contains/],
    ["'quoted'", /apostrophe/],
    ["History", /reserved/],
  ])("sheet name %j is rejected", (name, why) => {
    expect(() => writeXlsx({ sheets: [{ name, cells: [] }] })).toThrow(/invalid sheet name/);
    expect(() => writeXlsx({ sheets: [{ name, cells: [] }] })).toThrow(why);
  });

  test("other mistakes in the model are rejected with a clear message", () => {
    const one =
      (
        cells: WorkbookModel["sheets"][0]["cells"],
        extra: Partial<WorkbookModel["sheets"][0]> = {}
      ) =>
      () =>
        writeXlsx({ sheets: [{ name: "S", cells, ...extra }] });
    expect(() => writeXlsx({ sheets: [] })).toThrow(/at least one sheet/);
    expect(() =>
      writeXlsx({
        sheets: [
          { name: "A", cells: [] },
          { name: "a", cells: [] },
        ],
      })
    ).toThrow(/twice/);
    expect(() => writeXlsx({ sheets: [{ name: "A", state: "hidden", cells: [] }] })).toThrow(
      /visible/
    );
    expect(one([{ ref: "1A", value: 1 }])).toThrow(/"1A" is not a cell address/);
    expect(
      one([
        { ref: "A1", value: 1 },
        { ref: "A1", value: 2 },
      ])
    ).toThrow(/twice/);
    expect(one([{ ref: "A1", value: NaN }])).toThrow(/NaN/);
    expect(one([{ ref: "A1", value: 1, error: "#N/A" }])).toThrow(/both/);
    expect(one([{ ref: "A1", error: "#OOPS" }])).toThrow(/not an error value/);
    expect(one([{ ref: "A1", value: 1, fill: "red" }])).toThrow(/ARGB/);
    expect(one([], { merges: ["B3:C3", "C3:D4"] })).toThrow(/overlaps/);
    expect(one([], { merges: ["B3"] })).toThrow(/not an area/);
    expect(() =>
      writeXlsx({ sheets: [{ name: "S", cells: [] }], names: [{ name: "A1", refersTo: "1" }] })
    ).toThrow(/cell address/);
    expect(() =>
      writeXlsx({
        sheets: [{ name: "S", cells: [] }],
        names: [{ name: "x", refersTo: "1", localSheet: "T" }],
      })
    ).toThrow(/no sheet named "T"/);
    expect(() =>
      writeXlsx({
        sheets: [{ name: "S", cells: [] }],
        names: [
          { name: "x", refersTo: "1" },
          { name: "X", refersTo: "2" },
        ],
      })
    ).toThrow(/twice/);
  });

  test("zip entries have a fixed date", () => {
    // local file header: last-mod time at offset 10, date at 12 (DOS format)
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // 1980-01-01
  });
});

test("Excel's _xHHHH_ escapes come back as the characters they stand for", () => {
  const wb = XlsxWorkbook.fromBytes(
    writeXlsx({ sheets: [{ name: "S", cells: [{ ref: "A1", value: "a_x0041_b and a\u0001c" }] }] })
  );
  wb.load(new Map([[0, "all"]]));
  expect(wb.sheet(0)!.cells.get(cellKey(1, 1))!.value).toEqual({
    type: "text",
    text: "a_x0041_b and ac",
  });
});
