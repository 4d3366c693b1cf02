import { parseA1, toA1 } from "../../engine/a1";
import { cellLabel } from "../../engine/cell";
import { lineOf } from "../../engine/lines";
import type { Code } from "../../engine/types";
import type { NameSpec, Workbook, WorkbookStructure } from "../../workbook/port";
import { detectLayout } from "../../workbook/detect";
import { describeTarget, lineNames, sheetLookup, type LineName } from "./binding-list";
import { absoluteReference, parseCellLabel, sameName, topLeftOf } from "./cell-ref";
import { ActionError } from "./errors";
import { formatCellContent } from "./format";
import { bindingName, lineName, printOrder, requireLine } from "./lines";
import type { BindResult, Proposal } from "./types";

type Level = "sheet" | "workbook";
type NameKey = { name: string; sheet: string | null };

/** The selected cell's sheet as the workbook spells it, checked to be a worksheet. */
async function selectedCell(
  wb: Workbook
): Promise<{ sheet: string; address: string; structure: WorkbookStructure }> {
  const [selection, structure] = await Promise.all([wb.selection(), wb.structure()]);
  const sheet = structure.sheets.find((s) => sameName(s.name, selection.sheet));
  if (!sheet?.isWorksheet) throw new ActionError("Select a cell on a worksheet first.");
  return { sheet: sheet.name, address: topLeftOf(selection.address), structure };
}

/** The existing FOCUS_<code> name at a level (a sheet-level one owned by `owner`). */
function existingAt(names: LineName[], code: Code, owner: string | null): LineName | undefined {
  return names.find(
    (n) =>
      n.code === code &&
      (owner === null ? n.owner === null : n.owner !== null && sameName(n.owner, owner))
  );
}

/**
 * Bind the selected cell (the top-left of a range or merged area) to a line.
 * A sheet-level name belongs to the selection's sheet, so it travels with a copy
 * of that sheet; an existing name of the same level is replaced in the same batch.
 */
export async function bindSelection(
  wb: Workbook,
  code: Code,
  level: Level,
  onSheet?: string
): Promise<BindResult> {
  const line = requireLine(code);
  const { sheet, address, structure } = await selectedCell(wb);
  if (onSheet !== undefined && !sameName(onSheet, sheet)) {
    throw new ActionError(`Select a cell on sheet ${onSheet} to rebind its ${lineName(line)}.`);
  }
  const owner = level === "sheet" ? sheet : null;
  const name = bindingName(code);
  const cell = cellLabel(sheet, address);
  const existing = existingAt(lineNames(structure), code, owner);
  if (existing && describeTarget(existing) === cell)
    return { name: existing.info.name, cell, replaced: null };
  const add: NameSpec = { name, sheet: owner, refersTo: absoluteReference(sheet, address) };
  await wb.updateNames(
    [add],
    existing ? [{ name: existing.info.name, sheet: existing.info.sheet }] : []
  );
  return { name, cell, replaced: existing ? describeTarget(existing) : null };
}

/** A sheet-level FOCUS_ENTITY on the cell the firm's name was read from; refused when the sheet has one already. */
export async function bindEntity(wb: Workbook, cell: string): Promise<BindResult> {
  const ref = parseCellLabel(cell);
  if (!ref) throw new ActionError(`${cell} is not a cell FOCUS_ENTITY can be bound to.`);
  const address = topLeftOf(ref.address);
  const structure = await wb.structure();
  const existing = structure.names.find(
    (n) =>
      n.name.toUpperCase() === "FOCUS_ENTITY" && n.sheet !== null && sameName(n.sheet, ref.sheet)
  );
  if (existing)
    throw new ActionError(
      `Sheet ${ref.sheet} already has FOCUS_ENTITY (${existing.formula}): nothing was changed.`
    );
  const name = "FOCUS_ENTITY";
  await wb.updateNames(
    [{ name, sheet: ref.sheet, refersTo: absoluteReference(ref.sheet, address) }],
    []
  );
  return { name, cell: cellLabel(ref.sheet, address), replaced: null };
}

