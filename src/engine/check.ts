import { readAmount, truncate, type AmountRead } from "./amount";
import type { CellContent } from "./cell";
import { CodeTable } from "./code-table";
import { Dec, grouped, ONE, startSum, within, ZERO } from "./decimal";
import { Evaluator, toleranceFor } from "./evaluate";
import { finding, severityRank, type Finding } from "./findings";
import { UNKNOWN_FIRM, type FirmFacts } from "./firm";
import { indexedLine, INDEXED_STATEMENTS, type IndexedCrossCheck, type IndexedStatement, type IndexedTerm } from "./indexed";
import { lineAt, lineIndex, lineOf, statementOrder, type RegisteredLine } from "./lines";
import { pluggedTotal } from "./plugged";
import { INFERRED, STATEMENTS } from "./statements";
import type { Code, LineDef, StatementDef, StatementId, Term } from "./types";

/** One bound line as the adapter found it. */
export interface BoundLine {
  code: Code;
  /** 'Sheet'!B31, or null for a name that holds a constant. */
  cell: string | null;
  /** Sheet and A1 address, for following formulas (plugged-total). */
  sheet?: string;
  address?: string;
  content: CellContent;
}

export interface ScopeInput {
  scope: string;
  /** Dollars per keyed unit: 1, 1000 or 1000000. */
  unit?: Dec;
  /** Rounding tolerance, in the unit. */
  tolerance?: Dec;
  lines: BoundLine[];
  /** FOCUS_NFA_MARGIN_BASED and FOCUS_BROKER_DEALER, where bound. */
  firm?: FirmFacts;
}

export interface LineResult {
  code: Code;
  statement: StatementId;
  bound: boolean;
  cell: string | null;
  /** The keyed number (null when unbound, blank or unreadable). */
  reported: Dec | null;
  /** A derived line's value from its parts. */
  computed: Dec | null;
  /** What the summaries and later totals use: reported where readable, else computed. */
  value: Dec | null;
  text?: string;
}

export type StatementStatus = "ok" | "below-target" | "deficient" | "not-bound";

export interface StatementSummary {
  statement: StatementId;
  excess: Dec | null;
  /** Segregation: the management target amount. Capital: the early-warning level. */
  target: Dec | null;
  /** Segregation: excess over (under) the target. Capital: net capital over the early-warning level. */
  overTarget: Dec | null;
  status: StatementStatus;
  /** The rule that requires a notice, when status is not ok. */
  rule: string | null;
}

export interface ScopeReport {
  scope: string;
  unit: Dec;
  tolerance: Dec;
  lines: LineResult[];
  summaries: StatementSummary[];
  findings: Finding[];
  /** What the scope said about the firm (absent in reports built before it was read). */
  firm?: FirmFacts;
}

/** Check one scope: read every bound amount, test every local identity, raise the flags. */
export function checkScope(input: ScopeInput): ScopeReport {
  const unit = input.unit ?? ONE;
  const tolerance = input.tolerance ?? ZERO;
  const findings: Finding[] = [];
  // Per-scope tables by line position: the walks below go over INDEXED_STATEMENTS and
  // read them by position, where hashing each code again at every step cost more than the walk.
  const bound = new CodeTable<BoundLine>();
  const reads = new CodeTable<AmountRead>();
  const texts = new CodeTable<string>();
  // The statements with a bound line, gathered here once rather than by scanning
  // every statement's lines (three times a call, formerly the largest single cost).
  const used = new Set<StatementId>();

  for (const b of input.lines) {
    const at = lineIndex(b.code);
    if (at < 0) continue;
    const line = lineAt(at);
    bound.setAt(at, b);
    used.add(line.statement);
    if (line.kind === "text") {
      const v = b.content.value;
      texts.setAt(at, v && v.type !== "blank" && v.type !== "error" ? String("text" in v ? v.text : v.value) : "");
      continue;
    }
    const read = readAmount(b.content);
    reads.setAt(at, read);
    if (read.status === "bad") {
      findings.push(finding("bad-input", { code: b.code, statement: line.statement, cell: b.cell, message: `${describe(line)} at ${b.cell ?? "its name"}: ${read.reason}` }));
    } else if (read.status === "number" && read.fromText) {
      findings.push(finding("stored-as-text", { code: b.code, statement: line.statement, cell: b.cell, reported: read.value, message: `${describe(line)}: "${truncate(read.text ?? "")}" is stored as text; read as ${grouped(read.value)}` }));
    }
  }
  const valued = statementsWithValues(bound, reads, texts);

  const firm = input.firm ?? UNKNOWN_FIRM;
  const ev = new Evaluator(reads, unit, { nfaMarginBased: firm.nfaMarginBased === true });
  for (const st of INDEXED_STATEMENTS) {
    if (!used.has(st.def.id)) continue;
    const hasAnyValue = valued.has(st.def.id);
    for (const { line, at } of st.lines) {
      const b = bound.at(at);
      if (!b || line.kind === "text") continue;
      if (line.kind === "derived") {
        const f = checkDerived(line, at, b, ev, tolerance);
        if (f) findings.push(f);
      } else if (hasAnyValue && reads.at(at)?.status === "blank") {
        findings.push(finding("missing", { code: line.code, statement: line.statement, cell: b.cell, message: `${describe(line)} is blank (counted as zero)` }));
      }
    }
    for (const cc of st.crossChecks) {
      const f = crossCheck(cc, st, ev, bound, tolerance);
      if (f) findings.push(f);
    }
  }
  const summaries = STATEMENTS.map((st) => summarise(st, used, ev, bound, findings));
  if (used.has("cftc-capital")) marginBasedAssumption(firm, ev, findings);
  pluggedTotals(bound, ev, findings);
  return {
    scope: input.scope,
    unit,
    tolerance,
    lines: lineResults(used, bound, ev, texts),
    summaries,
    findings: sortFindings(findings),
    firm,
  };
}

