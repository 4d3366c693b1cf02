import {
  absoluteA1,
  areaA1,
  cellCount,
  cellKey,
  colToIndex,
  contains,
  cornersA1,
  indexToCol,
  intersects,
  isPlainSheetName,
  keyCol,
  keyRow,
  MAX_COL,
  MAX_ROW,
  parseA1,
  parseArea,
  qualified,
  qualifiedAddress,
  quoteSheetName,
  sameArea,
  splitQualified,
  toA1,
  unquoteSheetName,
  WHOLE_SHEET,
} from ".";

describe("grid limits", () => {
  it("are Excel's: 1,048,576 rows and 16,384 columns (XFD)", () => {
    expect(MAX_ROW).toBe(1048576);
    expect(MAX_COL).toBe(16384);
    expect(indexToCol(MAX_COL)).toBe("XFD");
    expect(colToIndex("XFD")).toBe(MAX_COL);
  });

  it("accept the last cell, row and column, and reject one beyond", () => {
    expect(parseA1("XFD1048576")).toEqual({ row: MAX_ROW, col: MAX_COL });
    expect(parseA1("XFE1")).toBeNull();
    expect(parseA1("A1048577")).toBeNull();
    expect(parseA1("A0")).toBeNull();
    expect(parseArea("A1:XFD1048576")).toEqual(WHOLE_SHEET);
    expect(parseArea("A1:XFE1")).toBeNull();
    expect(parseArea("A1:A1048577")).toBeNull();
    expect(parseArea("XFD:XFD")).toEqual({
      r1: 1,
      c1: MAX_COL,
      r2: MAX_ROW,
      c2: MAX_COL,
    });
    expect(parseArea("A:XFE")).toBeNull();
    expect(parseArea("1048576:1048576")).toEqual({
      r1: MAX_ROW,
      c1: 1,
      r2: MAX_ROW,
      c2: MAX_COL,
    });
    expect(parseArea("1:1048577")).toBeNull();
    expect(parseArea("0:3")).toBeNull();
  });
});

describe("columns", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("%i is %s and back", (index, letters) => {
    expect(indexToCol(index)).toBe(letters);
    expect(colToIndex(letters)).toBe(index);
    expect(colToIndex(letters.toLowerCase())).toBe(index);
  });
});

describe("cells", () => {
  it("parse with or without $ markers, in either case, trimmed", () => {
    for (const a of ["B3", "$B$3", "B$3", "$B3", "b3", " B3 "])
      expect(parseA1(a)).toEqual({ row: 3, col: 2 });
  });

  it("reject what is not one cell", () => {
    for (const a of ["", "B", "3", "B3:C4", "ABCD1", "B-3", "B3.0", "3B", "Sheet1!B3", "R1C1"])
      expect(parseA1(a)).toBeNull();
  });

  it("print relative or absolute, and round-trip", () => {
    expect(toA1({ row: 3, col: 2 })).toBe("B3");
    expect(absoluteA1({ row: 3, col: 2 })).toBe("$B$3");
    for (const a of ["A1", "Z26", "AA100", "XFD1048576"]) expect(toA1(parseA1(a)!)).toBe(a);
    expect(parseA1(absoluteA1({ row: 42, col: 703 }))).toEqual({
      row: 42,
      col: 703,
    });
  });

  it("have one key each, from which row and column come back", () => {
    for (const [row, col] of [
      [1, 1],
      [3, 2],
      [MAX_ROW, MAX_COL],
      [7, MAX_COL],
    ]) {
      expect(keyRow(cellKey(row, col))).toBe(row);
      expect(keyCol(cellKey(row, col))).toBe(col);
    }
    expect(cellKey(1, MAX_COL)).toBeLessThan(cellKey(2, 1));
    // The .xlsx reader's cell maps were keyed row * 16385 + col before the grid module: the same key.
    expect(cellKey(3, 2)).toBe(3 * 16385 + 2);
  });
});

