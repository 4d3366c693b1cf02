import type { StatementDef } from "../types";
import { cftcCapital } from "./cftcCapital";
import { clearedSwaps4df } from "./clearedSwaps4df";
import { dealerOptions326 } from "./dealerOptions326";
import { secured307 } from "./secured307";
import { seg4d2 } from "./seg4d2";

/** Every statement, in the order the FOCUS report prints them. */
export const STATEMENTS: readonly StatementDef[] = [
  seg4d2,
  dealerOptions326,
  secured307,
  clearedSwaps4df,
  cftcCapital,
];

export { cftcCapital, clearedSwaps4df, dealerOptions326, secured307, seg4d2 };
export { INFERRED, INFERRED_NOTES, isInferred } from "./inferred-codes";
