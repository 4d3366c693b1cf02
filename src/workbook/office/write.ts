/// <reference types="office-js" />
import { cellLabel } from "../../engine";
import {
  WriteBlocked,
  type CellWrite,
  type NameSpec,
  type RangeRef,
  type RecordGuard,
  type SheetSpec,
  type WriteProblem,
} from "../port";
import { areaA1, contains, intersects, parseArea, splitQualified, type Area } from "../../grid";
import { charactersToPoints } from "./address";
import {
  CELL_EDIT_MESSAGE,
  CELL_EDITING,
  errorCode,
  missingSheet,
  protectedProblem,
  withEventsOff,
  type ExcelHost,
} from "./excel-host";

/**
 * A cell to check; `formats` when the write also changes its number format or font;
 * `keepPrior` when what it holds is read too, to put back should the write fail halfway.
 */
type Target = RangeRef & { formats?: boolean; keepPrior?: boolean };

/**
 * What would stop writing these cells, in at most two syncs: a missing sheet; on a
 * protected sheet, a locked cell or any format change (Excel's protection forbids
 * formatting cells); a cell inside a merged area other than its top-left one (ExcelApi
 * 1.13). Queues nothing that writes.
 */
async function inspectTargets(
  context: Excel.RequestContext,
  host: ExcelHost,
  refs: Target[],
  prior: Excel.Range[] = []
): Promise<WriteProblem[]> {
  const sheets = context.workbook.worksheets.load("items/name, items/protection/protected");
  await context.sync();
  const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const problems: WriteProblem[] = [];
  const checks = [];
  for (const ref of refs) {
    const sheet = byName.get(ref.sheet.toLowerCase());
    const area = parseArea(ref.address);
    if (!sheet) {
      if (!problems.some((p) => p.reason === "missing-sheet" && p.cell === ref.sheet))
        problems.push(missingSheet(ref.sheet));
      continue;
    }
    if (!area) throw new Error(`not a cell address: ${ref.address}`);
    if (sheet.protection.protected && ref.formats) {
      problems.push({
        cell: cellLabel(sheet.name, areaA1(area)),
        reason: "protected",
        message: `Sheet '${sheet.name}' is protected: unprotect it to format ${areaA1(area)}`,
      });
      continue;
    }
    const range = sheet.getRange(areaA1(area));
    const lock = sheet.protection.protected ? range.format.protection.load("locked") : null;
    const merged = host.supports("1.13")
      ? range.getMergedAreasOrNullObject().load("areas/items/address")
      : null;
    checks.push({ sheet: sheet.name, area, lock, merged });
    if (ref.keepPrior)
      prior.push(range.load("formulas, values, valueTypes, numberFormat, format/font/bold"));
  }
  if (prior.length || checks.some((c) => c.lock || c.merged)) await context.sync();
  for (const { sheet, area, lock, merged } of checks) {
    // locked is null when the range mixes locked and unlocked cells: one locked cell blocks.
    if (lock && lock.locked !== false) problems.push(protectedProblem(sheet, areaA1(area)));
    if (!merged || merged.isNullObject) continue;
    for (const item of merged.areas.items) {
      const m = parseArea(splitQualified(item.address).address);
      if (m && splitsMerge(m, area)) {
        problems.push({
          cell: cellLabel(sheet, areaA1(area)),
          reason: "merged",
          message: `${cellLabel(sheet, areaA1(area))} is inside the merged area ${areaA1(m)}: write to its top-left cell ${areaA1({ ...m, r2: m.r1, c2: m.c1 })}, or unmerge it`,
        });
      }
    }
  }
  return problems;
}

/**
 * Put back what the cells held before a write Excel failed halfway: Excel has no
 * transactions and keeps the operations before the failing one (below ExcelApi 1.13 a
 * merged cell cannot even be found beforehand). Queued in the write's own order, so where
 * the failing cell fails again the cells before it, the ones written, are restored already.
 */
async function putBack(
  context: Excel.RequestContext,
  writes: CellWrite[],
  prior: Excel.Range[]
): Promise<void> {
  writes.forEach((w, i) => {
    const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.address);
    const was = prior[i];
    const formula = was.formulas[0][0];
    const type = was.valueTypes[0][0];
    if (typeof formula === "string" && formula.startsWith("=")) range.formulas = [[formula]];
    else if (type === "String") range.values = [[literal(String(was.values[0][0]))]];
    else if (type === "Empty") range.values = [[""]];
    else range.formulas = [[formula]];
    if (w.numberFormat !== undefined) range.numberFormat = was.numberFormat;
    if (w.bold !== undefined) range.format.font.bold = was.format.font.bold;
  });
  await context.sync().catch(() => undefined); // what it could not put back was not written either
}

