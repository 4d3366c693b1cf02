import type { WriteProblem } from "../../workbook/port";
import type { ActionProblem } from "./types";

/** A failure explained for the user: what every action rejects with. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly cell?: string
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** Office.js error codes that deserve a sentence of their own. */
const OFFICE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Excel is editing a cell: press Enter or Esc to finish, then try again.",
  AccessDenied: "Excel refused the change: the workbook or sheet may be protected or read-only.",
};

interface WriteBlockedLike {
  name: string;
  problems: WriteProblem[];
}

// Matched by shape, not instanceof: the ribbon's bundle carries its own copy of the port module.
function isWriteBlocked(e: unknown): e is WriteBlockedLike {
  return (
    e instanceof Error &&
    e.name === "WriteBlocked" &&
    Array.isArray((e as { problems?: unknown }).problems)
  );
}

/** One clear sentence (naming the cell where there is one) for any failure. */
export function problemOf(e: unknown): ActionProblem {
  if (e instanceof ActionError)
    return e.cell ? { message: e.message, cell: e.cell } : { message: e.message };
  if (isWriteBlocked(e)) {
    const first = e.problems[0];
    const details = e.problems.map((p) => p.message).join(" ");
    return { message: `Nothing was written. ${details}`, ...(first ? { cell: first.cell } : {}) };
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && OFFICE_MESSAGES[code]) return { message: OFFICE_MESSAGES[code] };
  if (e instanceof Error && e.message) return { message: e.message };
  return { message: `Something went wrong: ${String(e)}` };
}

/** Rethrow any failure as an ActionError, so callers handle one kind of error. */
export function asActionError(e: unknown): ActionError {
  if (e instanceof ActionError) return e;
  const p = problemOf(e);
  return new ActionError(p.message, p.cell);
}
