/**
 * The same daily workbooks' derived lines computed by what users would
 * otherwise rely on: LibreOffice Calc (headless, recalculating on load) and
 * HyperFormula (GPL-3.0: a dev-only dependency for this comparison, never
 * bundled). Both are given the totals as native formulas over sheet-level names.
 */
import { HyperFormula } from "hyperformula";
import { parseA1, qualified } from "../src/grid";
import { recalcWithLibreOffice } from "../tools/libreoffice";
import { dailyTemplates, dailyWorkbook } from "./workbooks";

/** Wall time of LibreOffice opening, recalculating and saving the workbook (its start-up included). */
export async function libreOfficeMs(days: number): Promise<number> {
  const bytes = dailyWorkbook(days, "formulas");
  const t0 = process.hrtime.bigint();
  await recalcWithLibreOffice(bytes);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** HyperFormula building every sheet with its sheet-scoped names and computing every derived cell (in process, no file parsing). */
export function hyperFormulaMs(days: number): { ms: number; derivedCells: number } {
  const templates = dailyTemplates(days, "formulas");
  const t0 = process.hrtime.bigint();
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const t of templates) {
    const grid: (string | number | null)[][] = [];
    for (const c of t.cells) {
      const p = parseA1(c.ref)!;
      (grid[p.row - 1] ??= [])[p.col - 1] = c.formula ?? c.value ?? null;
    }
    sheets[t.sheet] = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  for (const t of templates) {
    const id = hf.getSheetId(t.sheet)!;
    for (const n of t.names)
      hf.addNamedExpression(n.name, `=${qualified(t.sheet, n.address, { always: true })}`, id);
  }
  let derivedCells = 0;
  for (const t of templates) {
    const id = hf.getSheetId(t.sheet)!;
    for (const c of t.cells) {
      if (!c.formula) continue;
      const p = parseA1(c.ref)!;
      const v = hf.getCellValue({ sheet: id, row: p.row - 1, col: p.col - 1 });
      if (typeof v !== "number")
        throw new Error(`HyperFormula could not compute ${t.sheet}!${c.ref}: ${JSON.stringify(v)}`);
      derivedCells++;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  hf.destroy();
  return { ms, derivedCells };
}
