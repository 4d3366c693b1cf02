import { scopeOf } from "../../../../test/engine/helpers";
import { checkScope, type ScopeReport } from "../../check";
import type { FirmFacts } from "../../firm";
import { noticesDue } from "../../notices";
import type { Period } from "../../periods/periods";

const firm = (f: Partial<FirmFacts> = {}): FirmFacts => ({
  nfaMarginBased: null,
  brokerDealer: null,
  ...f,
});
const check = (values: Record<string, number>, scope = "S", f?: Partial<FirmFacts>) =>
  checkScope({ ...scopeOf(values), scope, firm: firm(f) });
const dated = (scope: string, asOf: string | null, entity: string | null = null): Period => ({
  scope,
  entity,
  asOf,
  source: asOf ? "FOCUS_ASOF" : null,
});
const noticesOf = (r: ScopeReport, asOf: string | null = "2020-11-30") =>
  noticesDue({ scopes: [r], periods: [dated(r.scope, asOf)] });

/** Capital lines bound directly: A (7455), B (7465), C (7475) and net capital (3750); D and EW computed. */
const capital = (a: number, b: number, c: number, net: number, f?: Partial<FirmFacts>) =>
  check({ "7455": a, "7465": b, "7475": c, "3750": net }, "S", f);

// Moved from test/engine/notices.test.ts (Reg 1.12(b)(3)), where the rest of the carve-out's tests stay.
describe("assumption: FOCUS_NFA_MARGIN_BASED not bound", () => {
  const ew = (r: ScopeReport) => r.lines.find((l) => l.code === "7495")!.value!.toFixed();

  it("not bound: 150%, and the engine says it assumed so", () => {
    const r = capital(1_200_000, 1_000_000, 2_000_000, 2_500_000);
    expect(ew(r)).toBe("3000000");
    const a = r.findings.find((f) => f.kind === "assumption")!;
    expect(a.severity).toBe("info");
    expect(a.message).toMatch(
      /FOCUS_NFA_MARGIN_BASED is not bound: the early-warning level takes 150%/
    );
    expect(noticesOf(r).assumptions).toContain(a.message);
  });

  it("not bound and the NFA requirement under the risk-based amount: the choice cannot matter, nothing to say", () => {
    const r = capital(2_000_000, 1_000_000, 1_000_000, 5_000_000);
    expect(r.findings.filter((f) => f.kind === "assumption")).toEqual([]);
  });
});
