import {
  checkScope,
  decimalFromFloat,
  plain,
  type BoundLine,
  type CellContent,
  type Code,
  type Dec,
  type LineDef,
} from "../../src/engine";
import { rangeKey, type RangeRef } from "../../src/workbook/port";
import type { XlsxReader } from "../../src/workbook/xlsx-reader";

/** Cached results written with every formula: a value no input here can produce, so a stale result cannot pass. */
export const STALE_RESULT = -987654321;

export { seeded } from "../support/seeded";

/**
 * An amount as preparers key it, below `magnitude`: whole dollars, sometimes blank, deduct lines
 * sometimes keyed negative (the form counts them by magnitude), signed lines sometimes negative.
 */
export function keyed(
  random: () => number,
  line: LineDef,
  magnitude: number
): number | string | null {
  if (line.kind === "text") return "Bank of the Test";
  if (random() < 0.1) return null;
  const amount = Math.floor(random() * magnitude);
  if ((line.kind === "deduct" || line.kind === "signed") && random() < 0.4) return -amount;
  return amount;
}

/** A keyed value as a bound line's content. */
export function boundLine(code: Code, value: number | string | null): BoundLine {
  const content: CellContent =
    value === null
      ? { value: { type: "blank" } }
      : typeof value === "number"
        ? { value: { type: "number", value } }
        : { value: { type: "text", text: value } };
  return { code, cell: null, content };
}

/** The engine's computed value of every derived line, given only the keyed lines. */
export function engineComputed(scope: string, lines: BoundLine[], unit?: Dec): Map<Code, Dec> {
  const report = checkScope({ scope, unit, lines });
  const out = new Map<Code, Dec>();
  for (const r of report.lines) if (r.computed !== null) out.set(r.code, r.computed);
  return out;
}

export interface Expectation {
  sheet: string;
  code: Code;
  /** The derived line's cell, e.g. "E14". */
  address: string;
  expected: Dec;
}

/** Every expectation LibreOffice's results do not meet, as readable lines (empty when all agree). */
export async function disagreements(
  reader: XlsxReader,
  expectations: Expectation[]
): Promise<string[]> {
  const refs: RangeRef[] = expectations.map((e) => ({ sheet: e.sheet, address: e.address }));
  const reads = await reader.readRanges(refs);
  const out: string[] = [];
  for (const e of expectations) {
    const value = reads.get(rangeKey(e))?.content.value;
    const actual = value?.type === "number" ? decimalFromFloat(value.value) : null;
    if (actual === null || !actual.eq(e.expected)) {
      const shown = actual ? plain(actual) : JSON.stringify(value);
      out.push(
        `'${e.sheet}'!${e.address} (${e.code}): LibreOffice ${shown}, engine ${plain(e.expected)}`
      );
    }
  }
  return out;
}
