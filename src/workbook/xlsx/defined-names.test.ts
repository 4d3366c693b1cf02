import { definedNameAt, plainDefinedNames, type XlsxName } from "./defined-names";
import { Tok, XmlTokenizer } from "./xml";

/** The tokenizer's reading of every <definedName>: what the pattern must agree with. */
function tokenized(xml: string): XlsxName[] {
  const out: XlsxName[] = [];
  const t = new XmlTokenizer(xml);
  for (let k = t.next(); k !== Tok.End; k = t.next())
    if (k === Tok.Open && t.is("definedName")) out.push(definedNameAt(t));
  return out;
}

const book = (names: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="D0001" sheetId="1" r:id="rId1"/></sheets>${names}<calcPr calcId="191029"/></workbook>`;

const PLAIN = [
  `<definedNames><definedName name="FOCUS_7010" localSheetId="0">'D0001'!$E$6</definedName><definedName name="FOCUS_UNIT">1000</definedName></definedNames>`,
  `<definedNames>\n  <definedName name="_xlnm.Print_Area" localSheetId="12" hidden="1">'Q4 ''20'!$A$1:$F$40</definedName>\n  <definedName name="X" hidden="true"/>\n</definedNames>`,
  `<definedNames><definedName name="A&amp;B" comment="&quot;x&quot;">Sheet1!$A$1&amp;"&lt;"</definedName><definedName name="Y" localSheetId="-1">  =Sheet1!$B$2  </definedName></definedNames>`,
  `<definedNames><definedName name="Z" name="Z2" localSheetId="1x">&#x41;&#66;</definedName><definedName name="E"></definedName></definedNames>`,
  `<definedNames></definedNames>`,
  `<definedNames><definedName\n name="T"\tlocalSheetId="2"\r\n hidden="1" name="T2">S!$A$1</definedName></definedNames>`,
  `<definedNames><definedName xname="no" name="N" xlocalSheetId="9">S!$A$1</definedName></definedNames>`,
];

const NOT_PLAIN = [
  `<definedNames><!-- a note --><definedName name="A">S!$A$1</definedName></definedNames>`,
  `<definedNames><definedName name="A"><![CDATA[S!$A$1]]></definedName></definedNames>`,
  `<definedNames><definedName name='A'>S!$A$1</definedName></definedNames>`,
  `<definedNames><definedName x:name="A" xmlns:x="urn:x">S!$A$1</definedName></definedNames>`,
  `<definedNames><x:definedName name="A" xmlns:x="urn:x">S!$A$1</x:definedName></definedNames>`,
  `<definedNames><definedName name="A">S!$A$1<b/></definedName></definedNames>`,
];

describe("defined names read by pattern", () => {
  test.each(PLAIN)("agree with the tokenizer: %s", (names) => {
    const xml = book(names);
    const plain = plainDefinedNames(xml);
    expect(plain).not.toBeNull();
    expect(plain!.names).toEqual(tokenized(xml));
    // What is left holds everything else and no name.
    expect(tokenized(plain!.rest)).toEqual([]);
    expect(plain!.rest).toContain(`<sheet name="D0001"`);
    expect(plain!.rest).toContain(`<calcPr calcId="191029"/>`);
  });

  test.each(NOT_PLAIN)("leave anything else to the tokenizer: %s", (names) => {
    expect(plainDefinedNames(book(names))).toBeNull();
  });

  test("a section hidden in a comment is not read as names", () => {
    const xml = book(
      `<!-- <definedNames><definedName name="A">S!$A$1</definedName></definedNames> -->`
    );
    expect(plainDefinedNames(xml)).toBeNull();
    expect(tokenized(xml)).toEqual([]);
  });
});
