import type { CellContent, BoundLine, ScopeInput } from "../../src/engine";

/** A bound line from a plain value, the way an adapter would hand it over. */
export function boundValue(
  code: string,
  v: number | string | null | CellContent,
  sheet = "S",
  row?: number
): BoundLine {
  const address = `C${row ?? Number(code) % 1000}`;
  const content: CellContent =
    v === null
      ? { value: { type: "blank" } }
      : typeof v === "number"
        ? { value: { type: "number", value: v } }
        : typeof v === "string"
          ? { value: { type: "text", text: v } }
          : v;
  return { code, cell: `'${sheet}'!${address}`, sheet, address, content };
}

export function scopeOf(
  values: Record<string, number | string | null>,
  extra: Partial<ScopeInput> = {}
): ScopeInput {
  return {
    scope: "test",
    lines: Object.entries(values).map(([c, v], i) => boundValue(c, v, "S", i + 1)),
    ...extra,
  };
}

/** The findings that need a decision (errors and warnings), as kind:code. */
export const flagged = (r: {
  findings: { kind: string; code: string | null; severity: string }[];
}): string[] => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}:${f.code}`);
