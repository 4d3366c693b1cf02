import type { Queue, SimClientObject } from "./core";
import type { RangeLocator } from "./locate";

/**
 * A range leads to its worksheet and its conditional formats, and both lead back to ranges. So
 * that range.ts imports neither module (no import cycle), workbook.ts and conditional-formats.ts
 * register here how to make the proxy a range points at; api/context.ts loads both before any
 * batch runs.
 */
export interface RangeLinks {
  worksheet(queue: Queue, sheetId: () => string): SimClientObject;
  conditionalFormats(queue: Queue, at: () => RangeLocator): SimClientObject;
}

const links: Partial<RangeLinks> = {};

export function registerRangeLink<K extends keyof RangeLinks>(kind: K, make: RangeLinks[K]): void {
  links[kind] = make;
}

export function rangeLink<K extends keyof RangeLinks>(kind: K): RangeLinks[K] {
  const make = links[kind];
  if (!make)
    throw new Error(`the simulator's ${kind} proxies are not loaded (api/context.ts imports them)`);
  return make;
}
