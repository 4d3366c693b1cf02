/**
 * What a scope's bindings say about the firm itself, where a rule depends on it.
 * null: not bound, and the engine states the assumption it made instead.
 */
export interface FirmFacts {
  /** FOCUS_NFA_MARGIN_BASED: the NFA requirement (7475) is margin-based (Reg 1.12(b)(3)). */
  nfaMarginBased: boolean | null;
  /** FOCUS_BROKER_DEALER: the firm is also a securities broker-dealer (the SEC is notified too: Reg 1.12(n)(1)). */
  brokerDealer: boolean | null;
}

export const UNKNOWN_FIRM: FirmFacts = { nfaMarginBased: null, brokerDealer: null };
