import { toA1 } from "../../grid";
import { parseNumericText } from "../amount";
import { cellLabel, type CellContent } from "../cell";
import { usersOf } from "../lines";
import { isDateFormat } from "../number-format";
import type { Code, StatementId } from "../types";
import { columnRoles } from "./columns";
import { plainText, splitMarker, tokens, type LabelParts } from "./text";
import { unitInText, type UnitValue } from "./unit";
import {
  agreement,
  Bag,
  similarity,
  WORDING,
  type LineWording,
  type StatementWordingIndex,
} from "./wording";

/* ---------------------------------------------------------------------------
 * The public shape: a sheet's cells in, proposals out. Pure; no Office, no I/O.
 * ------------------------------------------------------------------------- */

/** One non-empty cell of a sheet, 1-based like the workbook port's GridCell. */
export interface LabelCell {
  row: number;
  col: number;
  content: CellContent;
}

export interface LabelScanOptions {
  /** Lines already bound on this sheet (by a FOCUS_ name or a code cell): not proposed again, their cells not reused. */
  taken?: { code: Code; row?: number; col?: number }[];
  /** Cells to read as neither label nor amount (the code cells of the printed layout). */
  ignore?: { row: number; col: number }[];
}

/** At or above: bound by `--detect` and ticked by default in the pane. */
export const CONFIDENT = 0.7;
/** Below: not proposed at all; the row is listed as unmatched. */
export const PROPOSE = 0.45;

/** An amount cell proposed for a line, whatever proposed it (the label matcher, or a code cell: src/workbook/scan.ts). */
export interface ProposedCell {
  code: Code;
  statement: StatementId;
  /** 'Sheet'!C6, like a finding's cell. */
  cell: string;
  /** A1 address on the sheet, no $. */
  address: string;
  row: number;
  col: number;
}

export interface LabelProposal extends ProposedCell {
  /** The row's words as typed ("A. Cash"). */
  label: string;
  /** The headings above that placed it, outermost first ("1. Net ledger balance"). */
  context: string[];
  /** The wording variant it matched, from the statement file. */
  matched: string;
  /** 0..1, two decimals. */
  confidence: number;
  /** confidence >= CONFIDENT. */
  confident: boolean;
  source: "label";
}

export interface UnmatchedRow {
  cell: string;
  address: string;
  row: number;
  col: number;
  text: string;
}

export interface FoundStatement {
  statement: StatementId;
  /** The row of its title, or null when the statement was recognised by its lines only. */
  titleRow: number | null;
  title: string | null;
  firstRow: number;
  lastRow: number;
}

export interface UnitProposal {
  /** What FOCUS_UNIT should hold. */
  unit: UnitValue;
  /** The words that said so ("(in millions)"). */
  text: string;
  cell: string;
}

/** The period read where a sheet prints periods side by side: the current one's heading. */
export interface PeriodRead {
  /** The heading as printed ("11/30/2020", "Current"); a date cell as yyyy-mm-dd. */
  text: string;
  cell: string;
}

export interface LabelScan {
  sheet: string;
  statements: FoundStatement[];
  proposals: LabelProposal[];
  unmatched: UnmatchedRow[];
  unit: UnitProposal | null;
  /** Null unless periods stand side by side under headings that say which is current. */
  period: PeriodRead | null;
}

/* ---------------------------------------------------------------------------
 * Rows.
 * ------------------------------------------------------------------------- */

interface Row {
  row: number;
  /** Words left of the first amount (every text cell when there is none). */
  label: string;
  labelCol: number;
  leading: number;
  parts: LabelParts;
  bag: Bag;
  /** Amount columns, left to right. */
  amounts: number[];
}

function isAmount(content: CellContent): boolean {
  const v = content.value;
  if (v === null) return true; // a formula not yet calculated: still the row's figure
  if (v.type === "number") return !isDateFormat(content.numberFormat);
  if (v.type === "error") return true;
  if (v.type === "text") return parseNumericText(v.text) !== null;
  return false;
}

function textOf(content: CellContent): string | null {
  const v = content.value;
  if (v?.type !== "text") return null;
  const t = v.text.trim();
  if (!t || /^[$€£]$/.test(t)) return null; // a dollar sign in its own column
  return v.text;
}

/** A printed line number standing alone in a cell: 5, "5.", "(5)", "12)". */
function lineNumberOf(content: CellContent): string | null {
  const v = content.value;
  if (v?.type === "number" && Number.isInteger(v.value) && v.value > 0 && v.value < 100)
    return `${v.value}.`;
  if (v?.type === "text" && /^\s*\(?\d{1,2}[.)]\s*$/.test(v.text)) return v.text.trim();
  return null;
}

