import { generalRefersTo, parseRefersTo } from "./refers-to";

const SHEETS = ["D0001", "Seg 1", "Q4 '20", "Données", "2020.11.30", "Sheet1"];
const BY_LOWER = new Map(SHEETS.map((s) => [s.toLowerCase(), s]));

const FORMULAS = [
  "'D0001'!$E$6",
  "D0001!$E$6",
  "d0001!$E$6",
  "=D0001!$E$6",
  " D0001!$E$6 ",
  "'Seg 1'!$E$6",
  "'Seg 1'!$XFD$1048576",
  "'Seg 1'!$XFE$1",
  "'Seg 1'!$A$0",
  "'Seg 1'!$A$1048577",
  "'Q4 ''20'!$B$2",
  "'Données'!$C$3",
  "Données!$C$3",
  "'2020.11.30'!$E$6",
  "2020.11.30!$E$6",
  "Sheet1!E6",
  "Sheet1!$e$6",
  "Sheet1!$E$6:$E$7",
  "Sheet1!$E$6,Sheet1!$E$8",
  "Missing!$E$6",
  "'Missing'!$E$6",
  "[1]Sheet1!$E$6",
  "'[Book.xlsx]Sheet1'!$E$6",
  "#REF!",
  "Sheet1!#REF!",
  "1000",
  "TRUE",
  "SUM(Sheet1!$E$6)",
  "",
];

describe("a name's refersTo", () => {
  test.each(FORMULAS)("%j reads the same on the plain-cell path as on the general one", (f) => {
    expect(parseRefersTo(f, BY_LOWER)).toEqual(generalRefersTo(f, BY_LOWER));
    expect(parseRefersTo(f, SHEETS)).toEqual(generalRefersTo(f, SHEETS));
  });

  test("a plain absolute cell keeps the workbook's spelling of the sheet", () => {
    expect(parseRefersTo("d0001!$E$6", BY_LOWER)).toEqual({
      kind: "range",
      sheet: "D0001",
      address: "E6",
      single: true,
    });
  });
});
