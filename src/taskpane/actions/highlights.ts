import { type Finding, highlightRule, SEVERITIES } from "../../engine";
import { HIGHLIGHT_MARKER, type Highlight } from "../../workbook/port";
import type { WorkbookReport } from "../../workbook/validate";
import { expectedLabel, formatAmount, kindLabel } from "./format";
import { boundCodes } from "./scope-values";

/**
 * A mark for every error and warning that names a cell and that a formula can
 * track (engine/highlight.ts). The same mark is made once even when several
 * scopes share the cell through a workbook-level name.
 */
export function highlightMarks(report: WorkbookReport): Highlight[] {
  const marks = new Map<string, Highlight>();
  for (const scope of report.scopes) {
    const bound = boundCodes(scope);
    for (const f of scope.findings) {
      if (f.severity === "info" || f.location === null) continue;
      const ref = f.location;
      const formula = highlightRule(f, {
        marker: HIGHLIGHT_MARKER,
        isBound: (c) => bound.has(c),
        tolerance: scope.tolerance.toFixed(),
        unit: scope.unit.toFixed(),
      });
      if (formula === null) continue;
      const key = `${ref.sheet.toLowerCase()}!${ref.address}|${formula}`;
      if (!marks.has(key))
        marks.set(key, { ...ref, severity: f.severity, formula, note: noteFor(f) });
    }
  }
  return [...marks.values()];
}

/** The note on a marked cell: marker and kind, the message, then the amounts. */
function noteFor(f: Finding): string {
  const severity = SEVERITIES[f.severity].word; // errors and warnings only: notes are not marked
  const amounts = [
    f.reported ? `Reported ${formatAmount(f.reported)}` : null,
    f.expected ? `${expectedLabel(f.kind)} ${formatAmount(f.expected)}` : null,
    f.difference ? `Difference ${formatAmount(f.difference)}` : null,
  ].filter((s): s is string => s !== null);
  return [
    `${HIGHLIGHT_MARKER}: ${severity}, ${kindLabel(f.kind).toLowerCase()}`,
    f.message,
    amounts.join(" · "),
  ]
    .filter(Boolean)
    .join("\n");
}
