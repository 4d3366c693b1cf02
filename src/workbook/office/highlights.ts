/// <reference types="office-js" />
import { cellLabel, SEVERITIES } from "../../engine";
import { HIGHLIGHT_MARKER, WriteBlocked, type Highlight, type WriteProblem } from "../port";
import { splitQualified } from "../../grid";
import { missingSheet, type ExcelHost } from "./excel-host";

/** The add-in's marks found on one sheet, and the cells holding the user's own notes. */
interface SheetMarks {
  sheet: Excel.Worksheet;
  isProtected: boolean;
  formats: Excel.ConditionalFormat[];
  notes: Excel.Note[];
  userNoteCells: Set<string>;
}

const isOurNote = (content: string) => content.startsWith(HIGHLIGHT_MARKER);

/**
 * Every sheet's marks, in three syncs whatever the number of sheets: the sheets; then
 * every sheet's conditional formats and notes at once; then the rules of the custom
 * formats (and where the user's notes are, on `noteSheets`).
 */
async function findMarks(
  context: Excel.RequestContext,
  host: ExcelHost,
  noteSheets: Set<string>
): Promise<SheetMarks[]> {
  const withNotes = host.supports("1.18");
  const sheets = context.workbook.worksheets.load("items/name, items/protection/protected");
  await context.sync();
  const listed = sheets.items.map((sheet) => ({
    sheet,
    formats: sheet.getRange().conditionalFormats.load("items/type"),
    notes: withNotes ? sheet.notes.load("items/content") : null,
  }));
  await context.sync();
  const detailed = listed.map(({ sheet, formats, notes }) => ({
    sheet,
    rules: formats.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => ({ cf, rule: cf.custom.rule.load("formula") })),
    notes: notes?.items ?? [],
    userNotes: noteSheets.has(sheet.name.toLowerCase())
      ? (notes?.items ?? [])
          .filter((n) => !isOurNote(n.content))
          .map((n) => n.getLocation().load("address"))
      : [],
  }));
  if (detailed.some((d) => d.rules.length || d.userNotes.length)) await context.sync();
  return detailed.map((d) => ({
    sheet: d.sheet,
    isProtected: d.sheet.protection.protected,
    formats: d.rules
      .filter(({ rule }) => rule.formula.includes(HIGHLIGHT_MARKER))
      .map(({ cf }) => cf),
    notes: d.notes.filter((n) => isOurNote(n.content)),
    userNoteCells: new Set(d.userNotes.map((r) => splitQualified(r.address).address)),
  }));
}

const hasMarks = (m: SheetMarks) => m.formats.length + m.notes.length > 0;

const protectedSheet = (sheet: string): WriteProblem => ({
  cell: sheet,
  reason: "protected",
  message: `Sheet '${sheet}' is protected: unprotect it to change its marks`,
});

/** Delete the marks found; returns how many cells were unmarked (one format per marked cell, a note beside it at most). */
function removeMarks(found: SheetMarks[]): number {
  let cells = 0;
  for (const m of found) {
    for (const item of [...m.formats, ...m.notes]) item.delete();
    cells += Math.max(m.formats.length, m.notes.length);
  }
  return cells;
}

/**
 * Remove exactly the add-in's marks on every sheet: conditional formats whose rule holds
 * the marker and notes that start with it. The user's formats, fills, fonts, number
 * formats and own conditional formats are never touched. Returns how many cells were
 * unmarked.
 */
export async function clearHighlights(host: ExcelHost): Promise<number> {
  if (!host.supports("1.6")) return 0;
  return host.write({ sheet: "", address: HIGHLIGHT_MARKER }, async (context) => {
    const found = await findMarks(context, host, new Set());
    const blocked = found.filter((m) => m.isProtected && hasMarks(m));
    if (blocked.length) throw new WriteBlocked(blocked.map((m) => protectedSheet(m.sheet.name)));
    const removed = removeMarks(found);
    if (removed) await context.sync();
    return removed;
  });
}

/**
 * Replace the add-in's marks with these: one custom conditional format per mark (a fill by
 * severity while its formula holds) and, with ExcelApi 1.18, one note per marked cell unless
 * the user has a note there. All in one batch after the reads.
 */
export async function setHighlights(host: ExcelHost, marks: Highlight[]): Promise<void> {
  if (!host.supports("1.6"))
    throw new Error("Marking cells needs Excel with ExcelApi 1.6 or later (conditional formats).");
  const first = marks[0] ?? { sheet: "", address: HIGHLIGHT_MARKER };
  await host.write(first, async (context) => {
    const marked = new Map(marks.map((m) => [m.sheet.toLowerCase(), m.sheet]));
    const found = await findMarks(context, host, new Set(marked.keys()));
    const bySheet = new Map(found.map((m) => [m.sheet.name.toLowerCase(), m]));
    const problems: WriteProblem[] = [];
    for (const [key, sheet] of marked) {
      if (!bySheet.has(key)) problems.push(missingSheet(sheet));
    }
    for (const m of found)
      if (m.isProtected && (hasMarks(m) || marked.has(m.sheet.name.toLowerCase())))
        problems.push(protectedSheet(m.sheet.name));
    if (problems.length) throw new WriteBlocked(problems);

    removeMarks(found);
    const notes = new Map<string, { target: SheetMarks; address: string; lines: string[] }>();
    for (const mark of marks) {
      const target = bySheet.get(mark.sheet.toLowerCase())!;
      const address = mark.address.replace(/\$/g, "");
      const cf = target.sheet.getRange(address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = mark.formula;
      cf.custom.format.fill.color = SEVERITIES[mark.severity].fill;
      cf.custom.format.font.color = SEVERITIES[mark.severity].font;
      const key = cellLabel(target.sheet.name, address);
      const note = notes.get(key) ?? { target, address, lines: [] };
      note.lines.push(mark.note);
      notes.set(key, note);
    }
    if (host.supports("1.18")) {
      for (const { target, address, lines } of notes.values()) {
        if (target.userNoteCells.has(address)) continue;
        target.sheet.notes.add(
          target.sheet.getRange(address),
          `${HIGHLIGHT_MARKER}: ${lines.join("\n")}`
        );
      }
    }
    await context.sync();
  });
}
