import { cellLabel, type Code, bindingName } from "../../engine";
import type { NameSpec, Workbook, WorkbookStructure } from "../../workbook/port";
import { describeTarget, lineNames, type LineName } from "./binding-list";
import { absoluteReference, parseCellLabel, sameName, topLeftOf } from "./cell-ref";
import { ActionError } from "./errors";
import { lineName, requireLine } from "./lines";
import type { BindResult } from "./types";

export type Level = "sheet" | "workbook";
export type NameKey = { name: string; sheet: string | null };

/** The selected cell's sheet as the workbook spells it, checked to be a worksheet. */
export async function selectedCell(
  wb: Workbook
): Promise<{ sheet: string; address: string; structure: WorkbookStructure }> {
  const [selection, structure] = await Promise.all([wb.selection(), wb.structure()]);
  // No selection: a chart sheet is active, or a chart is selected (the port's selection()).
  const sheet = selection && structure.sheets.find((s) => sameName(s.name, selection.sheet));
  if (!selection || !sheet?.isWorksheet)
    throw new ActionError("Select a cell on a worksheet first.");
  return { sheet: sheet.name, address: topLeftOf(selection.address), structure };
}

/** The existing FOCUS_<code> name at a level (a sheet-level one owned by `owner`). */
export function existingAt(
  names: LineName[],
  code: Code,
  owner: string | null
): LineName | undefined {
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
