import * as z from "zod/mini";
import { parseA1, qualified } from "../grid";
import { type CellContent, focusCodeOf, isBindingName } from "../engine";
import { codeInCell } from "./detect";
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

// zod/mini: the pane ships this parser, and the mini build adds about a tenth of zod's bytes.
// It carries no message locale, so every rule says in words what it wants.
const text = (what: string) => z.string(`expected ${what} as text`);

/** An object with exactly these fields: another field, or not an object at all, is named. */
const exactly = <S extends Parameters<typeof z.strictObject>[0]>(shape: S, what: string) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unexpected field ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(", ")}`
        : `expected ${what}`,
  });

const sheetName = text("a sheet name").check(
  z.minLength(1, "an empty sheet name"),
  z.maxLength(31, "a sheet name longer than Excel's 31 characters"),
  // Excel's rules: none of []:*?/\, no apostrophe at either end; control characters never.
  // eslint-disable-next-line no-control-regex
  z.refine((s: string) => !/[[\]:*?/\\\u0000-\u001f]|^'|'$/.test(s), "not a valid sheet name")
);

const bindingSchema = exactly(
  {
    name: text("a name").check(z.refine(isBindingName, "not a FOCUS_ name")),
    /** The owning sheet of a sheet-level name; null at workbook level. */
    owner: z.nullable(sheetName),
    sheet: sheetName,
    address: text("a cell address").check(
      z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, "not an A1 cell address"),
      z.refine((a: string) => parseA1(a) !== null, "outside Excel's grid (XFD1048576)")
    ),
    /** The row's label when exported, to notice a layout that moved. */
    label: z.nullable(
      text("a label").check(z.maxLength(512, "a label longer than 512 characters"))
    ),
  },
  "a binding (name, owner, sheet, address, label)"
);

export const bindingMapSchema = exactly(
  {
    format: z.literal(BINDING_MAP_FORMAT, `format must be "${BINDING_MAP_FORMAT}"`),
    version: z.literal(BINDING_MAP_VERSION, `this add-in reads version ${BINDING_MAP_VERSION}`),
    exportedAt: text("a date").check(z.maxLength(64, "a date longer than 64 characters")),
    bindings: z
      .array(bindingSchema, "expected a list of bindings")
      .check(
        z.maxLength(
          MAX_MAP_BINDINGS,
          `more than ${MAX_MAP_BINDINGS.toLocaleString("en-US")} bindings`
        )
      ),
  },
  "a binding map object"
).check(
  // Excel holds one name per name and level: a map with two would fail in the middle of applying.
  z.superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.bindings.forEach((b, i) => {
      const key = `${(b.owner ?? "").toLowerCase()}|${b.name.toLowerCase()}`;
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["bindings", i],
          message: `${b.name}${b.owner ? ` on '${b.owner}'` : ""} appears twice`,
          input: b,
        });
      seen.add(key);
    });
  })
);

export type BindingMap = z.infer<typeof bindingMapSchema>;
export type MapBinding = BindingMap["bindings"][number];

/** The label of the row a cell sits on, as the caller reads it (e.g. the form's description column). */
export type RowLabel = (sheet: string, address: string) => string | null;

export function exportBindingMap(
  structure: WorkbookStructure,
  labelOf: RowLabel,
  now = new Date()
): BindingMap {
  const sheets = worksheetLookup(structure);
  const bindings: MapBinding[] = [];
  const seen = new Set<string>();
  for (const n of structure.names) {
    if (focusCodeOf(n.name) === null) continue;
    // A second name at the same level (only a damaged file has one) would make the map unreadable.
    const key = `${(n.sheet ?? "").toLowerCase()}|${n.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const t = parseRefersTo(n.formula, sheets);
    if (t.kind !== "range" || !t.single) continue; // only a usable single-cell binding travels
    bindings.push({
      name: n.name,
      owner: n.sheet,
      sheet: t.sheet,
      address: t.address,
      label: labelOf(t.sheet, t.address),
    });
  }
  return {
    format: BINDING_MAP_FORMAT,
    version: BINDING_MAP_VERSION,
    exportedAt: now.toISOString(),
    bindings,
  };
}

export type ParsedMap = { ok: true; map: BindingMap } | { ok: false; error: string };

