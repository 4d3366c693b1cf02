import { parseA1, toA1 } from "../../grid";
import {
  cellLabel,
  lineOf,
  STATEMENTS,
  type StatementId,
  bindingName,
  focusCodeOf,
} from "../../engine";
import {
  readSheetGrids,
  type GridCell,
  type NameSpec,
  type SheetGrid,
  type Workbook,
  type WorkbookStructure,
} from "../../workbook/port";
import { REVIEW_SHEET } from "../../workbook/review-sheet";
import {
  codeCellProposal,
  scanGrid,
  type SheetProposal,
  type SheetScan,
} from "../../workbook/scan";
import { existingAt, selectedCell, type Level, type NameKey } from "./binding-edit";
import { describeTarget, lineNames, sheetLookup, type LineName } from "./binding-list";
import { absoluteReference, sameName } from "./cell-ref";
import { ActionError, problemOf } from "./errors";
import { formatCellContent } from "./format";
import { lineName, requireLine } from "./lines";
import type {
  Proposal,
  ScanChoice,
  ScanResult,
  SheetScanResult,
  UnitProposal,
  UnmatchedRow,
} from "./types";

const UNIT_NAME = "FOCUS_UNIT";
const STATEMENT_ORDER = new Map<StatementId, number>(STATEMENTS.map((s, i) => [s.id, i]));

/**
 * Scan the active sheet: code cells first, then the labels (src/workbook/scan.ts).
 * Reads the selection, the names and the sheet's used range; writes nothing.
 */
export async function scanSheet(wb: Workbook): Promise<ScanResult> {
  const { sheet, structure } = await selectedCell(wb);
  const grid = await wb.readGrid(sheet, "labels");
  return {
    scope: "sheet",
    sheets: [reviewOf(sheet, grid, scanGrid(sheet, grid), structure)],
    scanned: 1,
    unread: [],
  };
}

/**
 * Scan every worksheet (not the add-in's very hidden record sheet): one read of
 * the names, then the sheets' cells, several sheets a request where the workbook
 * allows (readSheetGrids). Only sheets where a statement or a code cell was found
 * are returned: elsewhere every amount would be "unmatched". A sheet that cannot
 * be read is named with its reason; the others are still scanned.
 */
export async function scanWorkbook(wb: Workbook): Promise<ScanResult> {
  const structure = await wb.structure();
  const sheets = structure.sheets.filter(
    (s) => s.isWorksheet && s.visibility !== "veryHidden" && !sameName(s.name, REVIEW_SHEET)
  );
  const names = sheets.map((s) => s.name);
  let grids: SheetGrid[];
  try {
    grids = await readSheetGrids(wb, names, "labels");
  } catch (e) {
    // A refusal of the whole read (cell-edit mode) names every sheet, as one read per sheet did.
    grids = names.map((sheet) => ({ sheet, error: e }));
  }
  const found: SheetScanResult[] = [];
  const unread: ScanResult["unread"] = [];
  for (const grid of grids) {
    if ("error" in grid) {
      unread.push({ sheet: grid.sheet, reason: problemOf(grid.error).message });
      continue;
    }
    const scan = scanGrid(grid.sheet, grid.cells);
    const foundAny = scan.statements.length + scan.proposals.length + scan.duplicates.length > 0;
    if (foundAny) found.push(reviewOf(grid.sheet, grid.cells, scan, structure));
  }
  return { scope: "workbook", sheets: found, scanned: sheets.length - unread.length, unread };
}

/**
 * One sheet's scan as the pane reviews it: each proposal with the value it
 * would bind and any clash with the workbook's FOCUS_ names. A cell already
 * bound to its line is left out; another binding of the line, a cell bound to
 * another line, and a code printed twice are conflicts (unticked).
 */
function reviewOf(
  sheet: string,
  grid: GridCell[],
  scan: SheetScan,
  structure: WorkbookStructure
): SheetScanResult {
  const contentAt = new Map(grid.map((c) => [toA1(c), c.content]));
  const shown = (address: string) => formatCellContent(contentAt.get(address));
  const names = lineNames(structure).filter((n) => n.owner === null || sameName(n.owner, sheet));
  const boundCells = new Map<string, LineName[]>();
  for (const n of names) {
    const key = describeTarget(n).toLowerCase();
    boundCells.set(key, [...(boundCells.get(key) ?? []), n]);
  }

  const proposals: Proposal[] = [];
  const position = new Map<Proposal, { row: number; col: number }>();
  const propose = (p: Omit<SheetProposal, "cell" | "row" | "col">, others: string[] = []) => {
    const cell = cellLabel(sheet, p.address);
    const applying = existingAt(names, p.code, sheet) ?? existingAt(names, p.code, null);
    if (applying && describeTarget(applying) === cell) return; // bound already
    const elsewhere = names
      .filter((n) => n.code === p.code && describeTarget(n) !== cell)
      .map((n) => `${n.info.name} -> ${describeTarget(n)}`);
    const otherLine = (boundCells.get(cell.toLowerCase()) ?? [])
      .filter((n) => n.code !== p.code)
      .map((n) => `${p.address} is bound to ${n.info.name}`);
    const conflicts = [...elsewhere, ...otherLine, ...others];
    const line = lineOf(p.code)!;
    const proposal: Proposal = {
      sheet,
      code: p.code,
      statement: p.statement,
      address: p.address,
      line: line.line,
      label: line.label,
      shown: shown(p.address),
      source: p.source,
      typed: p.label,
      context: p.context,
      matched: p.matched,
      confidence: p.confidence,
      ticked: p.confident && conflicts.length === 0,
      conflict: conflicts.length ? conflicts.join("; ") : null,
    };
    proposals.push(proposal);
    position.set(proposal, parseA1(p.address)!);
  };
  for (const p of scan.proposals) propose(p);
  // A code printed twice: each cell is shown, as a conflict, so the user picks one.
  for (const d of scan.duplicates) {
    for (const address of d.addresses) {
      const twins = d.addresses.filter((a) => a !== address);
      propose(codeCellProposal(sheet, d.code, parseA1(address)!), [
        `${d.code} also appears at ${twins.join(", ")} on this sheet`,
      ]);
    }
  }
  const at = (p: Proposal) => position.get(p)!;
  proposals.sort(
    (a, b) =>
      STATEMENT_ORDER.get(a.statement)! - STATEMENT_ORDER.get(b.statement)! ||
      at(a).row - at(b).row ||
      at(a).col - at(b).col
  );

  const unmatched: UnmatchedRow[] = scan.unmatched
    .filter((u) => !boundCells.has(u.cell.toLowerCase()))
    .map((u) => ({
      sheet,
      address: u.address,
      cell: u.cell,
      text: u.text,
      shown: shown(u.address),
    }));

  return {
    sheet,
    proposals,
    unmatched,
    unit: scan.unit ? unitReview(sheet, scan.unit, structure) : null,
  };
}

