import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseA1 } from "../../src/grid";
import type { CellContent } from "../../src/engine";
import {
  annotateFindings,
  SEVERITY_FILL,
  type FindingMark,
} from "../../src/workbook/annotate-findings";
import { annotateXlsx } from "../../src/workbook/xlsx/annotate";
import { nativeInflate } from "../../src/cli/native-inflate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/reader";
import { type WorkbookModel, writeXlsx } from "../../sim";
import { WorkbookFileError, ZipPackage } from "../../src/workbook/xlsx/zip";

const MODEL: WorkbookModel = {
  sheets: [
    {
      name: "Seg 1",
      merges: ["B3:C3"],
      columnWidths: { A: 40 },
      cells: [
        { ref: "A1", value: "Statement", bold: true },
        { ref: "B3", value: "merged" },
        { ref: "A5", value: "Net ledger balance", note: "existing note" },
        { ref: "C5", value: 1234.5, numberFormat: "#,##0.00;(#,##0.00)" },
        { ref: "C6", value: -3, numberFormat: "#,##0;(#,##0)", bold: true },
        { ref: "C7", formula: "C5+C6", value: 1231.5, numberFormat: "#,##0;(#,##0)" },
        { ref: "C8", formula: "C5*2" },
        { ref: "C9", formula: "1/0", error: "#DIV/0!" },
        { ref: "C10", value: true },
        { ref: "E5", value: "right" },
        { ref: "C20", value: 20 },
      ],
    },
    {
      name: "Other sheet",
      cells: [
        { ref: "B2", value: 2, numberFormat: "0.00" },
        { ref: "B4", formula: "B2*2", value: 4 },
      ],
    },
    { name: "Untouched", cells: [{ ref: "A1", value: "same", fill: "FFDDEBF7" }] },
  ],
  names: [
    { name: "Total", refersTo: "'Seg 1'!$C$7" },
    { name: "Loc", refersTo: "'Other sheet'!$B$2", localSheet: "Other sheet" },
  ],
};

const FIXTURE = writeXlsx(MODEL);

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
const text = (bytes: Uint8Array, name: string) => strFromU8(parts(bytes).get(name)!);

/** Every cell of every sheet, by sheet name and address. */
function allCells(bytes: Uint8Array): Map<string, CellContent> {
  const wb = XlsxWorkbook.fromBytes(bytes);
  wb.load(new Map(wb.sheets.map((s) => [s.index, "all" as const])));
  const out = new Map<string, CellContent>();
  for (const s of wb.sheets) {
    for (const [key, content] of wb.sheet(s.index)!.cells) {
      const row = Math.floor(key / 16385);
      const col = key % 16385;
      out.set(`${s.name}!${String.fromCharCode(64 + col)}${row}`, content);
    }
  }
  return out;
}

/** The xf a cell uses, and the fill colour of that xf. */
function styleOf(bytes: Uint8Array, sheetPart: string, ref: string) {
  const sheet = text(bytes, sheetPart);
  const c = new RegExp(`<(?:\\w+:)?c r="${ref}"[^>]*>`).exec(sheet);
  if (!c) return null;
  const s = Number(/\ss="(\d+)"/.exec(c[0])?.[1] ?? 0);
  const styles = text(bytes, "xl/styles.xml");
  const xfs = [
    .../<(?:\w+:)?cellXfs[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/
      .exec(styles)![1]
      .matchAll(/<(?:\w+:)?xf\b[^>]*>/g),
  ].map((m) => m[0]);
  const fills = [
    .../<(?:\w+:)?fills[^>]*>([\s\S]*?)<\/(?:\w+:)?fills>/
      .exec(styles)![1]
      .matchAll(/<(?:\w+:)?fill>[\s\S]*?<\/(?:\w+:)?fill>/g),
  ].map((m) => m[0]);
  const xf = xfs[s];
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(xf)?.[1];
  const fill = fills[Number(attr("fillId") ?? 0)];
  return {
    s,
    xf,
    numFmtId: attr("numFmtId"),
    fontId: attr("fontId"),
    fillId: attr("fillId"),
    applyFill: attr("applyFill"),
    rgb: /rgb="([^"]*)"/.exec(fill ?? "")?.[1] ?? null,
  };
}

