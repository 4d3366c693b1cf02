import { check, boundSheet } from "../../../../test/workbook/fixtures";

// Judged on formulas as an .xlsx holds them: the fixture writes a real workbook and reads it back.
describe("plugged-total", () => {
  test("a formula total that leaves out a bound part is a plugged total; one that covers them is not", async () => {
    const values = { "7070": 100, "7100": 50, "7130": 7, "7180": { formula: "C2+C3", value: 150 } };
    const s = boundSheet("S", values, "sheet");
    const r = await check({ sheets: [{ name: "S", cells: s.cells }], names: s.names });
    const plug = r.scopes[0].findings.find((f) => f.kind === "plugged-total")!;
    expect(plug.severity).toBe("warning");
    expect(plug.message).toMatch(/leaves out 7130/);
    const ok = boundSheet(
      "S",
      { ...values, "7180": { formula: "SUM(C2:C4)", value: 157 } },
      "sheet"
    );
    const r2 = await check({ sheets: [{ name: "S", cells: ok.cells }], names: ok.names });
    expect(r2.scopes[0].findings.filter((f) => f.kind === "plugged-total")).toEqual([]);
    const byName = boundSheet(
      "S",
      { ...values, "7180": { formula: "FOCUS_7070+FOCUS_7100+FOCUS_7130", value: 157 } },
      "sheet"
    );
    const r3 = await check({ sheets: [{ name: "S", cells: byName.cells }], names: byName.names });
    expect(r3.scopes[0].findings.filter((f) => f.kind === "plugged-total")).toEqual([]);
    const typed = boundSheet("S", { ...values, "7180": 157 }, "sheet");
    const r4 = await check({ sheets: [{ name: "S", cells: typed.cells }], names: typed.names });
    expect(
      r4.scopes[0].findings.filter((f) => f.kind === "plugged-total").map((f) => f.severity)
    ).toEqual(["info"]);
  });
});
