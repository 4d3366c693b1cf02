import {
  cellLabel,
  checkScope,
  noticesDue,
  type BoundLine,
  type CellContent,
  type FirmFacts,
  type Period,
  type ScopeInput,
  type ScopeReport,
} from "../../src/engine";

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
  return { code, cell: cellLabel(sheet, address), sheet, address, content };
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

/** The firm's facts with nothing stated unless given. */
export const firmFacts = (f: Partial<FirmFacts> = {}): FirmFacts => ({
  nfaMarginBased: null,
  brokerDealer: null,
  ...f,
});

/** One scope's check of plain values, with the firm's facts. */
export const checkWithFirm = (
  values: Record<string, number>,
  scope = "S",
  f?: Partial<FirmFacts>
): ScopeReport => checkScope({ ...scopeOf(values), scope, firm: firmFacts(f) });

/** A period of one scope, dated by FOCUS_ASOF (or undated). */
export const datedPeriod = (
  scope: string,
  asOf: string | null,
  entity: string | null = null
): Period => ({
  scope,
  entity,
  asOf,
  source: asOf ? "FOCUS_ASOF" : null,
});

/** The notices one checked scope makes due, as of a date. */
export const noticesOf = (r: ScopeReport, asOf: string | null = "2020-11-30") =>
  noticesDue({ scopes: [r], periods: [datedPeriod(r.scope, asOf)] });

/** Capital lines bound directly: A (7455), B (7465), C (7475) and net capital (3750); D and EW computed. */
export const capitalCheck = (
  a: number,
  b: number,
  c: number,
  net: number,
  f?: Partial<FirmFacts>
) => checkWithFirm({ "7455": a, "7465": b, "7475": c, "3750": net }, "S", f);

/** A capital statement whose net capital (3750) the capital tests vary. */
export const CAPITAL_BASE = {
  "7415": 10_000_000,
  "7425": 800_000,
  "7435": 5_000_000,
  "7445": 400_000,
  "7455": 1_200_000,
  "7465": 1_000_000,
  "7475": 0,
  "7490": 1_200_000,
  "7495": 1_500_000,
} as const;
