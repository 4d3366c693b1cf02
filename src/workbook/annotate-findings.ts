/**
 * Findings as marks on a copy of the workbook: the severity decides the fill (and which
 * fill wins where several findings name one cell); the .xlsx layer (xlsx/annotate/) only
 * knows cells, colours and notes.
 */
import { SEVERITIES, type Severity } from "../engine";
import { annotateXlsx } from "./xlsx/annotate";
import type { ZipOptions } from "./xlsx/zip";

export type { Severity };

export interface FindingMark {
  sheet: string;
  /** "B31", no $. */
  address: string;
  severity: Severity;
  note: string;
}

/** The fill of each severity as the .xlsx styles part writes it (ARGB), from the one severity table. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: argb(SEVERITIES.error.fill),
  warning: argb(SEVERITIES.warning.fill),
  info: argb(SEVERITIES.info.fill),
};
/** Which fill wins on a cell several findings name: the most severe (rank 0 is errors). */
const PRIORITY = (s: Severity): number => 3 - SEVERITIES[s].rank;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** A copy of the workbook with every marked cell filled by its highest severity and given every note. */
export function annotateFindings(
  bytes: Uint8Array,
  marks: FindingMark[],
  options?: ZipOptions
): Uint8Array {
  return annotateXlsx(
    bytes,
    marks.map((m) => {
      if (!Object.prototype.hasOwnProperty.call(SEVERITIES, m.severity))
        throw new Error(
          `annotate: ${m.sheet}!${m.address}: unknown severity ${JSON.stringify(m.severity)}`
        );
      return {
        sheet: m.sheet,
        address: m.address,
        note: m.note,
        fill: SEVERITY_FILL[m.severity],
        priority: PRIORITY(m.severity),
      };
    }),
    options
  );
}
