/** The engine's public surface: pure TypeScript, no Office, no I/O. */
export { Dec, plain, grouped, roundTo } from "./decimal";
export type {
  Code,
  LineKind,
  StatementId,
  StatementDef,
  StatementWording,
  LineDef,
  Term,
  Formula,
  CrossCheckDef,
} from "./types";
export type { CellValue, CellContent } from "./cell";
export { BLANK, cellLabel } from "./cell";
export { readAmount, parseNumericText, decimalFromFloat, type AmountRead } from "./amount";
export { isDateFormat, isDateFormatId } from "./number-format";
export { STATEMENTS, INFERRED, INFERRED_NOTES, isInferred, seg4d2 } from "./statements";
export {
  lineOf,
  lineIndex,
  isKnownCode,
  statementOf,
  allLines,
  usersOf,
  type RegisteredLine,
} from "./lines";
export {
  FINDING_KINDS,
  finding,
  type Finding,
  type FindingKind,
  type Acknowledgement,
} from "./findings";
export type { CellLocation } from "./location";
export { RULES, ruleOf } from "./rules/registry";
export type { Rule, Mark, MarkOptions } from "./rules/rule";
export { SEVERITIES, severityRank, type Severity } from "./severity";
export {
  checkScope,
  sortFindings,
  type ScopeInput,
  type ScopeReport,
  type BoundLine,
  type LineResult,
  type StatementSummary,
  type StatementStatus,
} from "./check";
export { Evaluator } from "./evaluate";
export { explain, type Explanation } from "./explain";
export { excelFormula } from "./excel-formula";
export {
  bindingName,
  settingName,
  scopedBindingName,
  focusCodeOf,
  readBindingReference,
  lineCodeOfName,
  isLineName,
  isBindingName,
  NAME_PREFIX,
  SETTING_NAMES,
  type Setting,
} from "./binding-name";
export { parseA1, toA1, colToIndex, indexToCol, type CellPos } from "../grid";
export {
  statementTemplate,
  templateCellOf,
  AMOUNT_FORMAT,
  INNER_COLUMN,
  type TemplateSheet,
  type TemplateCell,
} from "./template";
export { highlightRule } from "./highlight";
export { ENGINE_VERSION, REFERENCE_VERSION } from "./version";
export type { FirmFacts } from "./firm";
export {
  compareScopes,
  DEFAULT_THRESHOLDS,
  type Comparison,
  type ChangeThresholds,
} from "./compare";
export {
  noticesDue,
  addBusinessDays,
  dueDate,
  BROKER_DEALER_ASSUMPTION,
  NOTICE_RULES,
  type Notice,
  type NoticesDue,
} from "./notices";
export type { Period, SeriesPoint } from "./periods/periods";
export { usDate, dateInText, readAsOf, dayNumber, fromDayNumber } from "./periods/dates";
export { isBusinessDay, isPreviousBusinessDay } from "./periods/business-days";
export { firmInHeading, HEADING_AREA, type HeadingCell } from "./periods/heading";
export { reviewScopes, compareWithPriorFile, type ReviewOutcome } from "./review/review";
export { findingKey } from "./review/acknowledgements";
export {
  newSignOff,
  contentHash,
  canonicalValue,
  type SignOff,
  type BoundValue,
  type ValueChange,
} from "./review/signoff";
export { sha256, sha256Bytes } from "./review/sha256";
// The label matcher's code is reached through its own entry, "./labels" (src/workbook/scan.ts, loaded
// only when scanning): re-exporting its values here would put it and its wording in the pane's first
// load, since the Validate panel imports this index.
export type {
  LabelCell,
  LabelScanOptions,
  LabelScan,
  LabelProposal,
  UnmatchedRow,
  FoundStatement,
  UnitProposal,
} from "./labels/scan";
export type { UnitValue } from "./labels/unit";
