import { toA1 } from "../grid";
import {
  readAmount,
  BLANK,
  cellLabel,
  type CellContent,
  checkScope,
  sortFindings,
  type BoundLine,
  type ScopeReport,
  Dec,
  grouped,
  finding,
  type Finding,
  type FirmFacts,
  lineIndex,
  lineOf,
  type ChangeThresholds,
  dateInText,
  readAsOf,
  firmInHeading,
  HEADING_AREA,
  type Period,
  reviewScopes,
  type ReviewOutcome,
  canonicalValue,
  type BoundValue,
} from "../engine";
import { planScopes, type Binding, type ScopePlan, type Setting } from "./bindings";
import { parseReviewSheet, REVIEW_SHEET, type ReviewRecord } from "./review-sheet";
import {
  rangeKey,
  type RangeRead,
  type RangeRef,
  type WorkbookReader,
  type WorkbookStructure,
} from "./port";

export interface ValidateOptions {
  /** Where a scope without FOCUS_ASOF or a dated sheet name may find its date (the CLI passes the file name). */
  dateHint?: string;
  /** Thresholds for the day-over-day comparison. */
  thresholds?: ChangeThresholds;
  /** Find codes by the printed layout on sheets that have no FOCUS_ names. */
  detect?: boolean;
  /** Called as scopes are checked, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The batch's reads, each binding resolved against them once: the check, the period and
 * the sign-off's values all look at the same bindings (a year of daily sheets binds tens
 * of thousands of cells, and each lookup builds a key and a label).
 */
class BoundReads {
  private readonly resolved = new Map<Binding, Resolved>();
  private readonly reads: Map<string, RangeRead>;
  /** Each bound range's key, as built when the batch was gathered: built once, not again per lookup. */
  private readonly keys: ReadonlyMap<RangeRef, string>;

  constructor(reads: Map<string, RangeRead>, keys: ReadonlyMap<RangeRef, string>) {
    this.reads = reads;
    this.keys = keys;
  }

  get(ref: RangeRef): RangeRead | undefined {
    return this.reads.get(this.keys.get(ref) ?? rangeKey(ref));
  }

