import { bindingName } from "./binding-name";
import { excelFormula } from "./excel-formula";
import type { Finding } from "./findings";
import { lineOf } from "./lines";
import type { Code } from "./types";

/**
 * The conditional-format formula that marks a finding's cell: TRUE while the
 * problem persists, written over FOCUS_ names so the mark follows later edits
 * with no add-in write. It starts with N("<marker>:<kind>:<code>"), which is 0
 * and changes nothing, so the add-in can find its own rules again after the
 * workbook was closed and reopened. Null for findings a formula cannot track.
 */
export function highlightRule(
  f: Finding,
  opts: { marker: string; isBound: (code: Code) => boolean; tolerance?: string; unit?: string },
): string | null {
  if (!f.code) return null;
  const tag = `N("${opts.marker}:${f.kind}:${f.code}")=0`;
  const name = bindingName(f.code);
  const line = lineOf(f.code);
  switch (f.kind) {
    case "identity": {
      if (!line?.formula || !opts.isBound(f.code)) return null;
      const body = excelFormula(f.code, { isBound: opts.isBound }).slice(1);
      const tol = Number(opts.tolerance ?? "0") || 0;
      const pct = line.formula.roundToDollar ? Math.max(tol, 1 / Number(opts.unit ?? "1")) : tol;
      // Rounded so floating-point noise in Excel never marks a total that ties.
      return `=AND(${tag},ROUND(ABS(${name}-(${body})),6)>${pct})`;
    }
    case "deficiency":
    case "below-target":
      return opts.isBound(f.code) ? `=AND(${tag},${name}<0)` : null;
    case "below-minimum":
    case "early-warning":
    case "cross-check":
    case "bad-input":
    case "plugged-total":
      // Judged by the add-in, not by a formula: the mark stays until cleared or re-validated.
      return `=${tag}`;
    default:
      return null;
  }
}
