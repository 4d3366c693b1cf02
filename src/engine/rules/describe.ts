import type { LineDef } from "../types";

/** How a finding names its line: "line 13 (7180) Total amount in segregation". */
export function describe(line: LineDef): string {
  return `line ${line.line} (${line.code}) ${line.label}`;
}
