/**
 * Findings as marks on a copy of the workbook: the severity decides the fill (and which
 * fill wins where several findings name one cell); the .xlsx layer (xlsx/annotate/) only
 * knows cells, colours and notes.
 */
import type { Severity } from "../engine";
import { annotateXlsx } from "./xlsx/annotate";

export type { Severity };

export interface FindingMark {
  sheet: string;
  /** "B31", no $. */
  address: string;
  severity: Severity;
  note: string;
}

/** The fill of each severity (ARGB). */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A copy of the workbook with every marked cell filled by its highest severity and given every note. */
export function annotateFindings(bytes: Uint8Array, marks: FindingMark[]): Uint8Array {
  return annotateXlsx(
    bytes,
    marks.map((m) => {
      if (!(m.severity in RANK))
        throw new Error(
          `annotate: ${m.sheet}!${m.address}: unknown severity ${JSON.stringify(m.severity)}`
        );
      return {
        sheet: m.sheet,
        address: m.address,
        note: m.note,
        fill: SEVERITY_FILL[m.severity],
        priority: RANK[m.severity],
      };
    })
  );
}
