/**
 * Writes examples/hsbc-2020-11-30.xlsx from the seed's figures: every statement
 * laid out as the form prints it, each amount bound by a workbook-level name
 * FOCUS_<code>. Lost values stay blank, so the report shows the seed's real
 * line-13 gap. Run: npm run example
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeXlsx } from "../sim";
import { formWorkbook, SEED_SHEETS } from "./form-layout";
import { SEED, SEED_ASOF, SEED_FIRM } from "./seed-figures";

export function exampleBytes(): Uint8Array {
  return writeXlsx(
    formWorkbook({ firm: SEED_FIRM, asOf: SEED_ASOF, values: SEED, sheets: SEED_SHEETS })
  );
}

if (require.main === module) {
  // Compiled to lib/examples/: write beside the sources.
  const out = join(__dirname, "..", "..", "examples", "hsbc-2020-11-30.xlsx");
  writeFileSync(out, exampleBytes());
  console.log(`wrote ${out}`);
}
