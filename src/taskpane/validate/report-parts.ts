/** What shows a report (tables, badges, findings), loaded together once there is one. */
export { FindingsList } from "./FindingsList";
export { NoticesList } from "./NoticesList";
export { SummaryTable } from "./SummaryTable";
