import {
  type ScopeReport,
  type StatementSummary,
  grouped,
  type Dec,
  type Finding,
  SEVERITIES,
  type Severity,
  lineOf,
  statementOf,
  usDate,
  noticesDue,
} from "../engine";
import type { FileResult } from "./json";
import type { ScopeBindings } from "../workbook/validate";
import { printable } from "./printable";

export interface Style {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
type Tone = keyof typeof CODES;

function paint(style: Style, tone: Tone, s: string): string {
  const text = printable(s);
  return style.color ? `\u001b[${CODES[tone]}m${text}\u001b[0m` : text;
}

const STATUS_TEXT = {
  ok: "OK",
  "below-target": "BELOW TARGET",
  deficient: "DEFICIENT",
  // Printed only when some of the statement's lines are bound (the rest are left out), but
  // not the ones its excess needs: "not bound" would contradict the findings listed under it.
  "not-bound": "not judged",
} as const;
const STATUS_TONE: Record<StatementSummary["status"], Tone> = {
  ok: "green",
  "below-target": "yellow",
  deficient: "red",
  "not-bound": "dim",
};

const money = (d: Dec | null) => (d === null ? "-" : grouped(d));
const UNIT_NAMES: Record<string, string> = {
  "1": "dollars",
  "1000": "thousands",
  "1000000": "millions",
};

/** The report for people: per file, scope and statement, findings with line, label, reported, computed, difference. */
export function renderHuman(results: FileResult[], style: Style): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(paint(style, "bold", r.file));
    if (r.error) {
      out.push(`  ${paint(style, "red", "cannot check:")} ${printable(r.error)}`, "");
      continue;
    }
    for (const scope of r.scopes) {
      out.push(...renderScope(scope, style));
      out.push(
        ...renderDetected(
          r.report?.bindings?.find((b) => b.scope === scope.scope),
          style
        )
      );
    }
    if (r.report) out.push(...renderReview(r, style), ...renderNotices(r, style));
    out.push(totals(r.scopes, style), "");
  }
  return out.join("\n");
}

function renderScope(scope: ScopeReport, style: Style): string[] {
  const out: string[] = [];
  const unit = UNIT_NAMES[scope.unit.toFixed()] ?? scope.unit.toFixed();
  const tol = scope.tolerance.isZero() ? "exact" : `tolerance ${grouped(scope.tolerance)}`;
  out.push(
    `  ${paint(style, "cyan", `scope ${scope.scope}`)} ${paint(style, "dim", `(${unit}, ${tol})`)}`
  );
  const general = scope.findings.filter((f) => f.statement === null);
  for (const f of general) out.push(...renderFinding(f, style, "    "));
  for (const s of scope.summaries) {
    const own = scope.findings.filter((f) => f.statement === s.statement);
    if (s.status === "not-bound" && own.length === 0) continue;
    out.push(`    ${summaryLine(s, style)}`);
    for (const f of own) out.push(...renderFinding(f, style, "      "));
  }
  return out;
}

/** What --detect bound by label, the unit it read, and the rows it left for binding by hand. */
function renderDetected(found: ScopeBindings | undefined, style: Style): string[] {
  if (!found) return [];
  const out: string[] = [];
  const byLabel = found.bindings.filter((b) => b.source === "label").length;
  const byCode = found.bindings.filter((b) => b.source === "code").length;
  if (byLabel || byCode) {
    const parts = [
      byCode ? `${byCode} by code cell` : "",
      byLabel ? `${byLabel} by label` : "",
    ].filter(Boolean);
    out.push(`    ${paint(style, "dim", `detected: ${parts.join(", ")}`)}`);
  }
  if (found.printedUnit) {
    const unit = UNIT_NAMES[found.printedUnit.unit] ?? found.printedUnit.unit;
    out.push(
      `    ${paint(style, "dim", `unit: ${unit}, as printed ("${found.printedUnit.text}" at ${found.printedUnit.cell})`)}`
    );
  }
  if (found.period) {
    out.push(
      `    ${paint(style, "dim", `period: the column headed "${found.period.text}" (${found.period.cell}), the current of the periods side by side; the others are not read`)}`
    );
  }
  if (found.unmatched.length) {
    out.push(
      `    ${paint(style, "yellow", `${found.unmatched.length} row${found.unmatched.length === 1 ? "" : "s"} with an amount not bound`)} ${paint(style, "dim", "(bind by hand: a FOCUS_<code> name)")}`
    );
    for (const u of found.unmatched.slice(0, 20))
      out.push(`      ${printable(u.cell)} ${printable(u.text || "(no words)")}`);
    if (found.unmatched.length > 20)
      out.push(`      and ${found.unmatched.length - 20} more (--json lists every row)`);
  }
  return out;
}

function summaryLine(s: StatementSummary, style: Style): string {
  const st = statementOf(s.statement);
  const status = paint(style, STATUS_TONE[s.status], STATUS_TEXT[s.status]);
  const parts = [paint(style, "bold", st.short)];
  if (st.summary.kind === "capital") {
    parts.push(
      s.status === "not-bound"
        ? `no net capital (${st.summary.netCapital}) keyed`
        : `excess net capital ${money(s.excess)}`,
      `early-warning level ${money(s.target)}`
    );
  } else {
    parts.push(s.excess === null ? "excess not known" : `excess ${money(s.excess)}`);
    if (s.target !== null)
      parts.push(`target ${money(s.target)}`, `over target ${money(s.overTarget)}`);
  }
  return `${parts.join(" · ")}: ${status}${s.rule ? paint(style, "dim", ` (${s.rule})`) : ""}`;
}