/**
 * Reg 1.12(b)(3) takes 110% of the NFA requirement instead of 150% when it is
 * margin-based and at least the risk-based amount. When the workbook does not say
 * (FOCUS_NFA_MARGIN_BASED) and the choice would matter, say which was taken.
 */
function marginBasedAssumption(firm: FirmFacts, ev: Evaluator, findings: Finding[]): void {
  if (firm.nfaMarginBased !== null) return;
  const nfa = ev.value("7475");
  const riskBased = ev.value(INFERRED.capRiskBased);
  if (!nfa.hasSource || nfa.bad || !nfa.value.isPositive() || nfa.value.isZero() || nfa.value.lt(riskBased.value)) return;
  findings.push(finding("assumption", {
    code: INFERRED.capEarlyWarning,
    statement: "cftc-capital",
    message: "FOCUS_NFA_MARGIN_BASED is not bound: the early-warning level takes 150% of the NFA requirement (7475), as for one that is not margin-based. "
      + "Were it margin-based, Reg 1.12(b)(3) would take 110%, since it is at least the risk-based amount. Bind FOCUS_NFA_MARGIN_BASED to TRUE or FALSE to say which.",
  }));
}

/** Statements with some bound line keyed (a number, or a depository's name): only those report blanks as missing. */
function statementsWithValues(bound: CodeTable<BoundLine>, reads: CodeTable<AmountRead>, texts: CodeTable<string>): Set<StatementId> {
  const out = new Set<StatementId>();
  for (const at of bound.positions()) {
    if (reads.at(at)?.status === "number" || (texts.at(at) ?? "") !== "") out.add(lineAt(at).statement);
  }
  return out;
}

export function describe(line: LineDef): string {
  return `line ${line.line} (${line.code}) ${line.label}`;
}

function checkDerived(line: RegisteredLine, pos: number, b: BoundLine, ev: Evaluator, declared: Dec): Finding | null {
  const read = ev.readAt(pos);
  if (!read || read.status === "bad") return null;
  const computed = ev.computedAt(pos);
  const at = { code: line.code, statement: line.statement, cell: b.cell };
  if (read.status === "blank") {
    if (computed.hasSource && !computed.bad && !computed.value.isZero()) {
      return finding("missing", { ...at, expected: computed.value, message: `${describe(line)} is blank; its parts give ${grouped(computed.value)}` });
    }
    return null;
  }
  if (!computed.hasSource) {
    return finding("not-checked", { ...at, reported: read.value, message: `${describe(line)} is bound but none of its parts is: a condensed presentation, not checked` });
  }
  if (computed.bad) return null; // the unreadable part has its own bad-input finding
  if (within(read.value, computed.value, toleranceFor(line, declared, ev.dollar))) return null;
  const difference = read.value.sub(computed.value);
  const suspect = suspectTerm(line, ev, difference);
  const suspectNote = suspect ? `; the difference is exactly twice ${suspect}: its sign was probably keyed the wrong way` : "";
  return finding("identity", {
    ...at,
    reported: read.value,
    expected: computed.value,
    difference,
    suspect,
    message: `${describe(line)}: reported ${grouped(read.value)}, its parts give ${grouped(computed.value)} (difference ${grouped(difference)})${suspectNote}`,
  });
}