/** Untrusted text to a map, or one clear sentence on why not. Never throws. */
export function parseBindingMap(text: string): ParsedMap {
  if (text.length > MAX_MAP_BYTES)
    return {
      ok: false,
      error: `the file is larger than ${MAX_MAP_BYTES / 1048576} MB: not a binding map`,
    };
  let json: unknown;
  try {
    // A leading byte-order mark (Notepad's UTF-8) is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, error: "the file is not JSON" };
  }
  const r = bindingMapSchema.safeParse(json);
  if (r.success) return { ok: true, map: r.data };
  const issues = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "the file"}: ${i.message}`);
  return {
    ok: false,
    error: `not a binding map (${issues.join("; ")}${r.error.issues.length > 3 ? "; …" : ""})`,
  };
}

export interface MapConflict {
  kind: "occupied" | "missing-sheet" | "changed-label";
  name: string;
  /** The owning sheet of the map's sheet-level name (null at workbook level): with `name`, which planned name this is. */
  owner: string | null;
  message: string;
}

export interface MapPlan {
  /** Names to create or replace (replacing is only done when the user accepts the conflicts). */
  names: NameSpec[];
  conflicts: MapConflict[];
  /** Bindings already in place as the map has them: nothing to do. */
  unchanged: number;
}

/** What applying a map would do to this workbook, and every conflict to show first. Changes nothing. */
export function planBindingMap(
  map: BindingMap,
  structure: WorkbookStructure,
  labelOf: RowLabel
): MapPlan {
  const sheets = worksheetLookup(structure);
  const existing = new Map(
    structure.names.map((n) => [`${(n.sheet ?? "").toLowerCase()}|${n.name.toLowerCase()}`, n])
  );
  const names: NameSpec[] = [];
  const conflicts: MapConflict[] = [];
  let unchanged = 0;
  for (const b of map.bindings) {
    const owner = b.owner === null ? null : sheets.get(b.owner.toLowerCase());
    const sheet = sheets.get(b.sheet.toLowerCase());
    if (owner === undefined || !sheet) {
      const missing = owner === undefined ? b.owner : b.sheet;
      conflicts.push({
        kind: "missing-sheet",
        name: b.name,
        owner: b.owner,
        message: `${b.name}: sheet '${missing}' is not in this workbook; skipped`,
      });
      continue;
    }
    const refersTo = qualified(sheet, `$${b.address.replace(/(\d+)$/, "$$$1")}`, { always: true });
    const taken = existing.get(`${(owner ?? "").toLowerCase()}|${b.name.toLowerCase()}`);
    if (taken) {
      const t = parseRefersTo(taken.formula, sheets);
      const same = t.kind === "range" && t.sheet === sheet && t.address.toUpperCase() === b.address;
      if (same) {
        unchanged++; // already bound there
        continue;
      }
      conflicts.push({
        kind: "occupied",
        name: b.name,
        owner,
        message: `${b.name}${owner ? ` on '${owner}'` : ""} already refers to ${taken.formula}; applying replaces it`,
      });
    }
    const label = labelOf(sheet, b.address);
    if (b.label !== null && label !== null && norm(label) !== norm(b.label)) {
      conflicts.push({
        kind: "changed-label",
        name: b.name,
        owner,
        message: `${b.name}: the row at '${sheet}'!${b.address} reads "${label.slice(0, 80)}", the map says "${b.label.slice(0, 80)}"`,
      });
    }
    names.push({ name: b.name, sheet: owner, refersTo });
  }
  return { names, conflicts, unchanged };
}

/**
 * The plan's names that a choice writes: a name with a conflict the user has not
 * accepted (replacing an occupied name, binding a row whose label changed) is left out.
 */
export function namesToWrite(
  plan: MapPlan,
  choice: { replaceOccupied: boolean; acceptChangedLabels: boolean }
): NameSpec[] {
  const key = (name: string, owner: string | null) =>
    `${(owner ?? "").toLowerCase()}|${name.toLowerCase()}`;
  const declined = new Set(
    plan.conflicts
      .filter(
        (c) =>
          (c.kind === "occupied" && !choice.replaceOccupied) ||
          (c.kind === "changed-label" && !choice.acceptChangedLabels)
      )
      .map((c) => key(c.name, c.owner))
  );
  return plan.names.filter((n) => !declined.has(key(n.name, n.sheet)));
}

/** Worksheets by lower-case name (chart sheets hold no cells to bind). */
const worksheetLookup = (structure: WorkbookStructure) =>
  new Map(structure.sheets.filter((s) => s.isWorksheet).map((s) => [s.name.toLowerCase(), s.name]));

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** How far left of a bound cell its row's description is looked for (the form puts it 1 to 3 columns left). */
export const LABEL_SEARCH_COLUMNS = 8;
/** Labels are compared, not kept: a long one is cut so a map stays small and within the schema. */
const MAX_LABEL_CHARS = 200;

/**
 * A row's label from the cells left of its amount, nearest first: the first text
 * with a letter in it that is not a line code (the form's description, or a
 * preparer's own caption). Null when the row has none.
 */
export function rowLabel(
  leftOfAmountNearestFirst: readonly (CellContent | undefined)[]
): string | null {
  for (const content of leftOfAmountNearestFirst) {
    const v = content?.value;
    if (!content || v?.type !== "text" || codeInCell(content) !== null) continue;
    const text = v.text.trim().replace(/\s+/g, " ");
    if (/\p{L}/u.test(text)) return text.slice(0, MAX_LABEL_CHARS);
  }
  return null;
}
