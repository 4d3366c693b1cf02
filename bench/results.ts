/** What one `npm run bench` measured: the shape of bench/results.json, shared by the printer and the budgets. */
import type { BundlesFigure, GplScan } from "./bundle";
import type { FunctionsFigures } from "./functions";
import type { OfficeFigure } from "./office";
import type { PaneFigure } from "./pane";

export interface EngineFigure {
  dailyLines: number;
  firstPeriodUs: number;
  perPeriodUs: number;
  seedLines: number;
  seedPerPeriodUs: number;
}

export interface CliFigure {
  sheets: number;
  bytes: number;
  medianMs: number;
  minMs: number;
  peakRssMb: number;
  /** The bare read of the same file (bench/floor.ts), run alternately with focus-check in the same loop. */
  floor?: FloorFigure;
}

/** The floor: inflate with fflate and one regular expression over the XML, process start to exit. */
export interface FloorFigure {
  medianMs: number;
  minMs: number;
  peakRssMb: number;
  /** focus-check's median over the floor's median. */
  ratio: number;
  /** The check alone (bench/check-only.ts: no report built or written), median, and over the floor's median. */
  checkOnlyMs?: number;
  checkOnlyRatio?: number;
}

export interface OtherFigure {
  sheets: number;
  focusCheckMs: number;
  libreOfficeMs: number;
  hyperFormulaMs: number;
  derivedCells: number;
}

export interface Results {
  date: string;
  machine: { cpus: number; cpu: string; memGb: number; node: string };
  engine: EngineFigure;
  cli: CliFigure[];
  others: OtherFigure[];
  functions: FunctionsFigures;
  office: OfficeFigure[];
  bundles: BundlesFigure;
  pane: PaneFigure;
  /** dist/ and dist-preview/ scanned for HyperFormula (GPL-3.0, dev-only). */
  hyperFormulaScan: GplScan;
}
