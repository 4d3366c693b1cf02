import { seg4d2 } from "../src/engine/statements";
import { writeXlsx, type CellModel, type SheetModel, type WorkbookModel } from "../src/workbook/xlsx/writer";

/**
 * A year of daily 4d(2) segregation statements: one sheet per business day,
 * each bound by sheet-level FOCUS_ names (the copy-yesterday's-sheet habit), the
 * management target bound once at workbook level. Values vary by day; totals are
 * typed, as filed, and day 17 of every month carries a broken total.
 */
export function dailyWorkbook(days: number): Uint8Array {
  const sheets: SheetModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  for (let d = 0; d < days; d++) {
    const name = `D${String(d + 1).padStart(4, "0")}`;
    const cells: CellModel[] = [{ ref: "A1", value: "Segregation statement" }, { ref: "A2", value: `day ${d + 1}` }];
    const v: Record<string, number> = {
      "7010": 1_443_907_046 + d * 1_013, "7020": 1_535_003_808, "7030": 538_004_715 - d * 7, "7032": 295_487_120, "7033": -52_837_332,
      "7045": 34_375, "7047": -34_375, "7070": 191_652_393 + d * 1_013, "7090": 322_033_030, "7100": 1_748_149_521, "7110": 155_005_807,
      "7120": 939_638_754, "7130": 20_668_841 - d * 7, "7132": 295_487_120, "7133": 52_837_332, "7140": 572_576, "7170": 27_617_188,
      "7150": 245_694_236,
    };
    v["7040"] = v["7010"] + v["7020"] + v["7030"] + v["7032"] - 52_837_332;
    v["7050"] = 0;
    v["7060"] = v["7040"];
    v["7180"] = v["7070"] + v["7090"] + v["7100"] + v["7110"] + v["7120"] + v["7130"] + v["7132"] - 52_837_332 + v["7140"] + v["7170"] + v["7150"];
    if (d % 21 === 16) v["7180"] += 100;
    v["7190"] = v["7180"] - v["7060"];
    v["7198"] = v["7190"] - 122_000_000;
    let row = 4;
    for (const line of seg4d2.lines) {
      row++;
      cells.push({ ref: `A${row}`, value: line.line }, { ref: `B${row}`, value: line.label }, { ref: `D${row}`, value: Number(line.code) });
      if (line.code === "7194") continue; // bound at workbook level
      if (v[line.code] !== undefined) cells.push({ ref: `C${row}`, value: v[line.code], numberFormat: "#,##0;(#,##0)" });
      names.push({ name: `FOCUS_${line.code}`, refersTo: `'${name}'!$C$${row}`, localSheet: name });
    }
    sheets.push({ name, cells });
  }
  sheets.push({ name: "Settings", cells: [{ ref: "A1", value: "Management target" }, { ref: "B1", value: 122_000_000 }] });
  names.push({ name: "FOCUS_7194", refersTo: "'Settings'!$B$1" });
  return writeXlsx({ sheets, names });
}