describe("areas", () => {
  it.each([
    ["B3", { r1: 3, c1: 2, r2: 3, c2: 2 }],
    ["$B$3", { r1: 3, c1: 2, r2: 3, c2: 2 }],
    ["B3:C4", { r1: 3, c1: 2, r2: 4, c2: 3 }],
    ["$B$3:$C$4", { r1: 3, c1: 2, r2: 4, c2: 3 }],
    ["C4:B3", { r1: 3, c1: 2, r2: 4, c2: 3 }],
    ["A:C", { r1: 1, c1: 1, r2: MAX_ROW, c2: 3 }],
    ["$A:$C", { r1: 1, c1: 1, r2: MAX_ROW, c2: 3 }],
    ["C:A", { r1: 1, c1: 1, r2: MAX_ROW, c2: 3 }],
    ["3:5", { r1: 3, c1: 1, r2: 5, c2: MAX_COL }],
    ["$3:$5", { r1: 3, c1: 1, r2: 5, c2: MAX_COL }],
    ["1:1048576", WHOLE_SHEET],
  ])("%s parses", (text, area) => {
    expect(parseArea(text)).toEqual(area);
  });

  it("reject what is not one area", () => {
    for (const a of ["", "B3:C4:D5", "B3:", ":C4", "A:3", "3:A", "B3:C", "Sheet1!B3", "B3,C4"])
      expect(parseArea(a)).toBeNull();
  });

  it.each([
    [{ r1: 3, c1: 2, r2: 3, c2: 2 }, "B3", "$B$3"],
    [{ r1: 3, c1: 2, r2: 4, c2: 3 }, "B3:C4", "$B$3:$C$4"],
    [{ r1: 1, c1: 1, r2: MAX_ROW, c2: 3 }, "A:C", "$A:$C"],
    [{ r1: 3, c1: 1, r2: 5, c2: MAX_COL }, "3:5", "$3:$5"],
    [WHOLE_SHEET, "1:1048576", "$1:$1048576"],
  ])("%o prints as %s (absolute %s) and parses back", (area, relative, absolute) => {
    expect(areaA1(area)).toBe(relative);
    expect(areaA1(area, true)).toBe(absolute);
    expect(parseArea(relative)).toEqual(area);
    expect(parseArea(absolute)).toEqual(area);
  });

  it("print both corners for an .xlsx ref", () => {
    expect(cornersA1({ r1: 3, c1: 2, r2: 4, c2: 3 })).toBe("B3:C4");
    expect(cornersA1({ r1: 3, c1: 2, r2: 3, c2: 2 })).toBe("B3:B3");
  });

  it("count, contain, intersect and compare", () => {
    const a = parseArea("B3:C4")!;
    expect(cellCount(a)).toBe(4);
    expect(cellCount(WHOLE_SHEET)).toBe(MAX_ROW * MAX_COL);
    expect(contains(a, 3, 2)).toBe(true);
    expect(contains(a, 4, 3)).toBe(true);
    expect(contains(a, 5, 3)).toBe(false);
    expect(contains(a, 3, 1)).toBe(false);
    expect(intersects(a, parseArea("C4:D5")!)).toBe(true);
    expect(intersects(a, parseArea("D5:E6")!)).toBe(false);
    expect(intersects(a, parseArea("A:B")!)).toBe(true);
    expect(sameArea(a, parseArea("$C$4:$B$3")!)).toBe(true);
    expect(sameArea(a, parseArea("B3:C5")!)).toBe(false);
  });
});

