import { z } from "zod";
import { focusCodeOf } from "./bindings";
import type { NameSpec, WorkbookStructure } from "./port";
import { parseRefersTo } from "./refers-to";

/**
 * A workbook's bindings as a versioned JSON document, to apply to another
 * workbook of the same layout (a team's template, next month's file). Imported
 * text is untrusted: it is size-checked before parsing and validated by a strict
 * schema before anything is planned, and nothing changes until the plan, with its
 * conflicts, has been shown.
 */
export const BINDING_MAP_FORMAT = "focus-binding-map";
export const BINDING_MAP_VERSION = 1;
/** No real map comes near these: a year of daily sheets is about 7,000 bindings. */
export const MAX_MAP_BYTES = 2 * 1024 * 1024;
export const MAX_MAP_BINDINGS = 50_000;

const sheetName = z
  .string()
  .min(1)
  .max(31)
  .refine((s) => !/[[\]:*?/\\]/.test(s), "not a valid sheet name");

const bindingSchema = z
  .object({
    name: z.string().regex(/^FOCUS_(\d{4}|UNIT|TOLERANCE|ENTITY|ASOF)$/i, "not a FOCUS_ name"),
    /** The owning sheet of a sheet-level name; null at workbook level. */
    owner: sheetName.nullable(),
    sheet: sheetName,
    address: z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, "not an A1 cell address"),
    /** The row's label when exported, to notice a layout that moved. */
    label: z.string().max(512).nullable(),
  })
  .strict();

export const bindingMapSchema = z
  .object({
    format: z.literal(BINDING_MAP_FORMAT),
    version: z.literal(BINDING_MAP_VERSION),
    exportedAt: z.string().max(64),
    bindings: z.array(bindingSchema).max(MAX_MAP_BINDINGS),
  })
  .strict();

export type BindingMap = z.infer<typeof bindingMapSchema>;
export type MapBinding = BindingMap["bindings"][number];

/** The label of the row a cell sits on, as the caller reads it (e.g. the form's description column). */
export type RowLabel = (sheet: string, address: string) => string | null;

export function exportBindingMap(structure: WorkbookStructure, labelOf: RowLabel, now = new Date()): BindingMap {
  const sheets = new Map(structure.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const bindings: MapBinding[] = [];
  for (const n of structure.names) {
    if (focusCodeOf(n.name) === null) continue;
    const t = parseRefersTo(n.formula, sheets);
    if (t.kind !== "range" || !t.single) continue; // only a usable single-cell binding travels
    bindings.push({ name: n.name, owner: n.sheet, sheet: t.sheet, address: t.address, label: labelOf(t.sheet, t.address) });
  }
  return { format: BINDING_MAP_FORMAT, version: BINDING_MAP_VERSION, exportedAt: now.toISOString(), bindings };
}

export type ParsedMap = { ok: true; map: BindingMap } | { ok: false; error: string };

/** Untrusted text to a map, or one clear sentence on why not. Never throws. */
export function parseBindingMap(text: string): ParsedMap {
  if (text.length > MAX_MAP_BYTES) return { ok: false, error: `the file is larger than ${MAX_MAP_BYTES / 1048576} MB: not a binding map` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "the file is not JSON" };
  }
  const r = bindingMapSchema.safeParse(json);
  if (r.success) return { ok: true, map: r.data };
  const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "the file"}: ${i.message}`);
  return { ok: false, error: `not a binding map (${issues.join("; ")}${r.error.issues.length > 3 ? "; …" : ""})` };
}

export interface MapConflict {
  kind: "occupied" | "missing-sheet" | "changed-label";
  name: string;
  message: string;
}

export interface MapPlan {
  /** Names to create or replace (replacing is only done when the user accepts the conflicts). */
  names: NameSpec[];
  conflicts: MapConflict[];
}

/** What applying a map would do to this workbook, and every conflict to show first. Changes nothing. */
export function planBindingMap(map: BindingMap, structure: WorkbookStructure, labelOf: RowLabel): MapPlan {
  const sheets = new Map(structure.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const existing = new Map(structure.names.map((n) => [`${(n.sheet ?? "").toLowerCase()}|${n.name.toLowerCase()}`, n]));
  const names: NameSpec[] = [];
  const conflicts: MapConflict[] = [];
  for (const b of map.bindings) {
    const owner = b.owner === null ? null : sheets.get(b.owner.toLowerCase());
    const sheet = sheets.get(b.sheet.toLowerCase());
    if (owner === undefined || !sheet) {
      const missing = owner === undefined ? b.owner : b.sheet;
      conflicts.push({ kind: "missing-sheet", name: b.name, message: `${b.name}: sheet '${missing}' is not in this workbook; skipped` });
      continue;
    }
    const refersTo = `'${sheet.replace(/'/g, "''")}'!$${b.address.replace(/(\d+)$/, "$$$1")}`;
    const taken = existing.get(`${(owner ?? "").toLowerCase()}|${b.name.toLowerCase()}`);
    if (taken) {
      const t = parseRefersTo(taken.formula, sheets);
      const same = t.kind === "range" && t.sheet === sheet && t.address.toUpperCase() === b.address;
      if (same) continue; // already bound there
      conflicts.push({ kind: "occupied", name: b.name, message: `${b.name}${owner ? ` on '${owner}'` : ""} already refers to ${taken.formula}; applying replaces it` });
    }
    const label = labelOf(sheet, b.address);
    if (b.label !== null && label !== null && norm(label) !== norm(b.label)) {
      conflicts.push({ kind: "changed-label", name: b.name, message: `${b.name}: the row at '${sheet}'!${b.address} reads "${label.slice(0, 80)}", the map says "${b.label.slice(0, 80)}"` });
    }
    names.push({ name: b.name, sheet: owner, refersTo });
  }
  return { names, conflicts };
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