/** Writing `area` would change part of merged area `m` other than through its top-left cell. */
function splitsMerge(m: Area, area: Area): boolean {
  const wholeMerge = contains(area, m.r1, m.c1) && contains(area, m.r2, m.c2);
  const topLeftOnly =
    area.r1 === m.r1 && area.c1 === m.c1 && area.r2 === area.r1 && area.c2 === area.c1;
  return intersects(m, area) && !wholeMerge && !topLeftOnly;
}

/** Text is written with a leading apostrophe: Excel reads range.values like typed input ("1/2" would become a date). */
function literal(value: number | string | null): number | string {
  if (value === null) return "";
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

function queueCell(range: Excel.Range, w: Omit<CellWrite, "sheet" | "address">): void {
  if (w.numberFormat !== undefined) range.numberFormat = [[w.numberFormat]];
  if (w.formula !== undefined) range.formulas = [[w.formula]];
  else if (w.value !== undefined) range.values = [[literal(w.value)]];
  if (w.bold !== undefined) range.format.font.bold = w.bold;
}

/** Check every target, then write them all in one batch with the add-in's events off. */
export async function writeCells(host: ExcelHost, writes: CellWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await host.write(writes[0], async (context) => {
    const runtime = host.supports("1.8") ? context.runtime.load("enableEvents") : null;
    const targets = writes.map((w) => ({
      ...w,
      formats: w.numberFormat !== undefined || w.bold !== undefined,
      keepPrior: true,
    }));
    const prior: Excel.Range[] = [];
    const problems = await inspectTargets(context, host, targets, prior);
    if (problems.length) throw new WriteBlocked(problems);
    await withEventsOff(context, runtime?.enableEvents === true, async () => {
      const sheets = new Map<string, Excel.Worksheet>();
      for (const w of writes) {
        let sheet = sheets.get(w.sheet);
        if (!sheet) sheets.set(w.sheet, (sheet = context.workbook.worksheets.getItem(w.sheet)));
        queueCell(sheet.getRange(w.address), w);
      }
      try {
        await context.sync();
      } catch (e) {
        await putBack(context, writes, prior);
        throw e;
      }
    });
  });
}

/** The pre-check alone, in its own batch. Cell-edit mode on hosts that cannot wait for it is a problem too. */
export async function checkWrites(host: ExcelHost, refs: RangeRef[]): Promise<WriteProblem[]> {
  if (refs.length === 0) return [];
  try {
    return await host.write(refs[0], (context) => inspectTargets(context, host, refs));
  } catch (e) {
    if (e instanceof WriteBlocked) return e.problems;
    throw e;
  }
}

/**
 * Add names (an existing name of the same name and level is deleted first: names.add
 * cannot overwrite) and remove others. Reads what exists (one or two syncs), then changes
 * everything in one batch.
 */
export async function updateNames(
  host: ExcelHost,
  add: NameSpec[],
  remove: { name: string; sheet: string | null }[]
): Promise<void> {
  const all = [...add, ...remove];
  if (all.length === 0) return;
  await host.write({ sheet: all[0].sheet ?? "", address: all[0].name }, async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const lookups = new Map<string, Excel.NamedItem>();
    const key = (n: { name: string; sheet: string | null }) =>
      `${(n.sheet ?? "").toLowerCase()}!${n.name.toUpperCase()}`;
    for (const n of all)
      if (n.sheet === null && !lookups.has(key(n)))
        lookups.set(key(n), context.workbook.names.getItemOrNullObject(n.name));
    await context.sync();

    const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const missing = [
      ...new Set(
        add
          .filter((a) => a.sheet !== null && !byName.has(a.sheet.toLowerCase()))
          .map((a) => a.sheet!)
      ),
    ];
    if (missing.length) throw new WriteBlocked(missing.map(missingSheet));
    const sheetLevel = all.filter((n) => n.sheet !== null && byName.has(n.sheet.toLowerCase()));
    for (const n of sheetLevel)
      if (!lookups.has(key(n)))
        lookups.set(key(n), byName.get(n.sheet!.toLowerCase())!.names.getItemOrNullObject(n.name));
    if (sheetLevel.length) await context.sync();

    for (const item of lookups.values()) if (!item.isNullObject) item.delete();
    for (const a of add) {
      const names =
        a.sheet === null ? context.workbook.names : byName.get(a.sheet.toLowerCase())!.names;
      names.add(a.name, `=${a.refersTo.replace(/^=/, "")}`);
    }
    await context.sync();
  });
}

