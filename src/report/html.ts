import { grouped, type Dec, lineOf, usDate, SEVERITIES, severityRank } from "../engine";
import {
  NOTICE_HEADS,
  noticeRow,
  packageFacts,
  statementName,
  type PackageScope,
  type ReviewPackage,
} from "./package";

/** Escape text for HTML content and attributes. */
export const esc = (s: string | null | undefined): string =>
  (s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** Money as on the form: grouped, negatives in parentheses. */
const money = (d: Dec | null) =>
  d === null ? "" : d.isNegative() && !d.isZero() ? `(${grouped(d.abs())})` : grouped(d);
const pct = (d: Dec | null) => (d === null ? "" : `${d.toFixed(2)}%`);

const STYLE = `
body{font:10pt/1.35 "Segoe UI",Arial,sans-serif;color:#111;margin:24px;max-width:1100px}
h1{font-size:16pt;margin:0 0 4px}h2{font-size:12.5pt;margin:20px 0 6px;border-bottom:1px solid #888;page-break-after:avoid}
h3{font-size:11pt;margin:12px 0 4px}table{border-collapse:collapse;width:100%;margin:4px 0 10px;page-break-inside:auto}
th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}th{background:#eee}tr{page-break-inside:avoid}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.error{color:${SEVERITIES.error.print};font-weight:600}.warning{color:${SEVERITIES.warning.print};font-weight:600}
.info{color:${SEVERITIES.info.print}}.ack{color:#0b6a0b}.meta td:first-child{width:24%;font-weight:600}code{font-family:Consolas,monospace;font-size:9pt;word-break:break-all}
.note{font-size:9pt;color:#333}@media print{body{margin:0}a{color:inherit}}@page{size:landscape;margin:12mm}`;

const table = (head: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`
    )
    .join("")}</tbody></table>`;

function scopeSection(s: PackageScope): string {
  const p = s.period;
  const title = [
    esc(s.scope),
    p?.entity ? esc(p.entity) : "",
    p?.asOf ? `as of ${usDate(p.asOf)}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const parts = [`<h2>${title}</h2>`];
  if (s.unit !== "1")
    parts.push(`<p class="note">Amounts keyed in units of ${esc(s.unit)} dollars.</p>`);
  if (s.summaries.length) {
    parts.push(
      table(
        [
          "Statement",
          "Excess (deficiency)",
          "Target / early warning",
          "Over (under) target",
          "Status",
          "Rule",
        ],
        s.summaries.map((m) => [
          esc(statementName(m.statement)),
          money(m.excess),
          money(m.target),
          money(m.overTarget),
          esc(m.status),
          esc(m.rule),
        ]),
        [1, 2, 3]
      )
    );
  }
  // What needs a decision first (errors, then warnings); notes apart, so they do not bury them.
  const decide = s.findings
    .filter((f) => f.severity !== "info")
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const notes = s.findings.filter((f) => f.severity === "info");
  const rows = (list: typeof s.findings) =>
    list.map((f) => {
      const l = f.code ? lineOf(f.code) : undefined;
      const a = f.acknowledgement;
      return [
        `<span class="${f.severity}">${esc(f.severity)}</span>`,
        f.code ? `${esc(l?.line ?? "")} (${esc(f.code)})` : "",
        esc(f.cell),
        esc(f.message),
        esc(f.rule),
        a
          ? `<span class="ack">${esc(a.by)}, ${esc(a.at)}${a.asOf && a.asOf !== p?.asOf ? ` (from ${usDate(a.asOf)})` : ""}:</span> ${esc(a.reason)}`
          : "",
      ];
    });
  const head = ["Severity", "Line", "Cell", "Finding", "Rule", "Acknowledged"];
  parts.push(`<h3>Errors and warnings (${decide.length})</h3>`);
  parts.push(
    decide.length === 0
      ? "<p>None: every identity ties and no flag is raised.</p>"
      : table(head, rows(decide))
  );
  if (notes.length) {
    parts.push(`<h3>Notes (${notes.length})</h3>`);
    parts.push(table(head, rows(notes)).replace("<table>", '<table class="note">'));
  }
  const c = s.comparison;
  if (c) {
    const notable = c.rows.filter((r) => r.notable);
    parts.push(
      `<h3>Against ${esc(c.priorScope)} (${esc(c.priorSource)}): ${notable.length} notable change${notable.length === 1 ? "" : "s"} of ${c.rows.length} lines</h3>`
    );
    if (notable.length) {
      parts.push(
        table(
          ["Line", "Code", "Label", "Prior", "Current", "Change", "% change"],
          notable.map((r) => [
            esc(r.line),
            esc(r.code),
            esc(r.label),
            money(r.prior),
            money(r.current),
            money(r.change),
            pct(r.percent),
          ]),
          [3, 4, 5, 6]
        )
      );
    }
  }
  return parts.join("\n");
}

/** The print-ready review package. Self-contained: no script, no external resource. */
export function renderHtml(pkg: ReviewPackage): string {
  const m = pkg.meta;
  const meta = table(
    ["", ""],
    packageFacts(pkg).map((f) => [
      esc(f.label),
      (f.hash ? `<code>${esc(f.value)}</code>` : esc(f.value)) +
        (f.note ? ` <span class="note">(${esc(f.note)})</span>` : ""),
    ])
  )
    .replace(/<thead>.*?<\/thead>/, "")
    .replace("<table>", '<table class="meta">');

  const signOffs =
    pkg.signOffs.length === 0
      ? "<p>No sign-off recorded in this workbook.</p>"
      : table(
          ["#", "Reviewer", "At (UTC)", "Result", "Entry SHA-256"],
          pkg.signOffs.map((s) => [
            String(s.seq),
            esc(s.reviewer),
            esc(s.at),
            esc(s.summary),
            `<code>${esc(s.hash)}</code>`,
          ])
        );
  const changes =
    pkg.changesSinceSignOff === null
      ? ""
      : pkg.changesSinceSignOff.length === 0
        ? "<p>No bound value or target has changed since the last sign-off.</p>"
        : table(
            ["Scope", "Name", "Change", "Signed", "Now"],
            pkg.changesSinceSignOff.map((c) => [
              esc(c.scope),
              esc(c.name),
              esc(c.kind),
              esc(c.before ? `${c.before.value} at ${c.before.target}` : ""),
              esc(c.after ? `${c.after.value} at ${c.after.target}` : ""),
            ])
          );
  const problems = pkg.recordProblems.length
    ? `<p class="error">The sign-off record has problems:</p><ul>${pkg.recordProblems.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>`
    : "";
  const notices =
    (pkg.notices.notices.length === 0
      ? "<p>None: no statement shows a trigger for a Reg 1.12 notice or a residual-interest withdrawal.</p>"
      : table(
          [...NOTICE_HEADS],
          pkg.notices.notices.map((n) => noticeRow(n).map(esc))
        )) +
    pkg.notices.assumptions.map((a) => `<p class="note">Assumed: ${esc(a)}</p>`).join("") +
    `<p class="note">This package tells the reviewer what the statements show is due; it files nothing.</p>`;
  const inferred =
    pkg.inferredCodes.length === 0
      ? "<p>No inferred code is bound.</p>"
      : table(
          ["Code", "Line", "Why inferred"],
          pkg.inferredCodes.map((c) => [esc(c.code), esc(c.label), esc(c.note)])
        );

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>FOCUS review package: ${esc(m.file)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head><body>
<h1>FOCUS review package</h1>
${meta}
<h2>Notices due (${pkg.notices.notices.length})</h2>
${notices}
<h2>Sign-offs</h2>
${signOffs}
${problems}
${changes}
${pkg.scopes.map(scopeSection).join("\n")}
<h2>Inferred codes</h2>
<p class="note">These codes are not legible in the source filing the rules were written from; confirm them against your filing before relying on the lines they name.</p>
${inferred}
<p class="note">Sign-offs are tamper-evident, not signatures: each entry's SHA-256 covers the entry and the one before it, so an edited or deleted entry shows; anyone with the workbook could recompute them.</p>
</body></html>
`;
}