const MARKS: FindingMark[] = [
  { sheet: "Seg 1", address: "C5", severity: "info", note: "info on C5" },
  { sheet: "Seg 1", address: "C5", severity: "error", note: "error on C5" },
  { sheet: "Seg 1", address: "C5", severity: "warning", note: "warning on C5" },
  { sheet: "Seg 1", address: "C7", severity: "warning", note: 'formula <checked> & "quoted"' },
  { sheet: "Seg 1", address: "C8", severity: "info", note: "no cached result" },
  { sheet: "Seg 1", address: "A5", severity: "info", note: "appended to the existing note" },
  { sheet: "Seg 1", address: "D5", severity: "error", note: "between C5 and E5" },
  { sheet: "Seg 1", address: "F5", severity: "error", note: "after E5" },
  { sheet: "Seg 1", address: "A5", severity: "warning", note: "second line" },
  { sheet: "Seg 1", address: "B4", severity: "info", note: "new row between 3 and 5" },
  { sheet: "Seg 1", address: "Z30", severity: "warning", note: "new last row" },
  { sheet: "Other sheet", address: "B2", severity: "error", note: "sheet without comments" },
  { sheet: "Other sheet", address: "A1", severity: "info", note: "new first row" },
];

describe("annotateFindings", () => {
  const out = annotateFindings(FIXTURE, MARKS);

  test("the output still parses, with the same sheets and names", () => {
    const before = XlsxWorkbook.fromBytes(FIXTURE);
    const after = XlsxWorkbook.fromBytes(out);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
  });

  test("every cell keeps its value, formula and number format; new cells are blank", () => {
    const before = allCells(FIXTURE);
    const after = allCells(out);
    const created = ["Seg 1!D5", "Seg 1!F5", "Seg 1!B4", "Seg 1!Z30", "Other sheet!A1"];
    for (const k of created) {
      expect(before.has(k)).toBe(false);
      expect(after.get(k)).toEqual({ value: { type: "blank" } });
      after.delete(k);
    }
    expect(after).toEqual(before);
    expect(before.size).toBeGreaterThan(10);
  });

  test("parts other than styles, marked sheets, comments, drawings, rels and content types are byte-identical", () => {
    const a = parts(FIXTURE);
    const b = parts(out);
    const allowed =
      /^(xl\/styles\.xml|xl\/worksheets\/sheet[12]\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|.*\.rels|\[Content_Types\]\.xml)$/;
    for (const [name, bytes] of a) {
      expect(b.has(name)).toBe(true);
      if (!allowed.test(name))
        expect(Buffer.from(b.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    }
    for (const name of [
      "xl/workbook.xml",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet3.xml",
      "xl/_rels/workbook.xml.rels",
      "docProps/core.xml",
    ]) {
      expect(Buffer.from(b.get(name)!).equals(Buffer.from(a.get(name)!))).toBe(true);
    }
    // the entries keep their order; new parts come last
    const names = new ZipPackage(out).names();
    const old = new ZipPackage(FIXTURE).names();
    expect(names.slice(0, old.length)).toEqual(old);
    expect(names.slice(old.length).sort()).toEqual([
      "xl/comments2.xml",
      "xl/drawings/vmlDrawing2.vml",
      "xl/worksheets/_rels/sheet2.xml.rels",
    ]);
  });

  test("marked cells get a clone of their xf with the severity's fill", () => {
    const c5Before = styleOf(FIXTURE, "xl/worksheets/sheet1.xml", "C5")!;
    const c5 = styleOf(out, "xl/worksheets/sheet1.xml", "C5")!;
    expect(c5.rgb).toBe(SEVERITY_FILL.error); // highest severity of the three marks
    expect(c5.applyFill).toBe("1");
    expect(c5.numFmtId).toBe(c5Before.numFmtId);
    expect(c5.fontId).toBe(c5Before.fontId);
    expect(c5.s).not.toBe(c5Before.s);

    const c7Before = styleOf(FIXTURE, "xl/worksheets/sheet1.xml", "C7")!;
    const c7 = styleOf(out, "xl/worksheets/sheet1.xml", "C7")!;
    expect(c7.rgb).toBe(SEVERITY_FILL.warning);
    expect(c7.numFmtId).toBe(c7Before.numFmtId);
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "C8")!.rgb).toBe(SEVERITY_FILL.info);
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "D5")!.rgb).toBe(SEVERITY_FILL.error);
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "Z30")!.rgb).toBe(SEVERITY_FILL.warning);
    expect(styleOf(out, "xl/worksheets/sheet2.xml", "B2")!.rgb).toBe(SEVERITY_FILL.error);
    expect(styleOf(out, "xl/worksheets/sheet2.xml", "A1")!.rgb).toBe(SEVERITY_FILL.info);
    // unmarked cells keep their style
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "C6")).toEqual(
      styleOf(FIXTURE, "xl/worksheets/sheet1.xml", "C6")
    );

    const styles = text(out, "xl/styles.xml");
    const fills = [...styles.matchAll(/<fill>/g)].length;
    expect(styles).toContain(`<fills count="${fills}">`);
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b/g)]
      .length;
    expect(styles).toContain(`<cellXfs count="${xfs}">`);
    // the original entries are still there, in place
    const orig = text(FIXTURE, "xl/styles.xml");
    const origXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(orig)![1];
    expect(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].startsWith(origXfs)).toBe(true);
  });

  test("cells are created in order, rows in order, and the dimension grows", () => {
    const sheet = text(out, "xl/worksheets/sheet1.xml");
    const refs = [...sheet.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => parseA1(m[1])!);
    const sorted = [...refs].sort((a, b) => a.row - b.row || a.col - b.col);
    expect(refs).toEqual(sorted);
    const rows = [...sheet.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows).toContain(4);
    expect(rows).toContain(30);
    expect(sheet).toContain('<dimension ref="A1:Z30"/>');
    expect(text(out, "xl/worksheets/sheet2.xml")).toMatch(
      /<sheetData><row r="1"><c r="A1" s="\d+"\/><\/row><row r="2">/
    );
  });

  test("notes: appended to the existing comments part and to an existing note", () => {
    const comments = text(out, "xl/comments1.xml");
    expect(comments).toContain("existing note");
    const a5 = /<comment ref="A5"[\s\S]*?<\/comment>/.exec(comments)![0];
    expect(a5).toContain("existing note\nappended to the existing note\nsecond line");
    expect(comments.match(/<comment ref="A5"/g)).toHaveLength(1);
    expect(comments).toContain("error on C5");
    expect(/<comment ref="C5"[\s\S]*?<\/comment>/.exec(comments)![0]).toContain(
      "info on C5\nerror on C5\nwarning on C5"
    );
    expect(comments).toContain("formula &lt;checked&gt; &amp; &quot;quoted&quot;");
    for (const ref of ["C7", "C8", "D5", "F5", "B4", "Z30"])
      expect(comments).toContain(`<comment ref="${ref}"`);

    // one VML shape per note, the existing one kept; ids unique
    const vml = text(out, "xl/drawings/vmlDrawing1.vml");
    const shapes = [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map(
      (m) => `${m[1]}/${m[2]}`
    );
    expect(shapes.sort()).toEqual(
      ["4/0", "4/2", "6/2", "7/2", "4/3", "4/5", "3/1", "29/25"].sort()
    ); // 0-based row/column
    const ids = [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a sheet without notes gets a comments part, a VML drawing, rels and content types", () => {
    const comments = text(out, "xl/comments2.xml");
    expect(comments).toContain(
      '<comment ref="B2" authorId="0"><text><t>sheet without comments</t></text></comment>'
    );
    const rels = text(out, "xl/worksheets/_rels/sheet2.xml.rels");
    expect(rels).toContain('Target="../comments2.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing2.vml"');
    const relId =
      /Id="(rId\d+)"[^>]*vmlDrawing"/.exec(rels)?.[1] ??
      /Id="(rId\d+)" Type="[^"]*vmlDrawing"/.exec(rels)![1];
    const sheet = text(out, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(
      new RegExp(`<pageMargins[^>]*/><legacyDrawing r:id="${relId}"/></worksheet>`)
    );
    const ct = text(out, "[Content_Types].xml");
    expect(ct).toContain(
      '<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>'
    );
    expect(ct.match(/Extension="vml"/g)).toHaveLength(1);
    // the two drawings use different shape-id blocks
    const block = (v: string) => /<o:idmap v:ext="edit" data="([^"]*)"/.exec(v)![1];
    expect(block(text(out, "xl/drawings/vmlDrawing2.vml"))).not.toBe(
      block(text(out, "xl/drawings/vmlDrawing1.vml"))
    );
  });

  test("annotating twice works and reuses the fills and xfs it made", () => {
    const twice = annotateFindings(out, [
      { sheet: "Seg 1", address: "C5", severity: "error", note: "again" },
      { sheet: "Other sheet", address: "B3", severity: "warning", note: "new cell, second pass" },
      { sheet: "Untouched", address: "A1", severity: "info", note: "third sheet" },
    ]);
    const before = allCells(out);
    const after = allCells(twice);
    expect(after.get("Other sheet!B3")).toEqual({ value: { type: "blank" } });
    after.delete("Other sheet!B3");
    expect(after).toEqual(before);
    expect(styleOf(twice, "xl/worksheets/sheet1.xml", "C5")!.s).toBe(
      styleOf(out, "xl/worksheets/sheet1.xml", "C5")!.s
    );
    expect(
      /<comment ref="C5"[\s\S]*?<\/comment>/.exec(text(twice, "xl/comments1.xml"))![0]
    ).toContain("warning on C5\nagain");
    expect(text(twice, "xl/comments2.xml")).toContain("new cell, second pass");
    expect(text(twice, "xl/comments3.xml")).toContain("third sheet");
    // the third sheet's existing fill (blue) is already the info fill: reused, no new <fill>
    const fillsOf = (b: Uint8Array) => [...text(b, "xl/styles.xml").matchAll(/<fill>/g)].length;
    expect(fillsOf(twice)).toBe(fillsOf(out));
    const blocks = [1, 2, 3].map(
      (n) => /data="([^"]*)"/.exec(text(twice, `xl/drawings/vmlDrawing${n}.vml`))![1]
    );
    expect(new Set(blocks).size).toBe(3);
  });

  test("the same input gives the same bytes", () => {
    expect(Buffer.from(annotateFindings(FIXTURE, MARKS)).equals(Buffer.from(out))).toBe(true);
  });

  test("no marks: an identical copy", () => {
    const copy = annotateFindings(FIXTURE, []);
    expect(Buffer.from(copy).equals(Buffer.from(FIXTURE))).toBe(true);
    expect(copy).not.toBe(FIXTURE);
  });

  test("an unknown sheet or a bad address is an error naming it", () => {
    expect(() =>
      annotateFindings(FIXTURE, [{ sheet: "Nope", address: "A1", severity: "error", note: "x" }])
    ).toThrow(/no sheet named "Nope"/);
    expect(() =>
      annotateFindings(FIXTURE, [{ sheet: "Seg 1", address: "A0", severity: "error", note: "x" }])
    ).toThrow(/"A0"/);
    expect(() =>
      annotateFindings(FIXTURE, [{ sheet: "Seg 1", address: "XFE1", severity: "error", note: "x" }])
    ).toThrow(/"XFE1"/);
    expect(() =>
      annotateFindings(FIXTURE, [
        { sheet: "Seg 1", address: "B3:C3", severity: "error", note: "x" },
      ])
    ).toThrow(/"B3:C3"/);
  });
});