function rowsOf(cells: LabelCell[], ignore: Set<string>): Row[] {
  const byRow = new Map<number, LabelCell[]>();
  for (const c of cells) {
    if (ignore.has(`${c.row}:${c.col}`)) continue;
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const rows: Row[] = [];
  for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.col - b.col);
    // A line number in a column of its own ("5." or 5, left of the words) is part of the label, not an amount.
    const firstText =
      list.find((c) => textOf(c.content) !== null && !isAmount(c.content))?.col ?? Infinity;
    const marker = (c: LabelCell) => c.col < firstText && lineNumberOf(c.content) !== null;
    const amounts = list.filter((c) => isAmount(c.content) && !marker(c)).map((c) => c.col);
    const firstAmount = amounts.length ? amounts[0] : Infinity;
    const texts = list
      .filter((c) => c.col < firstAmount)
      .map((c) => ({ col: c.col, text: marker(c) ? lineNumberOf(c.content) : textOf(c.content) }))
      .filter((t) => t.text !== null);
    if (!texts.length) continue;
    let label = texts.map((t) => t.text!.trim()).join(" ");
    let labelCol = texts[0].col;
    let leading = /^\s*/.exec(texts[0].text!)![0].length;
    const above = rows[rows.length - 1];
    if (above && continues(above, row, labelCol, leading, label)) {
      // One label wrapped over two rows: read as one, on the row of the figures.
      rows.pop();
      label = `${above.label} ${label}`;
      labelCol = above.labelCol;
      leading = above.leading;
    }
    const parts = splitMarker(label);
    rows.push({
      row,
      label,
      labelCol,
      leading,
      parts,
      bag: new Bag(tokens(parts.words)),
      amounts,
    });
  }
  return rows;
}

/** Words a phrase does not end on: a label cut there goes on in the row below. */
const OPEN_ENDING =
  /(?:\b(?:and|or|of|to|for|in|on|with|by|at|from|the|a|an|than|under|over|plus|less)|[,&\u2013\u2014-])$/i;

/**
 * Whether a row's words go on from the row just above: that row has no figure, stands in the same
 * column, no less indented, and ends mid-phrase (not on a colon, which opens a list of lines);
 * or this row opens with a dash or a parenthesis; or it opens in lower case below a row with a
 * capital that is no heading the form knows ("cash" under "Net ledger balance" is a line of its
 * own). A printed unit never does.
 */