function renderFinding(f: Finding, style: Style, indent: string): string[] {
  const tag = paint(style, SEVERITIES[f.severity].terminal, f.severity.toUpperCase().padEnd(7));
  const line = f.code ? lineOf(f.code) : undefined;
  const subject = line ? `line ${line.line} (${f.code}) ${line.label}` : f.code;
  const where = [subject, f.cell].filter(Boolean).join(" · ");
  const head = `${indent}${tag} ${f.kind}${where ? ` · ${printable(where)}` : ""}`;
  // The head names the line already; do not say it twice.
  const message = printable(
    line && f.message.startsWith(subject!)
      ? f.message.slice(subject!.length).replace(/^[:\s]+/, "")
      : f.message
  );
  const ack = f.acknowledgement
    ? [
        `${indent}        ${paint(style, "green", `acknowledged by ${f.acknowledgement.by} (${f.acknowledgement.at.slice(0, 10)}): ${f.acknowledgement.reason}`)}`,
      ]
    : [];
  if (f.severity === "info") return [`${head}: ${paint(style, "dim", message)}`, ...ack];
  const out = [head, `${indent}        ${message}`, ...ack];
  if (f.reported !== null || f.expected !== null) {
    const nums = [`reported ${money(f.reported)}`, `computed ${money(f.expected)}`];
    if (f.difference !== null) nums.push(`difference ${money(f.difference)}`);
    if (f.suspect) nums.push(`suspect ${f.suspect}`);
    out.push(`${indent}        ${paint(style, "dim", nums.join(" · "))}`);
  }
  return out;
}

/** Periods in order, the comparison with another file, and the last sign-off. */
function renderReview(r: FileResult, style: Style): string[] {
  const out: string[] = [];
  const review = r.report!.review;
  for (const s of review.order.series) {
    if (s.periods.length < 2) continue;
    const first = s.periods[0].asOf!,
      last = s.periods.at(-1)!.asOf!;
    out.push(
      `  ${paint(style, "cyan", "periods")} ${printable(`${s.periods.length} ${s.cadence} statements${s.entity ? ` of ${s.entity}` : ""}, ${usDate(first)} to ${usDate(last)}`)}`
    );
  }
  for (const c of r.comparisons ?? []) {
    if (c.priorSource === "this workbook") continue; // day over day inside a file: in --json and the pane
    const notable = c.rows.filter((x) => x.notable);
    out.push(
      `  ${paint(style, "cyan", `scope ${c.scope}`)} ${printable(`against ${c.priorScope} in ${c.priorSource}`)}: ${notable.length} notable change${notable.length === 1 ? "" : "s"} of ${c.rows.length} lines`
    );
    for (const x of notable.slice(0, 15)) {
      const pct =
        x.percent === null ? "" : `, ${x.percent.isNegative() ? "" : "+"}${x.percent.toFixed(2)}%`;
      const change =
        x.change === null ? "" : ` (${x.change.isNegative() ? "" : "+"}${grouped(x.change)}${pct})`;
      out.push(
        `    line ${x.line} (${x.code}) ${x.label}: ${money(x.prior)} → ${money(x.current)}${change}`
      );
    }
    if (notable.length > 15)
      out.push(`    and ${notable.length - 15} more (--json lists every line)`);
  }
  const last = review.lastSignOff;
  if (last) {
    const changed =
      review.changes === null
        ? ""
        : review.changes.length === 0
          ? "; nothing changed since"
          : `; ${review.changes.length} value${review.changes.length === 1 ? "" : "s"} changed since`;
    out.push(
      `  ${paint(style, "cyan", "signed off")} ${printable(`#${last.seq} by ${last.reviewer} at ${last.at}`)}${changed}`
    );
  }
  return out;
}

/** Notices due, most urgent first: deadline, paragraph, trigger and line, who is notified. */
function renderNotices(r: FileResult, style: Style): string[] {
  const { notices, assumptions } = noticesDue({ scopes: r.scopes, periods: r.report!.periods });
  if (notices.length === 0) return [];
  const out = [`  ${paint(style, "bold", `notices due (${notices.length})`)}`];
  for (const n of notices) {
    const line = n.code ? `line ${n.line} (${n.code})` : "";
    const where = [statementOf(n.statement).short, line, n.cell, `scope ${n.scope}`]
      .filter(Boolean)
      .join(" · ");
    const tone: Tone =
      n.deadline === "immediate" || n.deadline === "before-withdrawal" ? "red" : "yellow";
    out.push(
      `    ${paint(style, tone, n.dueText)} · ${paint(style, "bold", n.paragraph)}${n.acknowledged ? paint(style, "dim", " (finding acknowledged; still due)") : ""}`
    );
    out.push(`        ${printable(n.trigger)}`);
    out.push(
      `        ${paint(style, "dim", printable(`${where} · notify ${n.recipients.join(", ")}: ${n.notice}`))}`
    );
  }
  for (const a of assumptions) out.push(`    ${paint(style, "dim", printable(`assumed: ${a}`))}`);
  return out;
}

function totals(scopes: ScopeReport[], style: Style): string {
  const count = (s: Severity) =>
    scopes.reduce((n, sc) => n + sc.findings.filter((f) => f.severity === s).length, 0);
  const [e, w, i] = [count("error"), count("warning"), count("info")];
  const acked = scopes.reduce(
    (n, sc) => n + sc.findings.filter((f) => f.acknowledgement).length,
    0
  );
  const text = `  ${scopes.length} scope${scopes.length === 1 ? "" : "s"}: ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}, ${i} note${i === 1 ? "" : "s"}${acked ? ` (${acked} acknowledged)` : ""}`;
  return paint(style, e ? "red" : w ? "yellow" : "green", text);
}
