import { cellLabel, lineOf, type Code, lineCodeOfName } from "../../engine";
import {
  rangeKey,
  type NameInfo,
  type RangeRef,
  type WorkbookReader,
  type WorkbookStructure,
} from "../../workbook/port";
import { parseRefersTo, type Target } from "../../workbook/refers-to";
import { printOrder } from "./lines";
import type { BindingView } from "./types";

/** A FOCUS_<code> name with what it points at. */
export interface LineName {
  info: NameInfo;
  code: Code;
  /** The owning sheet as the workbook spells it; null at workbook level. */
  owner: string | null;
  target: Target;
}

/** Every FOCUS_<code> name of the workbook, its target parsed against the current sheet names. */
export function lineNames(structure: WorkbookStructure): LineName[] {
  const sheets = sheetLookup(structure);
  const out: LineName[] = [];
  for (const info of structure.names) {
    const code = lineCodeOfName(info.name);
    if (code === null) continue;
    const owner = info.sheet === null ? null : (sheets.get(info.sheet.toLowerCase()) ?? info.sheet);
    out.push({ info, code, owner, target: parseRefersTo(info.formula, sheets) });
  }
  return out;
}

/** Sheet names keyed by lower case, as parseRefersTo expects. */
export function sheetLookup(structure: WorkbookStructure): Map<string, string> {
  return new Map(structure.sheets.map((s) => [s.name.toLowerCase(), s.name]));
}

/** Where a name points, for people: 'Day 1'!E6, or its formula when it is not a cell. */
export function describeTarget(n: LineName): string {
  return n.target.kind === "range"
    ? cellLabel(n.target.sheet, n.target.address)
    : `=${n.info.formula.replace(/^=/, "")}`;
}

/**
 * Every binding of every scope: one entry per FOCUS_<code> name, in print
 * order, workbook-level names before sheet-level ones, sheets in tab order.
 */
export async function listBindings(reader: WorkbookReader): Promise<BindingView[]> {
  const structure = await reader.structure();
  const names = lineNames(structure);
  const merged = await mergedAreas(reader, names);
  const tabOrder = new Map(structure.sheets.map((s, i) => [s.name.toLowerCase(), i]));
  const sheetLevelCodes = new Set(
    names.filter((n) => n.owner !== null).map((n) => `${n.owner!.toLowerCase()}|${n.code}`)
  );
  const sameLevelCount = countBy(names, (n) => `${n.owner?.toLowerCase() ?? ""}|${n.code}`);

  const views = names.map((n): BindingView => {
    const line = lineOf(n.code)!;
    const duplicates = sameLevelCount.get(`${n.owner?.toLowerCase() ?? ""}|${n.code}`)! > 1;
    const { cell, problem } = duplicates
      ? {
          cell: null,
          problem: `Another name also binds line ${line.line} (${n.code}) at this level: neither is used.`,
        }
      : resolve(n, merged);
    return {
      scope: n.owner ?? "workbook",
      statement: line.statement,
      code: n.code,
      line: line.line,
      label: line.label,
      name: n.info.name,
      level: n.owner === null ? "workbook" : "sheet",
      sheet: n.owner,
      cell,
      problem,
      shadowedOn:
        n.owner === null
          ? structure.sheets
              .filter((s) => sheetLevelCodes.has(`${s.name.toLowerCase()}|${n.code}`))
              .map((s) => s.name)
          : [],
    };
  });
  const tab = (v: BindingView) =>
    v.sheet === null ? -1 : (tabOrder.get(v.sheet.toLowerCase()) ?? 0);
  return views.sort((a, b) => printOrder(a.code) - printOrder(b.code) || tab(a) - tab(b));
}

/** Multi-cell targets are usable only when they are exactly one merged area: one batched read tells. */
async function mergedAreas(reader: WorkbookReader, names: LineName[]): Promise<Set<string>> {
  const refs: RangeRef[] = [];
  for (const n of names) {
    if (n.target.kind === "range" && !n.target.single)
      refs.push({ sheet: n.target.sheet, address: n.target.address });
  }
  if (refs.length === 0) return new Set();
  const reads = await reader.readRanges(refs);
  return new Set(refs.filter((r) => reads.get(rangeKey(r))?.isMergedArea).map(rangeKey));
}

function resolve(
  n: LineName,
  merged: Set<string>
): { cell: string | null; problem: string | null } {
  const t = n.target;
  switch (t.kind) {
    case "bad":
      return { cell: null, problem: sentence(t.reason) };
    case "constant":
      return {
        cell: null,
        problem: `Holds the constant ${t.value} rather than a cell; validation reads it as that amount.`,
      };
    case "range": {
      const topLeft = t.address.split(":")[0];
      if (t.single || merged.has(rangeKey(t)))
        return { cell: cellLabel(t.sheet, topLeft), problem: null };
      return { cell: null, problem: `Covers several cells (${t.address}): bind a single cell.` };
    }
  }
}

function sentence(reason: string): string {
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}
