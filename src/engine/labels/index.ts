/**
 * The label matcher's entry, the engine's second way in (src/engine/index.ts is the first). It is kept
 * apart so that the matcher and its wording load only when a sheet is scanned: the pane's first load
 * imports the main index, which re-exports only this matcher's types.
 */
export { scanLabels, CONFIDENT, PROPOSE } from "./scan";
export type {
  LabelCell,
  LabelScanOptions,
  LabelScan,
  LabelProposal,
  ProposedCell,
  UnmatchedRow,
  FoundStatement,
  UnitProposal,
  PeriodRead,
} from "./scan";
export type { UnitValue } from "./unit";
