/**
 * The floor for focus-check's one file read: a bare script that inflates the .xlsx with
 * fflate and pulls every cell value, shared string and defined name out of its XML with
 * one regular expression. Nothing else: no parsing into a model, no checking, no report.
 * bench/run.ts runs it as its own process beside `focus-check --json` on the same file
 * and records the ratio. Run alone: node lib/bench/floor.js FILE.xlsx
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";

/** A cell's value (with its reference), a shared string's text, or a defined name and what it refers to. */
const PIECES =
  /<c r="([A-Z]+\d+)"[^>]*>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v>|<t(?: [^>]*)?>([^<]*)<\/t>|<definedName [^>]*name="([^"]*)"[^>]*>([^<]*)<\/definedName>/g;

export interface FloorCount {
  cells: number;
  strings: number;
  names: number;
}

export function floorRead(file: string): FloorCount {
  const entries = unzipSync(readFileSync(file));
  const count: FloorCount = { cells: 0, strings: 0, names: 0 };
  for (const [path, data] of Object.entries(entries)) {
    if (!path.endsWith(".xml")) continue;
    for (const m of strFromU8(data).matchAll(PIECES)) {
      if (m[2] !== undefined) count.cells++;
      else if (m[3] !== undefined) count.strings++;
      else count.names++;
    }
  }
  return count;
}

if (require.main === module)
  process.stdout.write(JSON.stringify(floorRead(process.argv[2])) + "\n");