function continues(
  above: Row,
  row: number,
  labelCol: number,
  leading: number,
  label: string
): boolean {
  if (above.row !== row - 1 || above.amounts.length || above.labelCol !== labelCol) return false;
  if (leading > above.leading) return false;
  const text = plainText(label);
  const top = plainText(above.label);
  if (unitInText(text) || unitInText(top) || top.endsWith(":")) return false;
  if (OPEN_ENDING.test(top) || /^[(\u2013\u2014-]/.test(text)) return true;
  return /^[a-z]/.test(text) && /[A-Z]/.test(top) && !isKnownHeading(above.bag);
}

/** Words that say what a heading of the form says (agreement 0.8 or more with one). */
function isKnownHeading(bag: Bag): boolean {
  return WORDING.some(
    (w) =>
      w.heads.some((h) => agreement(bag, h) >= 0.8) ||
      w.parts.some((p) => agreement(bag, p.head) >= 0.8)
  );
}

/* ---------------------------------------------------------------------------
 * Statements: found by their titles and part headings.
 * ------------------------------------------------------------------------- */

interface Opening {
  wording: StatementWordingIndex;
  page: number | null;
  isTitle: boolean;
}

function openingOf(row: Row): Opening | null {
  if (row.amounts.length) return null;
  let best: { o: Opening; score: number } | null = null;
  for (const w of WORDING) {
    for (const t of w.titles) {
      // A title may be printed with more words ("Statement of ..."): its own words must all be there.
      const score = Math.min(row.bag.recallOf(t), row.bag.precisionOf(t) + 0.25);
      if (score >= 0.8 && (!best || score > best.score))
        best = { o: { wording: w, page: null, isTitle: true }, score };
    }
    for (const p of w.parts) {
      const score = agreement(row.bag, p.head);
      if (score >= 0.8 && (!best || score > best.score))
        best = { o: { wording: w, page: p.page, isTitle: false }, score };
    }
  }
  return best?.o ?? null;
}

/* ---------------------------------------------------------------------------
 * Lines within a statement.
 * ------------------------------------------------------------------------- */

interface Heading {
  depth: number;
  rank: 0 | 1 | 2 | null;
  text: string;
  toks: string[];
  hadDeeper: boolean;
}

interface Candidate {
  line: LineWording;
  score: number;
  matched: string;
}

function scoreLine(
  line: LineWording,
  row: Row,
  context: Bag,
  subject: ReadonlySet<string>
): Candidate {
  let best = 0;
  let matched = line.variants[0]?.text ?? line.line.label;
  for (const v of line.variants) {
    if (!row.bag.meets(v.full)) continue;
    // The statement's subject may go unsaid in a line's own words, never in a heading's.
    let s = similarity(row.bag, v.full, v.head.list.length ? undefined : subject);
    if (v.head.list.length) {
      const own = similarity(row.bag, v.label, subject);
      // The heading above must say what the variant's heading says, no more and no less.
      s = Math.max(s, own * (0.55 + 0.45 * agreement(context, v.head)));
    }
    if (s > best) {
      best = s;
      matched = v.text;
    }
  }
  return { line, score: best, matched };
}

interface RowMatch {
  row: Row;
  contextText: string[];
  candidates: Candidate[];
  /** The row reads as a heading of the form as much as a line: an amount on it is not placed with confidence. */
  headingLike: number;
}

interface Segment {
  wording: StatementWordingIndex | null;
  titleRow: Row | null;
  rows: Row[];
}

function segmentsOf(rows: Row[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { wording: null, titleRow: null, rows: [] };
  const seen = new Map<StatementId, Segment>();
  for (const row of rows) {
    const o = openingOf(row);
    // A part heading ("Funds in segregated accounts") opens a statement only where none is open:
    // the dealer options statement prints the same words under its own title.
    if (o && o.wording !== current.wording && (o.isTitle || current.wording === null)) {
      if (current.rows.length || current.titleRow) segments.push(current);
      // A statement's title printed again (a continuation page) goes on with the same statement.
      const again = seen.get(o.wording.statement.id);
      current = again ?? { wording: o.wording, titleRow: o.isTitle ? row : null, rows: [] };
      if (again) segments.splice(segments.indexOf(again), 1);
      seen.set(o.wording.statement.id, current);
    }
    current.rows.push(row);
  }
  if (current.rows.length) segments.push(current);
  return segments;
}

/** Walk a statement's rows with the headings above each, scoring every amount row against every line. */
function matchRows(
  segment: Segment,
  wording: StatementWordingIndex,
  takenCodes: Set<Code>
): RowMatch[] {
  const minCol = Math.min(...segment.rows.map((r) => r.labelCol));
  let stack: Heading[] = [];
  let page: number | null = null;
  let partText: string | null = null;
  let partToks: string[] = [];
  const out: RowMatch[] = [];
  for (const row of segment.rows) {
    const o = openingOf(row);
    if (o && (o.isTitle || o.wording === wording)) {
      if (o.wording === wording && o.page !== null) page = o.page;
      if (!o.isTitle) {
        partText = row.label;
        partToks = row.bag.toks;
      }
      stack = [];
      continue;
    }
    const depth =
      (row.labelCol - minCol + Math.floor(row.leading / 2)) * 3 + (row.parts.markerRank ?? 1);
    const closes = (h: Heading) =>
      h.depth > depth ||
      (h.depth === depth &&
        (h.hadDeeper || (row.parts.markerRank !== null && row.parts.markerRank === h.rank)));
    while (stack.length && closes(stack[stack.length - 1])) stack.pop();
    for (const h of stack) if (depth > h.depth) h.hadDeeper = true;
    if (!row.amounts.length) {
      // A heading replaces the headings at its depth or deeper (flat layouts have no other cue).
      while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
      if (row.bag.toks.length)
        stack.push({
          depth,
          rank: row.parts.markerRank,
          text: row.label,
          toks: row.bag.toks,
          hadDeeper: false,
        });
      continue;
    }
    const context = new Bag(stack.length ? stack.flatMap((h) => h.toks) : partToks);
    const contextText = stack.length ? stack.map((h) => h.text) : partText ? [partText] : [];
    const lines = wording.lines.filter(
      (l) =>
        !takenCodes.has(l.code) &&
        (page === null || l.line.page === undefined || l.line.page === page)
    );
    const candidates = lines
      .map((l) => scoreLine(l, row, context, wording.subject))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 8);
    const headingLike = Math.max(0, ...wording.heads.map((h) => agreement(row.bag, h)));
    out.push({ row, contextText, candidates, headingLike });
  }
  return out;
}

/** How sure a choice is: its score, cut when another line scores nearly as well. */
function confidenceOf(best: number, runnerUp: number, headingLike: number): number {
  const margin = best - Math.max(runnerUp, headingLike - 0.05);
  const factor = Math.max(0.4, Math.min(1, margin / 0.12));
  return Math.round(best * factor * 100) / 100;
}

interface Assignment {
  match: RowMatch;
  candidate: Candidate;
  confidence: number;
  col: number;
}

/**
 * The total the form prints beside a part, in the main column of the part's row (7047 → 7050,
 * 7520 → 7530): the form prints a total there only beside its last part.
 */
function totalOf(code: Code, wording: StatementWordingIndex): LineWording | null {
  const users = usersOf(code).filter((u) => u.statement === wording.statement.id);
  const terms = users[0]?.formula?.terms;
  if (!terms || terms[terms.length - 1].code !== code) return null;
  return wording.lines.find((l) => l.code === users[0].code) ?? null;
}

/**
 * Rows with more figures than the form prints on them (another period, a reference) before a
 * statement is read as holding several columns of figures: then none of its rows is bound.
 */
const EXTRA_FIGURE_ROWS = 3;

function assign(
  matches: RowMatch[],
  wording: StatementWordingIndex,
  mainCol: number,
  takenCells: Set<string>
): Assignment[] {
  const confidenceAs = (m: RowMatch, c: Candidate) =>
    confidenceOf(
      c.score,
      m.candidates.find((x) => x.line.code !== c.line.code)?.score ?? 0,
      m.headingLike
    );
  // 1. Anchors: the rows whose words leave no doubt, best first, each code once.
  const pairs = matches.flatMap((m) =>
    m.candidates.slice(0, 6).map((c) => ({ m, c, confidence: confidenceAs(m, c) }))
  );
  pairs.sort((a, b) => b.c.score - a.c.score || a.m.row.row - b.m.row.row);
  const usedCodes = new Set<Code>();
  const chosen = new Map<RowMatch, { c: Candidate; confidence: number }>();
  for (const p of pairs) {
    if (chosen.has(p.m) || usedCodes.has(p.c.line.code) || p.confidence < CONFIDENT) continue;
    chosen.set(p.m, { c: p.c, confidence: p.confidence });
    usedCodes.add(p.c.line.code);
  }
  // 2. The rest in print order: a line the form prints between the anchors above and below
  // is the row's when its words fit nearly as well as anything else and no other such line does.
  const anchors = matches
    .filter((m) => chosen.has(m))
    .map((m) => ({ row: m.row.row, index: chosen.get(m)!.c.line.index }));
  for (const m of matches) {
    if (chosen.has(m)) continue;
    const free = m.candidates.filter((c) => !usedCodes.has(c.line.code) && c.score >= PROPOSE);
    if (!free.length) continue;
    const above = anchors.filter((a) => a.row < m.row.row).at(-1)?.index ?? -1;
    const below = anchors.find((a) => a.row > m.row.row)?.index ?? Infinity;
    const fitting = free.filter(
      (c) => c.line.index > above && c.line.index < below && c.score >= free[0].score - 0.15
    );
    let pick = free[0];
    let confidence = confidenceAs(m, pick);
    if (fitting.length) {
      pick = fitting[0];
      const rival = fitting.find((c) => c !== pick && c.score >= pick.score - 0.15);
      // The only line the form prints here that the words fit: the order confirms it.
      confidence =
        rival || pick.score < 0.6
          ? confidenceAs(m, pick)
          : Math.max(
              confidenceAs(m, pick),
              Math.round(Math.min(0.9, pick.score + 0.1) * 100) / 100
            );
    }
    if (confidence < PROPOSE) continue;
    chosen.set(m, { c: pick, confidence });
    usedCodes.add(pick.line.code);
  }
  const out: Assignment[] = [];
  let extraFigureRows = 0;
  for (const m of matches) {
    const got = chosen.get(m);
    if (!got) continue;
    const { c, confidence } = got;
    const cols = m.row.amounts.filter((col) => !takenCells.has(`${m.row.row}:${col}`));
    if (!cols.length) continue;
    const main = cols[cols.length - 1];
    if (cols.length === 1) {
      out.push({ match: m, candidate: c, confidence, col: main });
      continue;
    }
    const total = c.line.line.kind === "derived" ? null : totalOf(c.line.code, wording);
    if (cols.length === 2 && main === mainCol && total && !usedCodes.has(total.code)) {
      // Two figures on one printed line: the part in the inner column, its total in the main one.
      usedCodes.add(total.code);
      out.push({ match: m, candidate: c, confidence, col: cols[0] });
      out.push({
        match: m,
        candidate: { line: total, score: c.score, matched: c.matched },
        confidence,
        col: main,
      });
    } else {
      // More figures than the form prints on this line: which one is the line's is a guess. Left unmatched.
      extraFigureRows++;
    }
  }
  return extraFigureRows >= EXTRA_FIGURE_ROWS ? [] : out;
}

/** The column most amount rows end in: the statement's main amount column. */
function mainColumnOf(rows: Row[]): number {
  const counts = new Map<number, number>();
  for (const r of rows)
    if (r.amounts.length)
      counts.set(
        r.amounts[r.amounts.length - 1],
        (counts.get(r.amounts[r.amounts.length - 1]) ?? 0) + 1
      );
  let best = 0;
  let n = -1;
  for (const [col, c] of counts) if (c > n || (c === n && col > best)) [best, n] = [col, c];
  return best;
}

/**
 * Propose a line code for every amount cell of a sheet from the words beside it:
 * statements found by their titles and part headings, each row read with the
 * headings above it, each code at most once in a statement, headings never bound.
 */
export function scanLabels(
  sheet: string,
  cells: LabelCell[],
  opts: LabelScanOptions = {}
): LabelScan {
  const ignore = new Set((opts.ignore ?? []).map((c) => `${c.row}:${c.col}`));
  // Column headings: their rows, other periods' figures and reference numbers are not read.
  const roles = columnRoles(cells.filter((c) => !ignore.has(`${c.row}:${c.col}`)));
  for (const key of [...roles.headingCells, ...roles.skip]) ignore.add(key);
  const takenCodes = new Set((opts.taken ?? []).map((t) => t.code));
  const takenCells = new Set(
    (opts.taken ?? []).filter((t) => t.row !== undefined).map((t) => `${t.row}:${t.col}`)
  );
  const rows = rowsOf(cells, ignore);

  const statements: FoundStatement[] = [];
  const proposals: LabelProposal[] = [];
  const placed = new Set<string>();
  for (const segment of segmentsOf(rows)) {
    if (!segment.rows.some((r) => r.amounts.length)) continue;
    const mainCol = mainColumnOf(segment.rows);
    // Without a title, the statement whose lines the rows name best.
    const options = segment.wording ? [segment.wording] : WORDING;
    let best: { wording: StatementWordingIndex; got: Assignment[]; total: number } | null = null;
    for (const w of options) {
      const got = assign(matchRows(segment, w, takenCodes), w, mainCol, takenCells);
      const total = got.reduce((n, a) => n + a.confidence, 0);
      if (!best || total > best.total) best = { wording: w, got, total };
    }
    if (!best || (!segment.wording && best.total < CONFIDENT * 2)) continue;
    const rowsIn = segment.rows.map((r) => r.row);
    statements.push({
      statement: best.wording.statement.id,
      titleRow: segment.titleRow?.row ?? null,
      title: segment.titleRow?.label ?? null,
      firstRow: Math.min(...rowsIn),
      lastRow: Math.max(...rowsIn),
    });
    for (const a of best.got) {
      if (a.confidence < PROPOSE) continue;
      const address = toA1({ row: a.match.row.row, col: a.col });
      placed.add(`${a.match.row.row}:${a.col}`);
      takenCodes.add(a.candidate.line.code);
      proposals.push({
        code: a.candidate.line.code,
        statement: best.wording.statement.id,
        cell: cellLabel(sheet, address),
        address,
        row: a.match.row.row,
        col: a.col,
        label: a.match.row.label.trim(),
        context: a.match.contextText,
        matched: a.candidate.matched,
        confidence: a.confidence,
        confident: a.confidence >= CONFIDENT,
        source: "label",
      });
    }
  }

  const unmatched: UnmatchedRow[] = [];
  for (const r of rows) {
    for (const col of r.amounts) {
      const key = `${r.row}:${col}`;
      if (placed.has(key) || takenCells.has(key)) continue;
      const address = toA1({ row: r.row, col });
      unmatched.push({
        cell: cellLabel(sheet, address),
        address,
        row: r.row,
        col,
        text: r.label.trim(),
      });
    }
  }
  const first = roles.current[0];
  const period = first ? { text: first.text, cell: cellLabel(sheet, toA1(first)) } : null;
  return { sheet, statements, proposals, unmatched, unit: unitOf(sheet, cells), period };
}

function unitOf(sheet: string, cells: LabelCell[]): UnitProposal | null {
  const texts = cells
    .filter((c) => c.content.value?.type === "text")
    .sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of texts) {
    const text = (c.content.value as { text: string }).text;
    const unit = unitInText(text);
    if (unit) return { unit, text: text.trim(), cell: cellLabel(sheet, toA1(c)) };
  }
  return null;
}