/** Rewrite a part so that its elements in the main namespace use the prefix x:. */
function prefixed(xml: string): string {
  return xml
    .replace(
      /xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/,
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    )
    .replace(/<(\/?)([A-Za-z]+)([\s/>])/g, "<$1x:$2$3");
}

function repack(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    const xml = strFromU8(files[name]);
    const edited = edit(name, xml);
    if (edited !== xml) files[name] = strToU8(edited);
  }
  return zipSync(files);
}

describe("annotateFindings with the caller's inflater", () => {
  test("the CLI's native zlib inflates every part it reads, and the copy is byte for byte the same", () => {
    const inflated: number[] = [];
    const native = (data: Uint8Array, size: number) => {
      inflated.push(size);
      return nativeInflate(data, size);
    };
    const withNative = annotateFindings(FIXTURE, MARKS, { inflateRaw: native });
    expect(inflated.length).toBeGreaterThan(0);
    expect(Buffer.from(withNative).equals(Buffer.from(annotateFindings(FIXTURE, MARKS)))).toBe(
      true
    );
  });
});

describe("annotateFindings refuses a part it cannot patch, naming it (the check may never have read it)", () => {
  const mark: FindingMark[] = [{ sheet: "Seg 1", address: "C5", severity: "error", note: "x" }];

  test("malformed XML in [Content_Types].xml: a corrupt workbook, not the tokenizer's own error (failed before: XmlError)", () => {
    const src = repack(FIXTURE, (name, xml) =>
      name === "[Content_Types].xml" ? xml.replace("<Default ", '<Default "') : xml
    );
    expect(() => annotateFindings(src, mark)).toThrow(WorkbookFileError);
    expect(() => annotateFindings(src, mark)).toThrow(
      /^corrupt workbook: \[Content_Types\]\.xml is malformed XML \(/
    );
  });

  test("rows out of order in the marked sheet: refused by name, never patched in the wrong place (failed before: an internal error)", () => {
    const src = repack(FIXTURE, (name, xml) => {
      if (name !== "xl/worksheets/sheet1.xml") return xml;
      const rows = xml.match(/<row [^>]*>.*?<\/row>/g)!;
      return xml.replace(rows.join(""), [...rows].reverse().join(""));
    });
    expect(() => annotateFindings(src, mark)).toThrow(WorkbookFileError);
    expect(() => annotateFindings(src, mark)).toThrow(
      "corrupt workbook: the rows or cells of xl/worksheets/sheet1.xml are not in ascending order"
    );
  });
});

describe("annotateFindings patches the styles the reader read", () => {
  const mark: FindingMark[] = [{ sheet: "Seg 1", address: "C5", severity: "error", note: "x" }];

  test("an end tag that closes nothing open (a start tag lost): refused, not patched at the wrong depth (failed before: a second <cellXfs>, every number format lost)", () => {
    const src = repack(FIXTURE, (name, xml) =>
      name === "xl/styles.xml" ? xml.replace(/<numFmts[^>]*>/, "") : xml
    );
    expect(() => annotateFindings(src, mark)).toThrow(
      /^corrupt workbook: xl\/styles\.xml is malformed XML \(<\/numFmts> does not close the element open\)$/
    );
  });

  test("styles the workbook does not relate to, where Excel keeps them: those are patched and related, every number format kept (failed before: a new styles part, the formats lost)", () => {
    const src = repack(FIXTURE, (name, xml) =>
      name === "xl/_rels/workbook.xml.rels"
        ? xml.replace(/<Relationship [^>]*relationships\/styles"[^>]*\/>/, "")
        : xml
    );
    expect(text(src, "xl/_rels/workbook.xml.rels")).not.toContain("/styles");
    const out = annotateFindings(src, mark);
    const after = allCells(out);
    expect(after.get("Seg 1!C5")?.numberFormat).toBe("#,##0.00;(#,##0.00)");
    expect(after).toEqual(allCells(src));
    expect(parts(out).has("xl/styles2.xml")).toBe(false);
    expect(text(out, "xl/_rels/workbook.xml.rels")).toMatch(
      /relationships\/styles" Target="styles\.xml"/
    );
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "C5")!.rgb).toBe(SEVERITY_FILL.error);
  });
});

