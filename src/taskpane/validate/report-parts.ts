/** What shows a report (tables, badges, findings, the sheet choice), loaded together once there is one. */
export { FindingsList } from "./FindingsList";
export { NoticesList } from "./NoticesList";
export { ScopeChoice } from "./ScopeChoice";
export { SummaryTable } from "./SummaryTable";
