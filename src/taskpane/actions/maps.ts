import { parseA1, toA1 } from "../../engine";
import {
  exportBindingMap as mapOf,
  LABEL_SEARCH_COLUMNS,
  MAX_MAP_BYTES,
  namesToWrite,
  parseBindingMap,
  planBindingMap as planOf,
  rowLabel,
  type BindingMap,
  type RowLabel,
} from "../../workbook/binding-map";
import {
  rangeKey,
  type RangeRead,
  type RangeRef,
  type Workbook,
  type WorkbookReader,
} from "../../workbook/port";
import { ActionError } from "./errors";
import type { BindingMapChoice, BindingMapFile, BindingMapPlan } from "./types";

/**
 * Binding maps in the pane: export this workbook's bindings as a file, and apply a
 * file to a workbook of the same layout, conflicts shown first. Two reads each
 * (the names, then every row label in one batch) and, to apply, one batched write.
 */

/** The workbook's bindings as a map file, each with its row's label. */
export async function exportBindingMap(
  wb: WorkbookReader,
  now = new Date()
): Promise<BindingMapFile> {
  const structure = await wb.structure();
  const targets = mapOf(structure, () => null, now).bindings;
  if (targets.length === 0)
    throw new ActionError("This workbook has no FOCUS_ name on a single cell: nothing to export.");
  const labelOf = await rowLabels(wb, targets);
  const map = mapOf(structure, labelOf, now);
  const text = mapText(map);
  // The limit a file is checked against on the way in (its size in bytes), so every export can be applied.
  if (utf8Bytes(text) > MAX_MAP_BYTES) {
    throw new ActionError(
      `The map of ${map.bindings.length.toLocaleString("en-US")} bindings is larger than a map file may be (${MAX_MAP_BYTES / 1048576} MB).`
    );
  }
  return {
    fileName: `focus-bindings-${now.toISOString().slice(0, 10)}.focus-map.json`,
    text,
    bindings: map.bindings.length,
  };
}

/** What the map in `text` would do to this workbook. Untrusted text gets one sentence, never a throw of its own. */
export async function planBindingMap(wb: WorkbookReader, text: string): Promise<BindingMapPlan> {
  const parsed = parseBindingMap(text);
  if (!parsed.ok) throw new ActionError(`This file cannot be applied: ${parsed.error}.`);
  const structure = await wb.structure();
  // Row labels only for sheets this workbook has (the others are conflicts anyway), as it spells them.
  const sheets = new Map(
    structure.sheets.filter((s) => s.isWorksheet).map((s) => [s.name.toLowerCase(), s.name])
  );
  const present = parsed.map.bindings.flatMap((b) => {
    const sheet = sheets.get(b.sheet.toLowerCase());
    return sheet ? [{ sheet, address: b.address }] : [];
  });
  const labelOf = await rowLabels(wb, present);
  return { ...planOf(parsed.map, structure, labelOf), total: parsed.map.bindings.length };
}

/**
 * Write the plan's names in one batch, leaving out the conflicting ones the choice
 * declines. Refused, with nothing written, when a name it would write has appeared in
 * the workbook since the plan was shown: the user never replaces a name unseen.
 */
export async function applyBindingMap(
  wb: Workbook,
  plan: BindingMapPlan,
  choice: BindingMapChoice
): Promise<number> {
  const add = namesToWrite(plan, choice);
  if (add.length === 0) return 0;
  const shownOccupied = new Set(
    plan.conflicts.filter((c) => c.kind === "occupied").map((c) => nameKey(c.name, c.owner))
  );
  const { names } = await wb.structure();
  const existing = new Set(names.map((n) => nameKey(n.name, n.sheet)));
  const unseen = add.find(
    (n) => existing.has(nameKey(n.name, n.sheet)) && !shownOccupied.has(nameKey(n.name, n.sheet))
  );
  if (unseen) {
    throw new ActionError(
      `${unseen.name}${unseen.sheet ? ` on '${unseen.sheet}'` : ""} was created after the plan was made: apply the map again to see the new plan. Nothing was changed.`
    );
  }
  await wb.updateNames(add, []);
  return add.length;
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const nameKey = (name: string, owner: string | null) =>
  `${(owner ?? "").toLowerCase()}|${name.toLowerCase()}`;

/**
 * Each cell's row label, from the cells to its left on its row (the form's description
 * column), read in one batch: the Office adapter covers them with one rectangle a sheet.
 */
async function rowLabels(reader: WorkbookReader, cells: RangeRef[]): Promise<RowLabel> {
  const refs = new Map<string, RangeRef>();
  for (const c of cells) for (const ref of leftOf(c)) refs.set(rangeKey(ref), ref);
  const reads: Map<string, RangeRead> = refs.size
    ? await reader.readRanges([...refs.values()])
    : new Map();
  return (sheet, address) =>
    rowLabel(leftOf({ sheet, address }).map((r) => reads.get(rangeKey(r))?.content));
}

/** The cells left of a cell on its row, nearest first, as far as a label is looked for. */
function leftOf({ sheet, address }: RangeRef): RangeRef[] {
  const pos = parseA1(address);
  if (!pos) return [];
  const out: RangeRef[] = [];
  for (let col = pos.col - 1; col >= Math.max(1, pos.col - LABEL_SEARCH_COLUMNS); col--)
    out.push({ sheet, address: toA1({ row: pos.row, col }) });
  return out;
}

/** Pretty enough to read and diff: the header indented, one binding a line. */
export function mapText(map: BindingMap): string {
  const header = JSON.stringify({ ...map, bindings: [] }, null, 2);
  if (map.bindings.length === 0) return `${header}\n`;
  const lines = map.bindings.map((b) => `    ${JSON.stringify(b)}`).join(",\n");
  // A function, so a "$" in a label is never read as a replacement pattern.
  return `${header.replace('"bindings": []', () => `"bindings": [\n${lines}\n  ]`)}\n`;
}
