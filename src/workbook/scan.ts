import { toA1 } from "../grid";
import { cellLabel, lineOf, type Code } from "../engine";
import {
  scanLabels,
  type FoundStatement,
  type PeriodRead,
  type ProposedCell,
  type UnitProposal,
  type UnmatchedRow,
} from "../engine/labels";
import { codeInCell, detectionCells, detectLayout } from "./detect";
import type { GridCell } from "./port";

/** The amount beside a printed code cell, proposed with certainty and no words behind it. */
export function codeCellProposal(
  sheet: string,
  code: Code,
  at: { row: number; col: number }
): SheetProposal {
  const address = toA1(at);
  return {
    code,
    statement: lineOf(code)!.statement,
    cell: cellLabel(sheet, address),
    address,
    row: at.row,
    col: at.col,
    source: "code",
    label: null,
    context: [],
    matched: null,
    confidence: null,
    confident: true,
  };
}

/** One line a sheet scan proposes, whatever found it. */
export interface SheetProposal extends ProposedCell {
  /** "code": a printed code cell beside the amount; "label": the words on the row. */
  source: "code" | "label";
  /** The row's words (label source); null for a code cell. */
  label: string | null;
  /** The headings that placed a label (outermost first); empty for a code cell. */
  context: string[];
  /** The wording variant matched (label source), else null. */
  matched: string | null;
  /** 0..1 for a label; null for a code cell (certain). */
  confidence: number | null;
  /** Bound by --detect and ticked by default in the pane: every code cell, and labels at or above CONFIDENT. */
  confident: boolean;
}

export interface SheetScan {
  sheet: string;
  statements: FoundStatement[];
  proposals: SheetProposal[];
  /** Rows with an amount that no proposal places: for binding by hand. */
  unmatched: UnmatchedRow[];
  /** A printed unit ("(in thousands)") and what FOCUS_UNIT should hold. */
  unit: UnitProposal | null;
  /** The period read where periods stand side by side (its heading), else null. */
  period: PeriodRead | null;
  /** Codes printed more than once on the sheet (layout detection): each cell, none proposed. */
  duplicates: { code: Code; cells: string[]; addresses: string[] }[];
}

/**
 * Scan one sheet: code cells first (src/workbook/detect.ts), then the labels on
 * the rows the code cells leave (src/engine/labels). `taken` are codes already
 * bound on the sheet by FOCUS_ names: neither kind proposes them again. Only the cells
 * every adapter reads count (detectionCells), so the pane and the CLI propose the same.
 */
export function scanGrid(sheet: string, read: GridCell[], taken: Code[] = []): SheetScan {
  const grid = detectionCells(read);
  const codes = printedCodes(grid);
  const proposals: SheetProposal[] = [];
  const duplicates: SheetScan["duplicates"] = [];
  const takenSet = new Set(taken);
  const byCode: { code: Code; row: number; col: number }[] = [];
  for (const [code, cells] of codes) {
    if (cells.length > 1) {
      duplicates.push({
        code,
        cells: cells.map((c) => cellLabel(sheet, toA1(c))),
        addresses: cells.map(toA1),
      });
      for (const c of cells) byCode.push({ code, ...c });
      continue;
    }
    byCode.push({ code, ...cells[0] });
    if (takenSet.has(code)) continue;
    proposals.push(codeCellProposal(sheet, code, cells[0]));
  }
  // The code cells themselves are neither labels nor amounts.
  const ignore = grid.filter(
    (c) =>
      codeInCell(c.content) !== null && byCode.some((b) => b.row === c.row && b.col === c.col - 1)
  );
  const labels = scanLabels(sheet, grid, {
    ignore,
    taken: [...byCode, ...taken.filter((c) => !codes.has(c)).map((code) => ({ code }))],
  });
  for (const p of labels.proposals) {
    proposals.push({
      code: p.code,
      statement: p.statement,
      cell: p.cell,
      address: p.address,
      row: p.row,
      col: p.col,
      source: "label",
      label: p.label,
      context: p.context,
      matched: p.matched,
      confidence: p.confidence,
      confident: p.confident,
    });
  }
  proposals.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    sheet,
    statements: labels.statements,
    proposals,
    unmatched: labels.unmatched,
    unit: labels.unit,
    period: labels.period,
    duplicates,
  };
}

/**
 * Code cells as layout detection finds them, less the amounts that merely equal a code: a
 * number such as 7,710 (in millions) in a column mostly of other numbers, or alone in its column
 * with no amount to its left, is an amount, not a printed code. Text ("7710", "[7710]") is always a code.
 */
function printedCodes(grid: GridCell[]): Map<Code, { row: number; col: number }[]> {
  const { codes } = detectLayout(grid);
  const at = new Map(grid.map((c) => [`${c.row}:${c.col}`, c]));
  // Per column: cells read as codes, and other numbers (amounts).
  const codesIn = new Map<number, number>();
  for (const cells of codes.values())
    for (const c of cells) codesIn.set(c.col + 1, (codesIn.get(c.col + 1) ?? 0) + 1);
  const numbersIn = new Map<number, number>();
  for (const c of grid)
    if (c.content.value?.type === "number") numbersIn.set(c.col, (numbersIn.get(c.col) ?? 0) + 1);
  const amountColumn = (col: number) =>
    (numbersIn.get(col) ?? 0) - (codesIn.get(col) ?? 0) > (codesIn.get(col) ?? 0);
  const out = new Map<Code, { row: number; col: number }[]>();
  for (const [code, cells] of codes) {
    const kept = cells.filter((c) => {
      if (at.get(`${c.row}:${c.col + 1}`)?.content.value?.type === "text") return true;
      if (amountColumn(c.col + 1)) return false;
      // A number that is a code stands in a column of codes, or beside its amount.
      return (
        (codesIn.get(c.col + 1) ?? 0) >= 3 ||
        at.get(`${c.row}:${c.col}`)?.content.value?.type === "number"
      );
    });
    if (kept.length) out.set(code, kept);
  }
  return out;
}
