import type { CrossCheckBasis as Basis } from "../types";

/**
 * The inferences several statements' soft checks rest on, written once: each statement that
 * carries options or securities in lieu of cash checks its own lines on the same reasoning.
 */

/** Options seen from both sides: the customers' positions against those held for them. */
export const OPTIONS_HELD_ELSEWHERE: Basis = {
  kind: "inference",
  why: "the options customers bought or sold are usually those the firm holds at clearing organizations and other FCMs, but not necessarily all of them",
};

/** Securities in the ledger against those held in lieu of cash. */
export const SECURITIES_IN_LIEU: Basis = {
  kind: "inference",
  why: "customers' securities in the ledger are usually held in lieu of cash at banks, clearing organizations and other FCMs, but a firm may hold or show some elsewhere",
};