/** The direct part whose contribution is exactly half the difference: deduct lines first, then signed lines. */
function suspectTerm(line: LineDef, ev: Evaluator, difference: Dec): Code | null {
  const terms = line.formula?.terms ?? [];
  const rank = (t: Term) => ({ deduct: 0, signed: 1 })[lineOf(t.code)?.kind as string] ?? 2;
  const ordered = [...terms].filter((t) => !t.factor).sort((a, b) => rank(a) - rank(b));
  const half = difference.abs().div(2);
  for (const t of ordered) {
    const c = ev.contribution(t).value;
    if (!c.isZero() && c.abs().eq(half)) return t.code;
  }
  return null;
}

function sideValue(terms: IndexedTerm[], ev: Evaluator): { value: Dec; bad: boolean; anyKeyed: boolean } {
  let value: Dec | null = null;
  let bad = false;
  let anyKeyed = false;
  for (const t of terms) {
    const c = ev.contributionOf(t);
    value = value === null ? startSum(c.value) : value.add(c.value);
    bad ||= c.bad;
    anyKeyed ||= ev.readAt(t.at)?.status === "number";
  }
  return { value: value ?? ZERO, bad, anyKeyed };
}

/**
 * A soft check, judged within what rounding allows: the declared tolerance, and at
 * least half a printed unit for each printed figure in the check (roundingAllowance).
 * One resting on a rule is a warning; one resting on our inference is a note unless
 * the sides disagree far beyond rounding (farBeyondRounding).
 */
function crossCheck(indexed: IndexedCrossCheck, statement: IndexedStatement, ev: Evaluator, bound: CodeTable<BoundLine>, declared: Dec): Finding | null {
  const cc = indexed.def;
  const st = statement.def;
  const left = sideValue(indexed.left, ev);
  const right = sideValue(indexed.right, ev);
  const optional = indexed.optional ? sideValue(indexed.optional, ev) : null;
  // Judged only where both sides were keyed: a schedule that leaves a side out says nothing.
  if (!left.anyKeyed || !(right.anyKeyed || optional?.anyKeyed)) return null;
  if (left.bad || right.bad || optional?.bad) return null;
  const high = optional ? right.value.add(optional.value) : right.value;
  // How far left lies outside what the relation allows, before any tolerance.
  const outside = cc.relation === "not-greater"
    ? Dec.max(ZERO, left.value.abs().sub(right.value.abs()))
    : left.value.lt(right.value) ? right.value.sub(left.value) : left.value.gt(high) ? left.value.sub(high) : ZERO;
  if (outside.lte(declared)) return null;
  // Only now, on a difference, is the rounding worked out: most checks never need it.
  const figures = [indexed.left, indexed.right, indexed.optional ?? []].reduce((n, side) => n + printedFigures(side, ev), 0);
  const allowance = Dec.max(declared, roundingAllowance(statement, ev, figures));
  if (outside.lte(allowance)) return null;
  const code = cc.left[0].code;
  const rule = cc.basis.kind === "rule";
  const far = farBeyondRounding(outside, allowance, [left.value, right.value, high]);
  const basis = rule
    ? ` Rests on ${cc.basis.kind === "rule" ? cc.basis.rule : ""}.`
    : ` An inference of ours, not a rule: ${cc.basis.kind === "inference" ? cc.basis.why : ""}${far ? "; here the sides disagree on most of the amount" : ""}.`;
  return finding("cross-check", {
    code,
    statement: st.id,
    cell: bound.get(code)?.cell ?? null,
    reported: left.value,
    expected: right.value,
    difference: left.value.sub(right.value),
    severity: rule || far ? "warning" : "info",
    message: `${cc.description}: ${grouped(left.value)} against ${grouped(right.value)}${optional ? ` (up to ${grouped(high)})` : ""}, beyond the ${grouped(allowance)} rounding allows.${basis}`,
  });
}

/**
 * Far beyond rounding: past the allowance by more than half the larger side. Then the
 * two sides disagree about most of the amount (one side left out, a sign reversed, a
 * figure on another line or in another unit), where a presentation that departs from
 * our inference moves a part of it: the one real filing we have (the seed) holds
 * 1,535,003,808 of securities in the ledger against 1,534,983,208 in lieu of cash.
 */
export function farBeyondRounding(outside: Dec, allowance: Dec, sides: Dec[]): boolean {
  const larger = sides.reduce((m, v) => Dec.max(m, v.abs()), ZERO);
  return outside.sub(allowance).gt(larger.div(2));
}

