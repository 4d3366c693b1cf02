import {
  bindingName,
  focusCodeOf,
  isBindingName,
  isLineName,
  lineCodeOfName,
  readBindingReference,
  scopedBindingName,
  settingName,
} from "./binding-name";

describe("binding names", () => {
  it("are built from a code or a setting", () => {
    expect(bindingName("7010")).toBe("FOCUS_7010");
    expect(settingName("UNIT")).toBe("FOCUS_UNIT");
    expect(scopedBindingName("Day 1", "7010")).toBe("'Day 1'!FOCUS_7010");
    expect(scopedBindingName("Seg", "7010")).toBe("Seg!FOCUS_7010");
    expect(scopedBindingName("It's", "7010")).toBe("'It''s'!FOCUS_7010");
  });

  it("are read back in any case, scoped or not", () => {
    expect(focusCodeOf("FOCUS_7010")).toBe("7010");
    expect(focusCodeOf("focus_unit")).toBe("UNIT");
    expect(focusCodeOf("Focus_Nfa_Margin_Based")).toBe("NFA_MARGIN_BASED");
    expect(focusCodeOf("FOCUS_")).toBeNull();
    expect(focusCodeOf("MY_FOCUS_7010")).toBeNull();
    expect(focusCodeOf("Total")).toBeNull();
  });

  it("are read back from a reference, with the sheet of a scoped one", () => {
    expect(readBindingReference(scopedBindingName("It's", "7010"))).toEqual({
      sheet: "It's",
      key: "7010",
    });
    expect(readBindingReference("Sheet1!focus_unit")).toEqual({ sheet: "Sheet1", key: "UNIT" });
    expect(readBindingReference("FOCUS_7010")).toEqual({ sheet: null, key: "7010" });
    expect(readBindingReference("'Day 1'!Total")).toBeNull();
    // A bare name is never read as scoped: the map file and the workbook's names carry the sheet apart.
    expect(focusCodeOf("Sheet1!FOCUS_7010")).toBeNull();
    expect(isBindingName("Sheet1!FOCUS_7010")).toBe(false);
  });

  it("name a line only with a known four-digit code", () => {
    expect(lineCodeOfName("FOCUS_7010")).toBe("7010");
    expect(lineCodeOfName("focus_7010")).toBe("7010");
    expect(lineCodeOfName(bindingName("7180"))).toBe("7180");
    expect(lineCodeOfName("FOCUS_0001")).toBeNull();
    expect(lineCodeOfName("FOCUS_UNIT")).toBeNull();
    expect(lineCodeOfName("FOCUS_70100")).toBeNull();
  });

  it("have a line's shape with FOCUS_ and four digits", () => {
    expect(isLineName("FOCUS_7010")).toBe(true);
    expect(isLineName("FOCUS_0001")).toBe(true);
    expect(isLineName("FOCUS_UNIT")).toBe(false);
    expect(isLineName("FOCUS_701")).toBe(false);
    expect(isLineName("HELPER")).toBe(false);
  });

  it("are the product's for lines and settings only", () => {
    for (const n of [
      "FOCUS_7010",
      "FOCUS_0001",
      "focus_unit",
      "FOCUS_TOLERANCE",
      "FOCUS_ENTITY",
      "FOCUS_ASOF",
      "FOCUS_NFA_MARGIN_BASED",
      "FOCUS_BROKER_DEALER",
    ])
      expect(isBindingName(n)).toBe(true);
    for (const n of ["FOCUS_", "FOCUS_701", "FOCUS_COLOR", "Total", "FOCUS_7010X"])
      expect(isBindingName(n)).toBe(false);
  });
});
