/**
 * focus-check's check alone: the same reader and validateWorkbook as the command, from process
 * start to the last finding, with no report built, hashed or written. bench/run.ts times it
 * beside the floor and the whole command, so the share of the run the check itself takes is
 * measured, not inferred. It loads the compiled modules one by one (lib/src), about 40 ms
 * slower to start than the command's one bundled file. Run alone: node lib/bench/check-only.js FILE.xlsx
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { nativeInflate } from "../src/cli/native-inflate";
import { validateWorkbook } from "../src/workbook/validate";
import { XlsxReader } from "../src/workbook/xlsx-reader";

export async function checkOnly(file: string): Promise<number> {
  const reader = new XlsxReader(readFileSync(file), { inflateRaw: nativeInflate });
  const report = await validateWorkbook(reader, { dateHint: basename(file) });
  return report.scopes.length;
}

if (require.main === module)
  void checkOnly(process.argv[2]).then((scopes) =>
    process.stdout.write(JSON.stringify({ scopes }) + "\n")
  );