export async function unbind(wb: Workbook, b: NameKey): Promise<void> {
  await wb.updateNames([], [b]);
}

/**
 * Proposals for the active sheet by the printed layout (a code cell, its amount
 * to the left). Cells already bound to their line are left out; other bindings
 * of the same line, and a code printed twice, are shown as conflicts.
 */
export async function scanSheet(wb: Workbook): Promise<Proposal[]> {
  const { sheet, structure } = await selectedCell(wb);
  const grid = await wb.readGrid(sheet);
  const contentAt = new Map(grid.map((c) => [toA1(c), c.content]));
  const names = lineNames(structure).filter((n) => n.owner === null || sameName(n.owner, sheet));
  const proposals: Proposal[] = [];
  for (const [code, cells] of detectLayout(grid).codes) {
    const line = lineOf(code)!;
    const applying = existingAt(names, code, sheet) ?? existingAt(names, code, null);
    for (const pos of cells) {
      const address = toA1(pos);
      const cell = cellLabel(sheet, address);
      if (applying && describeTarget(applying) === cell) continue;
      const elsewhere = names
        .filter((n) => n.code === code && describeTarget(n) !== cell)
        .map((n) => `${n.info.name} -> ${describeTarget(n)}`);
      const twins = cells.filter((c) => c !== pos).map(toA1);
      const printedTwice = twins.length
        ? [`${code} also appears at ${twins.join(", ")} on this sheet`]
        : [];
      const conflicts = [...elsewhere, ...printedTwice];
      proposals.push({
        sheet,
        code,
        address,
        line: line.line,
        label: line.label,
        shown: formatCellContent(contentAt.get(address)),
        conflict: conflicts.length ? conflicts.join("; ") : null,
      });
    }
  }
  const row = (p: Proposal) => parseA1(p.address)?.row ?? 0;
  return proposals.sort((a, b) => printOrder(a.code) - printOrder(b.code) || row(a) - row(b));
}

/** Create the reviewed proposals' names in one batch, replacing names of the same level. */
export async function applyProposals(
  wb: Workbook,
  proposals: Proposal[],
  level: Level
): Promise<number> {
  if (proposals.length === 0) return 0;
  refuseTwoCellsForOneLine(proposals, level);
  const structure = await wb.structure();
  const sheets = sheetLookup(structure);
  const names = lineNames(structure);
  const add: NameSpec[] = [];
  const remove: NameKey[] = [];
  for (const p of proposals) {
    requireLine(p.code);
    const sheet = sheets.get(p.sheet.toLowerCase());
    if (!sheet) throw new ActionError(`Sheet ${p.sheet} is no longer in the workbook: scan again.`);
    const owner = level === "sheet" ? sheet : null;
    const existing = existingAt(names, p.code, owner);
    if (existing) remove.push({ name: existing.info.name, sheet: existing.info.sheet });
    add.push({
      name: bindingName(p.code),
      sheet: owner,
      refersTo: absoluteReference(sheet, p.address),
    });
  }
  await wb.updateNames(add, remove);
  return add.length;
}

function refuseTwoCellsForOneLine(proposals: Proposal[], level: Level): void {
  const seen = new Map<string, Proposal>();
  for (const p of proposals) {
    const key = level === "sheet" ? `${p.sheet.toLowerCase()}|${p.code}` : p.code;
    const earlier = seen.get(key);
    if (earlier) {
      const line = requireLine(p.code);
      throw new ActionError(
        `Two cells are chosen for ${lineName(line)} (${cellLabel(earlier.sheet, earlier.address)} and ${cellLabel(p.sheet, p.address)}): keep one.`,
        cellLabel(p.sheet, p.address)
      );
    }
    seen.set(key, p);
  }
}
