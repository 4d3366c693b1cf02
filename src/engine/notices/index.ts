export { noticesDue, BROKER_DEALER_ASSUMPTION, type Notice, type NoticesDue } from "./notices";
export {
  NOTICE_RULES,
  BASE_RECIPIENTS,
  type NoticeRule,
  type NoticeRuleId,
  type Deadline,
} from "./rules";
export { addBusinessDays, dueDate } from "./deadlines";