/** The printed unit, unless FOCUS_UNIT already says the same for this sheet; a different one is a conflict. */
function unitReview(
  sheet: string,
  found: { unit: UnitProposal["unit"]; text: string; cell: string },
  structure: WorkbookStructure
): UnitProposal | null {
  const units = structure.names.filter((n) => focusCodeOf(n.name) === "UNIT");
  const own = units.find((n) => n.sheet !== null && sameName(n.sheet, sheet));
  const existing = own ?? units.find((n) => n.sheet === null);
  const formula = existing?.formula.replace(/^=/, "").trim();
  if (formula === found.unit) return null;
  const level = existing?.sheet ? `sheet ${existing.sheet}` : "workbook level";
  return {
    sheet,
    unit: found.unit,
    text: found.text,
    cell: found.cell,
    conflict: existing ? `${existing.name} (${level}) is ${formula}` : null,
  };
}

/**
 * Create the chosen names in one batch: each binding (replacing a name of the
 * same line and level) and FOCUS_UNIT for each chosen unit (as a constant, at
 * the same level). Refuses, writing nothing, two cells for one line or two
 * units for one workbook-level name.
 */
export async function applyScan(wb: Workbook, choice: ScanChoice, level: Level): Promise<number> {
  if (choice.bindings.length === 0 && choice.units.length === 0) return 0;
  refuseTwoCellsForOneLine(choice.bindings, level);
  refuseTwoUnits(choice.units, level);
  const structure = await wb.structure();
  const sheets = sheetLookup(structure);
  const names = lineNames(structure);
  const add: NameSpec[] = [];
  const remove: NameKey[] = [];
  const sheetOf = (name: string) => {
    const sheet = sheets.get(name.toLowerCase());
    if (!sheet) throw new ActionError(`Sheet ${name} is no longer in the workbook: scan again.`);
    return sheet;
  };
  for (const b of choice.bindings) {
    requireLine(b.code);
    const sheet = sheetOf(b.sheet);
    const owner = level === "sheet" ? sheet : null;
    const existing = existingAt(names, b.code, owner);
    if (existing) remove.push({ name: existing.info.name, sheet: existing.info.sheet });
    add.push({
      name: bindingName(b.code),
      sheet: owner,
      refersTo: absoluteReference(sheet, b.address),
    });
  }
  for (const u of level === "workbook" ? choice.units.slice(0, 1) : choice.units) {
    const owner = level === "sheet" ? sheetOf(u.sheet) : null;
    const existing = structure.names.find(
      (n) =>
        focusCodeOf(n.name) === "UNIT" &&
        (owner === null ? n.sheet === null : n.sheet !== null && sameName(n.sheet, owner))
    );
    if (existing) remove.push({ name: existing.name, sheet: existing.sheet });
    add.push({ name: UNIT_NAME, sheet: owner, refersTo: u.unit });
  }
  await wb.updateNames(add, remove);
  return add.length;
}

function refuseTwoCellsForOneLine(bindings: ScanChoice["bindings"], level: Level): void {
  const seen = new Map<string, ScanChoice["bindings"][number]>();
  for (const b of bindings) {
    const key = level === "sheet" ? `${b.sheet.toLowerCase()}|${b.code}` : b.code;
    const earlier = seen.get(key);
    if (earlier) {
      const line = requireLine(b.code);
      throw new ActionError(
        `Two cells are chosen for ${lineName(line)} (${cellLabel(earlier.sheet, earlier.address)} and ${cellLabel(b.sheet, b.address)}): keep one.`,
        cellLabel(b.sheet, b.address)
      );
    }
    seen.set(key, b);
  }
}

function refuseTwoUnits(units: ScanChoice["units"], level: Level): void {
  if (level !== "workbook") return;
  const differing = units.find((u) => u.unit !== units[0].unit);
  if (differing) {
    throw new ActionError(
      `Sheets ${units[0].sheet} and ${differing.sheet} print different units: one workbook-level FOCUS_UNIT cannot hold both. Create the names at sheet level, or untick one unit.`
    );
  }
}