describe("annotateFindings on other packages", () => {
  test("a package whose parts use a namespace prefix", () => {
    const src = repack(FIXTURE, (name, xml) =>
      /^xl\/(worksheets\/sheet\d|styles|sharedStrings|comments\d|workbook)\.xml$/.test(name)
        ? prefixed(xml)
        : xml
    );
    const out = annotateFindings(src, [
      { sheet: "Seg 1", address: "C5", severity: "error", note: "prefixed" },
      { sheet: "Seg 1", address: "D6", severity: "warning", note: "new cell" },
      { sheet: "Seg 1", address: "A5", severity: "info", note: "more" },
      { sheet: "Other sheet", address: "B3", severity: "info", note: "new row" },
    ]);
    const before = allCells(src);
    const after = allCells(out);
    expect(after.get("Seg 1!D6")).toEqual({ value: { type: "blank" } });
    expect(after.get("Other sheet!B3")).toEqual({ value: { type: "blank" } });
    after.delete("Seg 1!D6");
    after.delete("Other sheet!B3");
    expect(after).toEqual(before);
    const sheet1 = text(out, "xl/worksheets/sheet1.xml");
    expect(sheet1).toMatch(/<x:c r="D6" s="\d+"\/>/);
    const sheet2 = text(out, "xl/worksheets/sheet2.xml");
    expect(sheet2).toMatch(/<x:row r="3"><x:c r="B3" s="\d+"\/><\/x:row>/);
    expect(sheet2).toMatch(
      /<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>|<x:legacyDrawing r:id="rId\d+"\/><\/x:worksheet>/
    );
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "C5")!.rgb).toBe(SEVERITY_FILL.error);
    expect(text(out, "xl/styles.xml")).toContain(`<x:fgColor rgb="${SEVERITY_FILL.error}"/>`);
    const comments = text(out, "xl/comments1.xml");
    expect(comments).toContain('<x:comment ref="C5"');
    expect(comments).toContain("existing note\nmore");
    expect(comments).toContain("<x:author>FOCUS check</x:author>");
  });

  test("cells and rows without r attributes keep their places", () => {
    // A1 B1 in a row without r, then a row without r (row 2) holding A2 B2
    const src = repack(
      writeXlsx({
        sheets: [
          {
            name: "S",
            cells: [
              { ref: "A1", value: 1 },
              { ref: "B1", value: 2 },
              { ref: "A2", value: 3 },
              { ref: "C2", value: 4 },
            ],
          },
        ],
      }),
      (name, xml) =>
        name === "xl/worksheets/sheet1.xml"
          ? xml.replace(/<(row|c) r="[A-Z]*\d+"/g, "<$1").replace("<c><v>4", '<c r="C2"><v>4')
          : xml
    );
    expect(text(src, "xl/worksheets/sheet1.xml")).toContain(
      "<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c>"
    );
    const before = allCells(src);
    expect(before.get("S!C2")?.value).toEqual({ type: "number", value: 4 });
    const out = annotateFindings(src, [
      { sheet: "S", address: "A1", severity: "error", note: "before B1" },
      { sheet: "S", address: "B2", severity: "error", note: "between A2 and C2" },
      { sheet: "S", address: "A3", severity: "info", note: "new row" },
    ]);
    const after = allCells(out);
    expect(after.get("S!B2")).toEqual({ value: { type: "blank" } });
    expect(after.get("S!A3")).toEqual({ value: { type: "blank" } });
    after.delete("S!B2");
    after.delete("S!A3");
    expect(after).toEqual(before);
  });

  test("<legacyDrawing> goes before the elements the schema puts after it, and a row style is kept for a new cell", () => {
    const b2Style = styleOf(FIXTURE, "xl/worksheets/sheet2.xml", "B2")!.s; // "0.00"
    const src = repack(FIXTURE, (name, xml) =>
      name === "xl/worksheets/sheet2.xml"
        ? xml
            .replace(
              "</worksheet>",
              '<tableParts count="0"/><extLst><ext uri="{00000000-0000-0000-0000-000000000000}"/></extLst></worksheet>'
            )
            .replace('<row r="4">', `<row r="4" s="${b2Style}" customFormat="1" spans="2:2">`)
        : xml
    );
    const out = annotateFindings(src, [
      { sheet: "Other sheet", address: "D4", severity: "warning", note: "x" },
    ]);
    const sheet = text(out, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(
      /<pageMargins[^>]*\/><legacyDrawing r:id="rId\d+"\/><tableParts count="0"\/><extLst>/
    );
    expect(sheet).toContain(`<row r="4" s="${b2Style}" customFormat="1" spans="2:4">`);
    const d4 = styleOf(out, "xl/worksheets/sheet2.xml", "D4")!;
    expect(d4.rgb).toBe(SEVERITY_FILL.warning);
    expect(d4.numFmtId).toBe(styleOf(src, "xl/worksheets/sheet2.xml", "B2")!.numFmtId);
    expect(d4.numFmtId).not.toBe("0");
  });

  test("an existing note made of runs gets a new run; our author is added once", () => {
    const src = repack(FIXTURE, (name, xml) =>
      name === "xl/comments1.xml"
        ? xml
            .replace("<author>FOCUS check</author>", "<author>Jos\u00e9 &amp; Co</author>")
            .replace(
              "<t>existing note</t>",
              '<r><rPr><b/><sz val="9"/></rPr><t>Jos\u00e9:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">existing note</t></r>'
            )
        : xml
    );
    const out = annotateFindings(src, [
      { sheet: "Seg 1", address: "A5", severity: "info", note: "added \u00fcml\u00e4ut" },
      { sheet: "Seg 1", address: "C6", severity: "info", note: "one" },
      { sheet: "Seg 1", address: "C7", severity: "info", note: "two" },
    ]);
    const comments = text(out, "xl/comments1.xml");
    expect(comments).toContain(
      '<t xml:space="preserve">existing note</t></r><r><t xml:space="preserve">\nadded \u00fcml\u00e4ut</t></r></text>'
    );
    expect(comments).toContain(
      "<authors><author>Jos\u00e9 &amp; Co</author><author>FOCUS check</author></authors>"
    );
    expect(comments).toContain('<comment ref="C6" authorId="1">');
    expect(comments).toContain('<comment ref="C7" authorId="1">');
    // the author José is still recognised as such on a second pass
    const again = text(
      annotateFindings(out, [{ sheet: "Seg 1", address: "C8", severity: "info", note: "three" }]),
      "xl/comments1.xml"
    );
    expect(again.match(/<author>/g)).toHaveLength(2);
    expect(again).toContain('<comment ref="C8" authorId="1">');
  });

  test("a package without comments anywhere gets the vml Default content type", () => {
    const plain = writeXlsx({ sheets: [{ name: "S", cells: [{ ref: "A1", value: 1 }] }] });
    expect(text(plain, "[Content_Types].xml")).not.toContain("vml");
    const out = annotateFindings(plain, [
      { sheet: "S", address: "A1", severity: "error", note: "n" },
    ]);
    const ct = text(out, "[Content_Types].xml");
    expect(ct).toContain(
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
    );
    expect(ct).toContain('PartName="/xl/comments1.xml"');
    expect(text(out, "xl/worksheets/_rels/sheet1.xml.rels")).toContain("vmlDrawing1.vml");
    expect(XlsxWorkbook.fromBytes(out).sheets).toHaveLength(1);
  });
});

describe("annotateXlsx (the .xlsx layer: plain marks)", () => {
  const wb: WorkbookModel = { sheets: [{ name: "S", cells: [{ ref: "A1", value: 1 }] }] };
  const src = writeXlsx(wb);

  test("the fill of the highest priority wins, every note is kept in order, and a fill must be a colour", () => {
    const out = annotateXlsx(src, [
      { sheet: "S", address: "A1", fill: "112233", note: "low" },
      { sheet: "S", address: "A1", fill: "FF445566", note: "high", priority: 2 },
      { sheet: "S", address: "A1", fill: "778899", note: "same priority, later", priority: 2 },
    ]);
    expect(styleOf(out, "xl/worksheets/sheet1.xml", "A1")!.rgb).toBe("FF445566");
    expect(text(out, "xl/comments1.xml")).toContain("low\nhigh\nsame priority, later");
    expect(() =>
      annotateXlsx(src, [{ sheet: "S", address: "A1", fill: "red", note: "x" }])
    ).toThrow(/"red" is not a colour/);
  });
});
