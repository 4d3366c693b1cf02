import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { writeXlsx, type WorkbookModel } from "../../sim";

/** What the corpus tests read of a scope in `--detect --json`. */
export interface DetectedScope {
  bindings: { code: string; cell: string; source: string }[];
  unmatched: { cell: string }[];
  findings: { severity: string; kind: string; message: string }[];
}

const dir = mkdtempSync(join(tmpdir(), "focus-labels-"));

/** The real CLI with --detect alone on a workbook written as .xlsx: the scopes of its --json. */
export async function detectScopes(model: WorkbookModel, name: string): Promise<DetectedScope[]> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, writeXlsx(model));
  let stdout = "";
  await run(["--detect", "--json", file], {
    stdout: (s) => (stdout += s),
    stderr: () => {},
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return JSON.parse(stdout).files[0].scopes as DetectedScope[];
}
