import { capitalCheck as capital, noticesOf } from "../../../../test/engine/helpers";
import type { ScopeReport } from "../../check";

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