describe("sheet names in references", () => {
  it("stand unquoted when they are plain identifiers", () => {
    for (const name of ["Sheet1", "Day_1", "_x", "Seg.2020", "Übersicht", "Été", "Données_2024"]) {
      expect(isPlainSheetName(name)).toBe(true);
      expect(quoteSheetName(name)).toBe(name);
    }
  });

  it.each([
    ["Day 1", "'Day 1'"],
    ["It's", "'It''s'"],
    ["'", "''''"],
    ["''", "''''''"],
    ["Wow!", "'Wow!'"],
    ["A!B", "'A!B'"],
    ["2020", "'2020'"],
    ["1st", "'1st'"],
    ["a-b", "'a-b'"],
    ["a+b", "'a+b'"],
    ["Seg (Dec)", "'Seg (Dec)'"],
    ["Día 1", "'Día 1'"],
    ["日 1", "'日 1'"],
    // Names that read as a cell must be quoted, or A1!B2 would be a cell followed by garbage.
    ["A1", "'A1'"],
    ["a1", "'a1'"],
    ["XFD1048576", "'XFD1048576'"],
    ["$A$1", "'$A$1'"],
    // R1C1-like names are quoted too: Excel reads R1C1 and r2c3 as references in R1C1 style.
    ["R1C1", "'R1C1'"],
    ["r2c3", "'r2c3'"],
    ["RC", "'RC'"],
    ["R1C", "'R1C'"],
    ["RC12", "'RC12'"],
  ])("%s is quoted as %s", (name, quoted) => {
    expect(isPlainSheetName(name)).toBe(false);
    expect(quoteSheetName(name)).toBe(quoted);
    expect(unquoteSheetName(quoted)).toBe(name);
  });

  it("are always quoted when asked, plain or not", () => {
    expect(quoteSheetName("Sheet1", { always: true })).toBe("'Sheet1'");
    expect(quoteSheetName("It's", { always: true })).toBe("'It''s'");
    expect(qualified("Sheet1", "B3", { always: true })).toBe("'Sheet1'!B3");
    expect(qualified("Sheet1", "B3")).toBe("Sheet1!B3");
    expect(qualified("It's", "$B$3")).toBe("'It''s'!$B$3");
  });

  it("round-trip through quote and unquote", () => {
    for (const name of [
      "Sheet1",
      "Day 1",
      "It's",
      "'quoted'",
      "''",
      "a''b",
      "Wow!",
      "A!B!C",
      "日本語",
      "A1",
      "XFD1048576",
      "R1C1",
      "r2c3",
      " lead",
      "trail ",
    ]) {
      expect(unquoteSheetName(quoteSheetName(name))).toBe(name);
      expect(unquoteSheetName(quoteSheetName(name, { always: true }))).toBe(name);
      expect(splitQualified(qualified(name, "B3"))).toEqual({
        sheet: name,
        address: "B3",
      });
      expect(splitQualified(qualified(name, "B3:C4", { always: true }))).toEqual({
        sheet: name,
        address: "B3:C4",
      });
    }
  });

  it("leave an unquoted name as it is", () => {
    expect(unquoteSheetName("Sheet1")).toBe("Sheet1");
    expect(unquoteSheetName("'")).toBe("'");
  });

  it("split from the address they qualify", () => {
    expect(splitQualified("'Day 1'!B3")).toEqual({
      sheet: "Day 1",
      address: "B3",
    });
    expect(splitQualified("Sheet1!$B$3:$C$4")).toEqual({
      sheet: "Sheet1",
      address: "$B$3:$C$4",
    });
    expect(splitQualified("'It''s'!A:C")).toEqual({
      sheet: "It's",
      address: "A:C",
    });
    expect(splitQualified("'Wow!'!3:5")).toEqual({
      sheet: "Wow!",
      address: "3:5",
    });
    expect(splitQualified(" B3 ")).toEqual({ sheet: null, address: "B3" });
  });

  it("qualify areas in Excel's spelling", () => {
    expect(qualifiedAddress("Day 1", parseArea("B3:C4")!)).toBe("'Day 1'!B3:C4");
    expect(qualifiedAddress("Sheet1", parseArea("A:C")!, true)).toBe("Sheet1!$A:$C");
    expect(qualifiedAddress("R1C1", parseArea("B3")!, true)).toBe("'R1C1'!$B$3");
  });
});