/**
 * Half a printed unit for each printed figure in a check. The printed unit is the
 * granularity of the statement's own keyed figures, in the scope's unit (cents,
 * dollars, thousands, millions or billions, the units firms print in): a statement
 * keyed in millions (FOCUS_UNIT 1000000) prints whole units, one keyed in dollars whose
 * figures are all whole millions was rounded to millions; whole dollars were rounded
 * from cents. Each figure is rounded on its own, so the errors add up.
 */
export function roundingAllowance(st: IndexedStatement, ev: Evaluator, figures: number): Dec {
  return printedUnit(st, ev).mul(figures).div(2);
}

/** The units firms print in (in the scope's unit), as powers of ten: cents, dollars, thousands, millions, billions. */
const PRINTED_EXPONENTS = [-2, 0, 3, 6, 9];

/** Worked out once per statement and scope: several soft checks of one statement ask. */
const printedUnits = new WeakMap<Evaluator, Map<IndexedStatement, Dec>>();

/** The largest printed unit that divides every non-zero keyed figure of the statement. */
export function printedUnit(st: IndexedStatement, ev: Evaluator): Dec {
  let known = printedUnits.get(ev);
  if (!known) printedUnits.set(ev, (known = new Map()));
  const cached = known.get(st);
  if (cached) return cached;
  let zeros = Infinity; // the fewest trailing zeros of any figure (negative: decimal places)
  for (const { at } of st.lines) {
    const read = ev.readAt(at);
    if (read?.status === "number" && !read.value.isZero()) zeros = Math.min(zeros, trailingZeros(read.value));
  }
  const exponent = zeros === Infinity ? 0 : PRINTED_EXPONENTS.filter((e) => e <= zeros).pop() ?? -2;
  const unit = new Dec(10).pow(exponent);
  known.set(st, unit);
  return unit;
}

/** Trailing zeros of a figure's integer digits, or minus its decimal places: 1,200,000 gives 5, 12.5 gives -1. */
function trailingZeros(v: Dec): number {
  const places = v.decimalPlaces();
  if (places > 0) return -places;
  let n = Math.abs(v.toNumber());
  if (Number.isSafeInteger(n)) {
    // Exact below 2^53: counting by division is far cheaper than printing the decimal.
    let zeros = 0;
    while (n >= 10 && n % 10 === 0) {
      n /= 10;
      zeros++;
    }
    return zeros;
  }
  const digits = v.abs().toFixed(0);
  return digits.length - digits.replace(/0+$/, "").length;
}

/** How many printed figures stand behind a side: each keyed line, or for an unkeyed total, its own keyed parts. */
function printedFigures(terms: IndexedTerm[], ev: Evaluator): number {
  let n = 0;
  for (const t of terms) n += figuresBehind(t.at, ev, 0);
  return n;
}

function figuresBehind(at: number, ev: Evaluator, depth: number): number {
  if (at < 0) return 0;
  if (ev.readAt(at)?.status === "number") return 1;
  const formula = indexedLine(at).formula;
  if (!formula || depth > 8) return 0;
  return formula.terms.reduce((n, t) => n + figuresBehind(t.at, ev, depth + 1), 0);
}

