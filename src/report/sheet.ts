import { toA1 } from "../grid";
import { type ScopeReport, AMOUNT_FORMAT, lineOf, usDate } from "../engine";
import type { CellWrite, SheetSpec } from "../workbook/port";
import {
  codeValues,
  NOTICE_HEADS,
  noticeRow,
  packageFacts,
  statementName,
  type ReviewPackage,
} from "./package";

export const REPORT_SHEET = "FOCUS Review Report";

/**
 * The review package as a worksheet the pane inserts: the same content as the
 * HTML, in rows a reviewer prints or files, amounts as numbers in the form's
 * format, plus each scope's code,value block for tying out.
 */
export function reportSheet(pkg: ReviewPackage, checked: ScopeReport[]): SheetSpec {
  const cells: CellWrite[] = [];
  let row = 1;
  const put = (col: number, value: string | number | null, extra: Partial<CellWrite> = {}) => {
    if (value === null || value === "") return;
    cells.push({ sheet: REPORT_SHEET, address: toA1({ row, col }), value, ...extra });
  };
  const amount = (col: number, v: { toNumber(): number } | null) =>
    v && put(col, v.toNumber(), { numberFormat: AMOUNT_FORMAT });
  const line = (...values: (string | null)[]) => {
    values.forEach((v, i) => put(i + 1, v || null));
    row++;
  };
  const header = (...values: string[]) => {
    values.forEach((v, i) => put(i + 1, v, { bold: true }));
    row++;
  };

  put(1, "FOCUS review package", { bold: true });
  row += 2;
  for (const f of packageFacts(pkg)) {
    line(f.label, f.value);
    if (f.note) line(null, f.note);
  }
  row++;

  header(`Notices due (${pkg.notices.notices.length})`);
  if (pkg.notices.notices.length === 0) line("None: no statement shows a trigger for a notice.");
  else {
    header(...NOTICE_HEADS);
    for (const n of pkg.notices.notices) line(...noticeRow(n));
  }
  for (const a of pkg.notices.assumptions) line("Assumed", a);
  row++;

  header("Sign-offs");
  if (pkg.signOffs.length === 0) line("No sign-off recorded in this workbook.");
  else {
    header("#", "Reviewer", "At (UTC)", "Result", "Entry SHA-256");
    for (const s of pkg.signOffs) line(String(s.seq), s.reviewer, s.at, s.summary, s.hash);
  }
  for (const p of pkg.recordProblems) line("Record problem", p);
  if (pkg.changesSinceSignOff)
    line(
      "Since the last sign-off",
      pkg.changesSinceSignOff.length === 0
        ? "nothing changed"
        : `${pkg.changesSinceSignOff.length} bound values changed`
    );
  row++;

  const byScope = new Map(checked.map((s) => [s.scope, s]));
  for (const s of pkg.scopes) {
    const p = s.period;
    header(
      [s.scope, p?.entity, p?.asOf ? `as of ${usDate(p.asOf)}` : null].filter(Boolean).join(" · ")
    );
    if (s.summaries.length) {
      header("Statement", "Excess (deficiency)", "Target", "Over (under) target", "Status", "Rule");
      for (const sm of s.summaries) {
        put(1, statementName(sm.statement));
        amount(2, sm.excess);
        amount(3, sm.target);
        amount(4, sm.overTarget);
        put(5, sm.status);
        put(6, sm.rule);
        row++;
      }
    }
    if (s.findings.length === 0) line("Everything ties: no findings.");
    else {
      header("Severity", "Line", "Cell", "Finding", "Rule", "Acknowledged by", "Reason");
      for (const f of s.findings) {
        const l = f.code ? lineOf(f.code) : undefined;
        line(
          f.severity,
          f.code ? `${l?.line ?? ""} (${f.code})` : null,
          f.cell,
          f.message,
          f.rule ?? null,
          f.acknowledgement ? `${f.acknowledgement.by}, ${f.acknowledgement.at}` : null,
          f.acknowledgement?.reason ?? null
        );
      }
    }
    const values = byScope.get(s.scope);
    if (values) {
      header("Code", "Value");
      for (const cv of codeValues(values)) {
        put(1, cv.code);
        put(2, Number(cv.value), { numberFormat: AMOUNT_FORMAT });
        row++;
      }
    }
    row++;
  }
  if (pkg.inferredCodes.length) {
    header("Inferred codes", "Line", "Why");
    for (const c of pkg.inferredCodes) line(c.code, c.label, c.note);
  }
  row++;
  line("Sign-offs are tamper-evident, not signatures.");
  return {
    name: REPORT_SHEET,
    cells,
    names: [],
    columnWidths: { A: 22, B: 40, C: 18, D: 60, E: 30, F: 24, G: 40 },
  };
}