/** "Seg (2)", "Seg (3)"… for a taken name, within Excel's 31 characters. */
export function uniqueSheetName(wanted: string, taken: string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Insert a sheet, its names, cells and column widths in one batch (events off). Returns the name used. */
export async function addSheet(host: ExcelHost, spec: SheetSpec): Promise<string> {
  return host.write({ sheet: spec.name, address: "A1" }, async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const runtime = host.supports("1.8") ? context.runtime.load("enableEvents") : null;
    await context.sync();
    const name = uniqueSheetName(
      spec.name,
      sheets.items.map((s) => s.name)
    );
    await withEventsOff(context, runtime?.enableEvents === true, async () => {
      const sheet = context.workbook.worksheets.add(name);
      // Names first, so the formulas over them compute at once.
      for (const n of spec.names) sheet.names.add(n.name, sheet.getRange(n.address));
      for (const c of spec.cells) queueCell(sheet.getRange(c.address), c);
      for (const [column, chars] of Object.entries(spec.columnWidths ?? {}))
        sheet.getRange(`${column}:${column}`).format.columnWidth = charactersToPoints(chars);
      await context.sync();
    });
    return name;
  });
}

/**
 * The add-in's own record sheet, very hidden so it never shows in the tabs or the Unhide
 * list. Created and hidden once, in a batch of its own that is never a merged undo group:
 * Worksheet.visibility does not support undo in Excel on Windows and Mac (Microsoft's undo
 * table: UndoNotSupported inside mergeUndoGroup, the stack cleared outside one), and on the
 * web Undo of one group that adds a very hidden sheet and writes a cell crashes Excel
 * (office-js#6001). Then the rows, in the usual write batch: `guard`'s cells re-read first
 * in that same batch, so an entry a co-author appended since the record was read refuses
 * the write instead of forking the record. Three syncs when the sheet exists, five the
 * first time.
 */
export async function writeRecordSheet(
  host: ExcelHost,
  name: string,
  writes: CellWrite[],
  guard?: RecordGuard
): Promise<void> {
  if (writes.length === 0) return;
  await createRecordSheet(host, name);
  await host.write({ sheet: name, address: writes[0].address }, async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const runtime = host.supports("1.8") ? context.runtime.load("enableEvents") : null;
    const ends = (guard?.emptyCells ?? []).map((a) => sheet.getRange(a).load("address, values"));
    await context.sync();
    const taken = ends.filter((r) => r.values[0][0] !== "" && r.values[0][0] !== null);
    if (taken.length)
      throw new WriteBlocked([
        {
          cell: cellLabel(name, splitQualified(taken[0].address).address.replace(/\$/g, "")),
          reason: "record-changed",
          message: `Another entry reached the ${name} record after the pane read it (someone else signed off or acknowledged at the same time), so nothing was recorded: appending now would fork the record. Validate again, then repeat.`,
        },
      ]);
    await withEventsOff(context, runtime?.enableEvents === true, async () => {
      for (const w of writes) queueCell(sheet.getRange(w.address), w);
      await context.sync();
    });
  });
}

/** Add the record sheet very hidden when it is missing, in its own ungrouped batch (see above). One or two syncs. */
async function createRecordSheet(host: ExcelHost, name: string): Promise<void> {
  try {
    await host.run({ delayForCellEdit: true }, async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name).load("name");
      const structure = context.workbook.protection.load("protected");
      await context.sync();
      if (!existing.isNullObject) return;
      // A protected structure refuses a new sheet: say so, rather than "a locked cell".
      if (structure.protected)
        throw new WriteBlocked([
          {
            cell: name,
            reason: "protected",
            message: `The workbook's structure is protected (Review › Protect Workbook), so the add-in cannot add its hidden sheet "${name}"; nothing was recorded. Unprotect the structure, or ask whoever protected it.`,
          },
        ]);
      const sheet = context.workbook.worksheets.add(name);
      sheet.visibility = "VeryHidden";
      await context.sync();
    });
  } catch (e) {
    if (errorCode(e) === CELL_EDITING)
      throw new WriteBlocked([{ cell: name, reason: "editing", message: CELL_EDIT_MESSAGE }]);
    throw e;
  }
}