  resolve(b: Binding): Resolved {
    let r = this.resolved.get(b);
    if (!r) {
      r = resolveBinding(b, this);
      this.resolved.set(b, r);
    }
    return r;
  }
}

/** Every line bound in a scope and what bound it; the rows --detect left for binding by hand. */
export interface ScopeBindings {
  scope: string;
  bindings: {
    code: string;
    cell: string | null;
    source: "name" | "code" | "label";
    label: string | null;
    confidence: number | null;
  }[];
  unmatched: { cell: string; text: string }[];
  /** The unit --detect read from the sheet's print and used, when it did. */
  printedUnit: { unit: string; text: string; cell: string } | null;
  /** The period --detect read where the sheet prints periods side by side (its heading), else null. */
  period: { text: string; cell: string } | null;
}

export interface WorkbookReport {
  scopes: ScopeReport[];
  /** Per scope (same names as `scopes`): its bindings and what found them. */
  bindings?: ScopeBindings[];
  calculation: "automatic" | "manual";
  /** Each scope's entity and as-of date. */
  periods: Period[];
  /** Every binding's target and value, as the sign-off hashes them. */
  bound: BoundValue[];
  /** The review record as read from the workbook. */
  record: ReviewRecord;
  /** Periods in order, day-over-day comparisons, changes since the last sign-off. */
  review: ReviewOutcome;
}

const ALLOWED_UNITS = ["1", "1000", "1000000"];

/** Validate a whole workbook: one read of its structure, one batched read of every bound cell. */
export async function validateWorkbook(
  reader: WorkbookReader,
  opts: ValidateOptions = {}
): Promise<WorkbookReport> {
  const structure = await reader.structure();
  const plans = planScopes(structure.sheets, structure.names);
  if (opts.detect) plans.push(...(await detectedPlans(reader, structure, plans)));
  sortBySheetOrder(plans, structure);

  const bindings = plans.map(bindingsOf);
  const reads = await readBound(reader, plans, (plan) => [
    ...plan.codes.values(),
    ...plan.settings.values(),
  ]);

  const scopes: ScopeReport[] = [];
  const periods: Period[] = [];
  const bound: BoundValue[] = [];
  plans.forEach((plan, i) => {
    const report = checkPlan(plan, reads);
    scopes.push(report);
    periods.push(periodOf(plan, reads, report.findings, opts.dateHint));
    bound.push(...boundValues(plan, reads));
    opts.onProgress?.(i + 1, plans.length);
  });
  if (scopes.length === 0) {
    const hint = opts.detect ? "" : " (or try layout detection, --detect)";
    scopes.push(
      emptyScope([
        finding("no-bindings", {
          message: `no cell is bound to a FOCUS line: define names FOCUS_<code>, e.g. FOCUS_7010${hint}`,
        }),
      ])
    );
  }
  if (structure.calculation === "manual") {
    const first = scopes[0];
    first.findings = sortFindings([
      ...first.findings,
      finding("manual-calculation", {
        message:
          "the workbook was saved with manual calculation: cached results may be stale (press F9 in Excel and save)",
      }),
    ]);
  }
  const record = recordOf(structure);
  const review = reviewScopes({ scopes, periods, bound, record, thresholds: opts.thresholds });
  return { scopes, bindings, calculation: structure.calculation, periods, bound, record, review };
}

/** The review record as the workbook holds it; unreadable when the adapter could not read its sheet. */
function recordOf(structure: WorkbookStructure): ReviewRecord {
  const parsed = parseReviewSheet(structure.review);
  return structure.reviewProblem
    ? { ...parsed, problems: [...parsed.problems, structure.reviewProblem], unreadable: true }
    : parsed;
}

/** What an acknowledgement records about its scope, read without checking the workbook. */
export interface ScopeFacts {
  /** The review record, to append to. */
  record: ReviewRecord;
  /** Whether Validate would check this scope (a sheet with FOCUS_ names, or the workbook). */
  checked: boolean;
  /** The scope's entity and as-of date, as Validate finds them; null when it is not checked. */
  period: Period | null;
}

/**
 * One scope's record and period, as validateWorkbook finds them (without layout detection),
 * reading the names, the record and only that scope's settings and heading: acknowledging
 * one finding on a year of daily sheets does not read every bound cell of every sheet again.
 */
export async function scopeFacts(
  reader: WorkbookReader,
  scope: string,
  opts: Pick<ValidateOptions, "dateHint"> = {}
): Promise<ScopeFacts> {
  const structure = await reader.structure();
  const record = recordOf(structure);
  const plans = planScopes(structure.sheets, structure.names);
  const plan = plans.find((p) => p.scope === scope);
  // With no FOCUS_ name at all, Validate reports one scope, "workbook", with nothing bound.
  if (!plan) return { record, checked: plans.length === 0 && scope === "workbook", period: null };
  const reads = await readBound(reader, [plan], (p) => p.settings.values());
  return { record, checked: true, period: periodOf(plan, reads, [], opts.dateHint) };
}

/**
 * One batched read of the plans' bindings that `bound` picks, each range's key kept for the
 * lookups, and of each scope sheet's heading where no FOCUS_ENTITY names the firm.
 */
async function readBound(
  reader: WorkbookReader,
  plans: ScopePlan[],
  bound: (plan: ScopePlan) => Iterable<Binding>
): Promise<BoundReads> {
  const refs = new Map<string, RangeRef>();
  const keys = new Map<RangeRef, string>();
  for (const plan of plans) {
    for (const b of bound(plan)) {
      if (b.target.kind !== "range") continue;
      const key = rangeKey(b.target);
      keys.set(b.target, key);
      refs.set(key, { sheet: b.target.sheet, address: b.target.address });
    }
    // Without FOCUS_ENTITY, the firm is read from the sheet's heading, in the same batch.
    const sheet = headingSheet(plan);
    if (sheet) {
      const heading: RangeRef = { sheet, address: HEADING_AREA, cells: true };
      refs.set(rangeKey(heading), heading);
    }
  }
  return new BoundReads(
    refs.size ? await reader.readRanges([...refs.values()]) : new Map<string, RangeRead>(),
    keys
  );
}

function bindingsOf(plan: ScopePlan): ScopeBindings {
  const bindings: ScopeBindings["bindings"] = [];
  for (const [code, b] of plan.codes) {
    const t = b.target;
    const found = plan.found?.get(code);
    bindings.push({
      code,
      cell: t.kind === "range" ? rangeLabel(t) : null,
      source: found?.source ?? "name",
      label: found?.label ?? null,
      confidence: found?.confidence ?? null,
    });
  }
  bindings.sort((a, b) => lineIndex(a.code) - lineIndex(b.code));
  return {
    scope: plan.scope,
    bindings,
    unmatched: plan.unmatched ?? [],
    printedUnit: plan.printedUnit ?? null,
    period: plan.period ?? null,
  };
}

/** The sheet whose heading names the scope's firm: the scope's sheet, or the one sheet a workbook scope's cells are on. */
function headingSheet(plan: ScopePlan): string | null {
  if (plan.settings.has("ENTITY")) return null;
  if (plan.sheet) return plan.sheet;
  const sheets = new Set<string>();
  for (const b of plan.codes.values()) if (b.target.kind === "range") sheets.add(b.target.sheet);
  return sheets.size === 1 ? [...sheets][0] : null;
}

/**
 * The scope's entity and as-of date: FOCUS_ENTITY, else the firm's name printed at the
 * sheet's top; FOCUS_ASOF, else a date in the sheet name (or the hint).
 */
function periodOf(
  plan: ScopePlan,
  reads: BoundReads,
  findings: Finding[],
  dateHint?: string
): Period {
  const who = entityOf(plan, reads);
  const a = plan.settings.get("ASOF");
  if (a) {
    const r = reads.resolve(a);
    const read = "problem" in r ? { problem: r.problem } : readAsOf(r.content);
    if ("date" in read) return { scope: plan.scope, ...who, asOf: read.date, source: "FOCUS_ASOF" };
    if ("problem" in read)
      findings.push(
        finding("bad-input", {
          cell: r.cell,
          message: `${a.name} ${read.problem}; the date is taken from the sheet name if it has one`,
        })
      );
  }
  const fromName =
    (plan.sheet ? dateInText(plan.sheet) : null) ?? (dateHint ? dateInText(dateHint) : null);
  return { scope: plan.scope, ...who, asOf: fromName, source: fromName ? "sheet name" : null };
}

function entityOf(
  plan: ScopePlan,
  reads: BoundReads
): Pick<Period, "entity" | "entitySource" | "entityCell"> {
  const e = plan.settings.get("ENTITY");
  if (e) {
    const r = reads.resolve(e);
    const v = "problem" in r ? null : r.content.value;
    const entity =
      v?.type === "text" && v.text.trim()
        ? v.text.trim()
        : v?.type === "number"
          ? String(v.value)
          : null;
    return {
      entity,
      entitySource: entity ? "FOCUS_ENTITY" : null,
      entityCell: entity ? r.cell : null,
    };
  }
  const sheet = headingSheet(plan);
  const cells = sheet ? reads.get({ sheet, address: HEADING_AREA, cells: true })?.cells : undefined;
  const firm = cells ? firmInHeading(cells) : null;
  if (!firm || !sheet) return { entity: null, entitySource: null, entityCell: null };
  return {
    entity: firm.name,
    entitySource: "sheet heading",
    entityCell: cellLabel(sheet, toA1({ row: firm.row, col: firm.col })),
  };
}

/** What the sign-off hashes: every FOCUS_ name's target and the value there. */
function boundValues(plan: ScopePlan, reads: BoundReads): BoundValue[] {
  const out: BoundValue[] = [];
  const add = (b: Binding) => {
    const t = b.target;
    if (t.kind !== "range") {
      const target = t.kind === "constant" ? `=${t.value}` : `(${t.reason})`;
      out.push({
        scope: plan.scope,
        name: b.name,
        level: b.level,
        target,
        value: canonicalValue(t.kind === "constant" ? constantContent(t.value) : null),
      });
      return;
    }
    // The label and the read as resolving found them; a range's own label when it covers more than one cell.
    const r = reads.resolve(b);
    const target = t.address.includes(":") || r.cell === null ? rangeLabel(t) : r.cell;
    out.push({
      scope: plan.scope,
      name: b.name,
      level: b.level,
      target,
      value: canonicalValue(r.read?.content ?? BLANK),
    });
  };
  plan.codes.forEach(add);
  plan.settings.forEach(add);
  return out;
}

function emptyScope(findings: Finding[]): ScopeReport {
  return {
    scope: "workbook",
    unit: new Dec(1),
    tolerance: new Dec(0),
    lines: [],
    summaries: [],
    findings,
  };
}

function sortBySheetOrder(plans: ScopePlan[], structure: WorkbookStructure): void {
  const order = new Map(structure.sheets.map((s, i) => [s.name, i]));
  plans.sort(
    (a, b) =>
      (a.sheet === null ? -1 : (order.get(a.sheet) ?? 0)) -
      (b.sheet === null ? -1 : (order.get(b.sheet) ?? 0))
  );
}

/**
 * Scopes found on worksheets that no FOCUS_ name touches: by printed code cells first,
 * then by the words on the rows (src/workbook/scan.ts). Only confident label matches bind;
 * the rest are listed as unmatched for binding by hand.
 */
async function detectedPlans(
  reader: WorkbookReader,
  structure: WorkbookStructure,
  named: ScopePlan[]
): Promise<ScopePlan[]> {
  const touched = new Set<string>();
  for (const p of named) {
    if (p.sheet) touched.add(p.sheet.toLowerCase());
    for (const b of p.codes.values())
      if (b.target.kind === "range") touched.add(b.target.sheet.toLowerCase());
  }
  const workbookSettings = named.find((p) => p.sheet === null)?.settings ?? new Map();
  // Loaded only when detecting: the label matcher and its wording stay out of the pane's first load.
  const { scanGrid } = await import("./scan");
  const out: ScopePlan[] = [];
  for (const sheet of structure.sheets) {
    if (!sheet.isWorksheet || touched.has(sheet.name.toLowerCase()) || sheet.name === REVIEW_SHEET)
      continue;
    const scan = scanGrid(sheet.name, await reader.readGrid(sheet.name, "labels"));
    // A sheet whose statement was recognised stays a scope even with nothing bound: its rows are listed.
    if (!scan.proposals.length && !scan.duplicates.length && !scan.statements.length) continue;
    const plan: ScopePlan = {
      scope: sheet.name,
      sheet: sheet.name,
      codes: new Map(),
      settings: new Map(workbookSettings),
      findings: [],
      found: new Map(),
      unmatched: [],
    };
    for (const d of scan.duplicates) {
      plan.findings.push(
        finding("duplicate", {
          code: d.code,
          statement: lineOf(d.code)?.statement ?? null,
          cell: d.cells[0],
          message: `code ${d.code} appears ${d.cells.length} times on sheet ${sheet.name} (amounts at ${d.addresses.join(", ")}): neither is used`,
        })
      );
    }
    for (const p of scan.proposals) {
      if (!p.confident) continue;
      const name = p.source === "code" ? `(layout) ${p.code}` : `(label) ${p.code}`;
      plan.codes.set(p.code, {
        name,
        level: "sheet",
        target: { kind: "range", sheet: sheet.name, address: p.address, single: true },
      });
      plan.found!.set(p.code, { source: p.source, label: p.label, confidence: p.confidence });
    }
    const placed = new Set(scan.proposals.filter((p) => p.confident).map((p) => p.cell));
    const left = [
      ...scan.unmatched,
      ...scan.proposals
        .filter((p) => !p.confident)
        .map((p) => ({ cell: p.cell, row: p.row, col: p.col, text: p.label ?? "" })),
    ];
    left.sort((a, b) => a.row - b.row || a.col - b.col);
    plan.unmatched = left
      .filter((u) => !placed.has(u.cell))
      .map((u) => ({ cell: u.cell, text: u.text }));
    if (scan.period) plan.period = scan.period;
    if (!plan.codes.size)
      plan.findings.push(
        finding("no-bindings", {
          message: `sheet ${sheet.name} prints ${scan.statements.length === 1 ? "a statement" : "statements"} but no line on it could be bound with confidence: its ${plan.unmatched.length} amounts are listed as unmatched, for binding by hand`,
        })
      );
    if (scan.unit && !plan.settings.has("UNIT")) {
      plan.settings.set("UNIT", {
        name: "(label) UNIT",
        level: "sheet",
        target: { kind: "constant", value: scan.unit.unit },
      });
      plan.printedUnit = scan.unit;
    }
    out.push(plan);
  }
  return out;
}

/** Resolve one plan's bindings to cell contents and check it. */
function checkPlan(plan: ScopePlan, reads: BoundReads): ScopeReport {
  const findings: Finding[] = [...plan.findings];
  const unit = readSetting(
    plan,
    "UNIT",
    reads,
    findings,
    (d) => ALLOWED_UNITS.includes(d.toFixed()),
    "1, 1000 or 1000000"
  );
  const tolerance = readSetting(
    plan,
    "TOLERANCE",
    reads,
    findings,
    (d) => !d.isNegative(),
    "a number not below zero"
  );
  const lines: BoundLine[] = [];
  for (const [code, b] of plan.codes) {
    const resolved = reads.resolve(b);
    const at = { code, statement: lineOf(code)?.statement ?? null, cell: resolved.cell };
    if ("problem" in resolved) {
      findings.push(finding("bad-input", { ...at, message: `${b.name} ${resolved.problem}` }));
      continue;
    }
    lines.push({
      code,
      cell: resolved.cell,
      sheet: resolved.sheet,
      address: resolved.address,
      content: resolved.content,
    });
  }
  const firm: FirmFacts = {
    nfaMarginBased: readYesNo(plan, "NFA_MARGIN_BASED", reads, findings),
    brokerDealer: readYesNo(plan, "BROKER_DEALER", reads, findings),
  };
  const report = checkScope({
    scope: plan.scope,
    unit: unit ?? undefined,
    tolerance: tolerance ?? undefined,
    lines,
    firm,
  });
  report.findings = sortFindings([...findings, ...report.findings]);
  return report;
}

/** A binding's cell and content, or why it cannot be used; `read` is the range's read as the batch returned it. */
type Resolved =
  | {
      cell: string | null;
      sheet?: string;
      address?: string;
      content: CellContent;
      read?: RangeRead;
    }
  | { cell: string | null; problem: string; read?: RangeRead };

/** A name defined as a constant: a number, or TRUE / FALSE. */
function constantContent(value: string): CellContent {
  if (value === "TRUE" || value === "FALSE")
    return { value: { type: "boolean", value: value === "TRUE" } };
  return { value: { type: "number", value: Number(value) } };
}

/**
 * A bound range's label ('Day 1'!E7), made once per binding: the binding list, the check and
 * the sign-off's values all print it.
 */
const rangeLabels = new WeakMap<RangeRef, string>();

function rangeLabel(t: RangeRef): string {
  let label = rangeLabels.get(t);
  if (label === undefined) rangeLabels.set(t, (label = cellLabel(t.sheet, t.address)));
  return label;
}

function resolveBinding(b: Binding, reads: BoundReads): Resolved {
  const t = b.target;
  if (t.kind === "bad") return { cell: null, problem: t.reason };
  if (t.kind === "constant") return { cell: null, content: constantContent(t.value) };
  const first = t.address.includes(":") ? t.address.split(":")[0] : t.address;
  const cell = first === t.address ? rangeLabel(t) : cellLabel(t.sheet, first);
  const read = reads.get(t);
  if (!read) return { cell, sheet: t.sheet, address: t.address, content: BLANK };
  if (!t.single && !read.isMergedArea) {
    const unchecked = read.mergesUnchecked
      ? " (in Excel on Windows the add-in does not check for merged cells while validating: that check would clear your undo history)"
      : "";
    return {
      cell: rangeLabel(t),
      problem: `covers ${read.cellCount} cells (${t.address}); bind a single cell${unchecked}`,
      read,
    };
  }
  if (read.insideMergeOf)
    return {
      cell,
      problem: `points inside the merged area ${read.insideMergeOf}, whose value sits in its top-left cell`,
      read,
    };
  return { cell, sheet: t.sheet, address: first, content: read.content, read };
}

/** A TRUE / FALSE setting (a boolean, 1 or 0, or the words TRUE, FALSE, YES, NO); null when not bound or blank. */
function readYesNo(
  plan: ScopePlan,
  key: Setting,
  reads: BoundReads,
  findings: Finding[]
): boolean | null {
  const b = plan.settings.get(key);
  if (!b) return null;
  const r = reads.resolve(b);
  if ("problem" in r) {
    findings.push(
      finding("bad-input", {
        cell: r.cell,
        message: `${b.name} ${r.problem}; it is treated as not bound`,
      })
    );
    return null;
  }
  const v = r.content.value;
  if (v === null || v.type === "blank") return null;
  if (v.type === "boolean") return v.value;
  if (v.type === "number" && (v.value === 0 || v.value === 1)) return v.value === 1;
  if (v.type === "text") {
    const word = v.text.trim().toUpperCase();
    if (word === "") return null;
    if (word === "TRUE" || word === "YES" || word === "Y") return true;
    if (word === "FALSE" || word === "NO" || word === "N") return false;
  }
  const shown =
    v.type === "text" ? `"${v.text.slice(0, 40)}"` : v.type === "error" ? v.error : String(v.value);
  findings.push(
    finding("bad-input", {
      cell: r.cell,
      message: `${b.name} must hold TRUE or FALSE, not ${shown}; it is treated as not bound`,
    })
  );
  return null;
}

function readSetting(
  plan: ScopePlan,
  key: Setting,
  reads: BoundReads,
  findings: Finding[],
  valid: (d: Dec) => boolean,
  expected: string
): Dec | null {
  const b = plan.settings.get(key);
  if (!b) return null;
  const r = reads.resolve(b);
  if ("problem" in r) {
    findings.push(
      finding("bad-input", { cell: r.cell, message: `${b.name} ${r.problem}; the default is used` })
    );
    return null;
  }
  const read = readAmount(r.content);
  if (read.status === "blank") return null;
  if (read.status === "number" && valid(read.value)) return read.value;
  const shown = read.status === "number" ? grouped(read.value) : read.reason;
  findings.push(
    finding("bad-input", {
      cell: r.cell,
      message: `${b.name} must hold ${expected}, not ${shown}; the default is used`,
    })
  );
  return null;
}
