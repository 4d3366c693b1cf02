import { allLines, lineOf, type RegisteredLine, type Code } from "../../engine";
import { ActionError } from "./errors";

/** Print order of every line (statement by statement), for sorting. */
const PRINT_ORDER = new Map<Code, number>(allLines().map((l, i) => [l.code, i]));

export function printOrder(code: Code): number {
  return PRINT_ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
}

/** The line of a code, or a clear error for a code the statements do not have. */
export function requireLine(code: Code): RegisteredLine {
  const line = lineOf(code);
  if (!line) throw new ActionError(`${code} is not a line code of the customer-funds statements.`);
  return line;
}

/** "line 13 (7180)", as the pane and the messages name a line. */
export function lineName(line: RegisteredLine): string {
  return `line ${line.line} (${line.code})`;
}
