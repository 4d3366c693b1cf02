import { excelFormula } from "../../excel-formula";
import { lineOf } from "../../lines";
import type { Rule } from "../rule";

/** A total that does not equal its parts. */
export const identityRule: Rule = {
  severity: "error",
  label: "Identity",
  expected: "Computed",
  raisedIn: "src/engine/rules/identity/identity.ts",
  // TRUE while the total differs from its parts by more than the tolerance.
  mark: ({ finding, tag, name, opts }) => {
    const line = lineOf(finding.code);
    if (!line?.formula || !opts.isBound(finding.code)) return null;
    const body = excelFormula(finding.code, { isBound: opts.isBound }).slice(1);
    const tol = Number(opts.tolerance ?? "0") || 0;
    const pct = line.formula.roundToDollar ? Math.max(tol, 1 / Number(opts.unit ?? "1")) : tol;
    // Rounded so floating-point noise in Excel never marks a total that ties.
    return `=AND(${tag},ROUND(ABS(${name}-(${body})),6)>${pct})`;
  },
};