function summarise(st: StatementDef, used: Set<StatementId>, ev: Evaluator, bound: CodeTable<BoundLine>, findings: Finding[]): StatementSummary {
  const none: StatementSummary = { statement: st.id, excess: null, target: null, overTarget: null, status: "not-bound", rule: null };
  if (!used.has(st.id)) return none;
  // Reported where bound, else computed; but a computed value only when each of its
  // direct parts has some bound cell behind it (a requirement with no funds side bound
  // is not a deficiency, just a partial layout).
  const known = (code: Code | undefined): Dec | null => {
    if (!code) return null;
    const v = ev.value(code);
    if (v.bad) return null;
    const line = lineOf(code);
    if (!bound.has(code) && line?.formula) {
      const sourced = line.formula.terms.map((t) => ev.value(t.code).hasSource);
      // A sum needs every part; a greatest-of needs one candidate (or its floor).
      const determinable = line.formula.op === "sum" ? sourced.every(Boolean) : sourced.some(Boolean) || !!line.formula.floorDollars;
      if (!determinable) return null;
    }
    return v.value;
  };
  const s = st.summary;
  const cellOf = (code: Code) => bound.get(code)?.cell ?? null;
  if (s.kind === "segregation") {
    const excess = known(s.excess);
    const targetBound = !!s.targetAmount && (bound.has(s.targetAmount) || (!!s.overTarget && bound.has(s.overTarget)));
    const target = targetBound ? known(s.targetAmount) : null;
    const overTarget = targetBound ? known(s.overTarget) : null;
    if (excess === null) return none;
    if (excess.isNegative() && !excess.isZero()) {
      findings.push(finding("deficiency", {
        code: s.excess, statement: st.id, cell: cellOf(s.excess), reported: excess, rule: s.deficiencyRule,
        message: `${st.short}: excess (deficiency) is ${grouped(excess)}, a deficiency. ${s.deficiencyRule}`,
      }));
    }
    const belowTarget = overTarget !== null && overTarget.isNegative() && !overTarget.isZero();
    if (belowTarget && s.overTarget) {
      findings.push(finding("below-target", {
        code: s.overTarget, statement: st.id, cell: cellOf(s.overTarget), reported: overTarget, expected: target, rule: s.belowTargetRule,
        message: `${st.short}: excess is ${grouped(overTarget)} under the management target of ${grouped(target ?? ZERO)}. ${s.belowTargetRule}`,
      }));
    }
    const deficient = excess.isNegative() && !excess.isZero();
    const status = deficient ? "deficient" : belowTarget ? "below-target" : "ok";
    const rule = deficient ? s.deficiencyRule : belowTarget ? (s.belowTargetRule ?? null) : null;
    return { statement: st.id, excess, target, overTarget, status, rule };
  }
  const minimum = known(s.minimum);
  const early = known(s.earlyWarning);
  const netRead = ev.read(s.netCapital);
  if (netRead?.status !== "number") return { ...none, target: early };
  const net = netRead.value;
  const excess = minimum ? net.sub(minimum) : null;
  const overTarget = early ? net.sub(early) : null;
  const at = { code: s.netCapital, statement: st.id, cell: cellOf(s.netCapital), reported: net };
  let status: StatementStatus = "ok";
  let rule: string | null = null;
  if (minimum && net.lt(minimum)) {
    status = "deficient";
    rule = s.belowMinimumRule;
    findings.push(finding("below-minimum", { ...at, expected: minimum, difference: net.sub(minimum), rule, message: `Adjusted net capital ${grouped(net)} is below the minimum requirement of ${grouped(minimum)}. ${rule}` }));
  } else if (early && net.lt(early)) {
    status = "below-target";
    rule = s.earlyWarningRule;
    findings.push(finding("early-warning", { ...at, expected: early, difference: net.sub(early), rule, message: `Adjusted net capital ${grouped(net)} is below the early-warning level of ${grouped(early)}. ${rule}` }));
  }
  return { statement: st.id, excess, target: early, overTarget, status, rule };
}

function pluggedTotals(bound: CodeTable<BoundLine>, ev: Evaluator, out: Finding[]): void {
  for (const at of bound.positions()) {
    const line = indexedLine(at);
    if (line.line.kind !== "derived" || ev.readAt(at)?.status !== "number") continue;
    if (!ev.computedAt(at).hasSource) continue; // condensed: already not-checked
    const f = pluggedTotal(line, bound.at(at)!, bound, ev);
    if (f) out.push(f);
  }
}

function lineResults(used: Set<StatementId>, bound: CodeTable<BoundLine>, ev: Evaluator, texts: CodeTable<string>): LineResult[] {
  const out: LineResult[] = [];
  for (const st of INDEXED_STATEMENTS) {
    if (!used.has(st.def.id)) continue;
    for (const { line, at } of st.lines) {
      const b = bound.at(at);
      const read = ev.readAt(at);
      const v = ev.valueAt(at);
      const computed = line.kind === "derived" ? ev.computedAt(at) : null;
      const result: LineResult = {
        code: line.code,
        statement: line.statement,
        bound: !!b,
        cell: b?.cell ?? null,
        reported: read?.status === "number" ? read.value : null,
        computed: computed && !computed.bad ? computed.value : null,
        value: line.kind === "text" || v.bad ? null : v.value,
      };
      // Assigned rather than spread in: a spread per line cost more than the rest of the object.
      if (line.kind === "text") result.text = texts.at(at) ?? "";
      out.push(result);
    }
  }
  return out;
}

/** By statement (scope-wide findings first), then code, then severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Each finding's keys worked out once, not at every comparison; the sort is stable, as before.
  const keyed = findings.map((f) => ({
    f,
    statement: statementOrder(f.statement),
    code: f.code === null ? -1 : Number(f.code),
    severity: severityRank(f.severity),
  }));
  keyed.sort((a, b) => a.statement - b.statement || a.code - b.code || a.severity - b.severity);
  return keyed.map((k) => k.f);
}
