import { seg4d2, statementTemplate, type TemplateSheet } from "../src/engine";
import { type SheetModel, type WorkbookModel, writeXlsx } from "../sim";
import { qualified } from "../src/grid";

/**
 * A year of daily 4d(2) segregation statements: one sheet per business day laid
 * out like the form (src/engine/template.ts) and bound by sheet-level FOCUS_
 * names, the habit of copying yesterday's sheet. Day 17 of every 21 carries a
 * total that is off by $100. Two variants of the same figures:
 *   "typed"    — totals typed as filed (what focus-check reads), and
 *   "formulas" — totals as native formulas with no cached result, for a
 *                spreadsheet engine to compute (LibreOffice, HyperFormula).
 */
export function dailyValues(d: number): Record<string, number> {
  const v: Record<string, number> = {
    "7010": 1_443_907_046 + d * 1_013,
    "7020": 1_535_003_808,
    "7030": 538_004_715 - d * 7,
    "7032": 295_487_120,
    "7033": -52_837_332,
    "7045": 34_375,
    "7047": -34_375,
    "7070": 191_652_393 + d * 1_013,
    "7090": 322_033_030,
    "7100": 1_748_149_521,
    "7110": 155_005_807,
    "7120": 939_638_754,
    "7130": 20_668_841 - d * 7,
    "7132": 295_487_120,
    "7133": 52_837_332,
    "7140": 572_576,
    "7170": 27_617_188,
    "7150": 245_694_236,
    "7194": 122_000_000,
  };
  v["7040"] = v["7010"] + v["7020"] + v["7030"] + v["7032"] - 52_837_332;
  v["7050"] = 0;
  v["7060"] = v["7040"];
  v["7180"] =
    v["7070"] +
    v["7090"] +
    v["7100"] +
    v["7110"] +
    v["7120"] +
    v["7130"] +
    v["7132"] -
    52_837_332 +
    v["7140"] +
    v["7170"] +
    v["7150"];
  if (d % 21 === 16) v["7180"] += 100;
  v["7190"] = v["7180"] - v["7060"];
  v["7198"] = v["7190"] - v["7194"];
  return v;
}

export const daySheet = (d: number) => `D${String(d + 1).padStart(4, "0")}`;

export function dailyTemplates(days: number, derived: "typed" | "formulas"): TemplateSheet[] {
  return Array.from({ length: days }, (_, d) =>
    statementTemplate(seg4d2, {
      sheet: daySheet(d),
      values: dailyValues(d),
      derived: derived === "typed" ? "values" : "formulas",
      firm: "Bench FCM",
      asOf: `day ${d + 1}`,
    })
  );
}

/** The model of dailyWorkbook, for the in-memory Excel to open directly (or to add sheets to). */
export function dailyModel(days: number, derived: "typed" | "formulas" = "typed"): WorkbookModel {
  const sheets: SheetModel[] = [];
  const names: NonNullable<WorkbookModel["names"]> = [];
  for (const t of dailyTemplates(days, derived)) {
    sheets.push({
      name: t.sheet,
      cells: t.cells.map((c) => ({ ...c, formula: c.formula?.replace(/^=/, "") })),
      columnWidths: t.columnWidths,
    });
    for (const n of t.names)
      names.push({
        name: n.name,
        refersTo: qualified(t.sheet, n.address, { always: true }),
        localSheet: t.sheet,
      });
  }
  return { sheets, names };
}

export function dailyWorkbook(days: number, derived: "typed" | "formulas" = "typed"): Uint8Array {
  return writeXlsx(dailyModel(days, derived));
}
