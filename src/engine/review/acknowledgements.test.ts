import { Dec } from "../decimal";
import { finding, type Acknowledgement, type Finding } from "../findings";
import type { Period } from "../periods/periods";
import { applyAcknowledgements, findingKey } from "./acknowledgements";

const identity = () =>
  finding("identity", { code: "7180", statement: "seg-4d2", message: "7180 does not tie" });
const ack = (
  asOf: string | null,
  scope: string,
  over: Partial<Acknowledgement> = {}
): Acknowledgement => ({
  key: "identity|seg-4d2|7180",
  entity: "HSBC",
  asOf,
  scope,
  reason: "OCR lost 7090; confirmed with Treasury",
  by: "A. Reviewer",
  at: `${asOf ?? "2020-11-30"}T18:00:00Z`,
  message: "7180 does not tie",
  ...over,
});
const period = (scope: string, asOf: string | null, entity = "HSBC"): Period => ({
  scope,
  entity,
  asOf,
  source: "FOCUS_ASOF",
});

function days(withFinding: boolean[]) {
  const scopes = withFinding.map((has, i) => ({
    scope: `Day ${i + 1}`,
    findings: has ? [identity()] : ([] as Finding[]),
  }));
  const periods = withFinding.map((_, i) => period(`Day ${i + 1}`, `2020-12-0${i + 1}`));
  return { scopes, periods };
}

describe("acknowledgements", () => {
  it("keys a finding by kind, statement and line, not by its amounts", () => {
    const today: Finding = { ...identity(), difference: new Dec(477_038_837) };
    const tomorrow: Finding = { ...identity(), difference: new Dec(12) };
    expect(findingKey(today)).toBe("identity|seg-4d2|7180");
    expect(findingKey(tomorrow)).toBe(findingKey(today));
  });

  it("cover their own period and carry to later ones while the finding persists", () => {
    const { scopes, periods } = days([true, true, true]);
    applyAcknowledgements(scopes, periods, [ack("2020-12-01", "Day 1")]);
    expect(scopes.map((s) => s.findings[0].acknowledgement?.reason)).toEqual(
      Array(3).fill("OCR lost 7090; confirmed with Treasury")
    );
  });

  it("stop carrying once the finding went away for a day", () => {
    const { scopes, periods } = days([true, false, true]);
    applyAcknowledgements(scopes, periods, [ack("2020-12-01", "Day 1")]);
    expect(scopes[0].findings[0].acknowledgement).toBeDefined();
    expect(scopes[2].findings[0].acknowledgement).toBeUndefined();
  });

  it("never reach back to earlier periods, other entities or other findings", () => {
    const { scopes, periods } = days([true, true]);
    applyAcknowledgements(scopes, periods, [
      ack("2020-12-02", "Day 2"),
      ack("2020-12-01", "Day 1", { entity: "Other FCM", reason: "other" }),
    ]);
    expect(scopes[0].findings[0].acknowledgement).toBeUndefined();
    expect(scopes[1].findings[0].acknowledgement?.asOf).toBe("2020-12-02");
    const other = [
      {
        scope: "Day 1",
        findings: [finding("identity", { code: "7060", statement: "seg-4d2", message: "x" })],
      },
    ];
    applyAcknowledgements(other, [period("Day 1", "2020-12-01")], [ack("2020-12-01", "Day 1")]);
    expect(other[0].findings[0].acknowledgement).toBeUndefined();
  });

  it("carry into a new workbook that holds only the later day (yesterday's record copied forward)", () => {
    const scopes = [{ scope: "Seg", findings: [identity()] }];
    applyAcknowledgements(scopes, [period("Seg", "2020-12-02")], [ack("2020-12-01", "Seg")]);
    expect(scopes[0].findings[0].acknowledgement?.asOf).toBe("2020-12-01");
  });

  it("use the latest acknowledgement when several cover a finding", () => {
    const { scopes, periods } = days([true, true]);
    applyAcknowledgements(scopes, periods, [
      ack("2020-12-01", "Day 1"),
      ack("2020-12-02", "Day 2", { reason: "re-confirmed" }),
    ]);
    expect(scopes[1].findings[0].acknowledgement?.reason).toBe("re-confirmed");
  });

  it("match undated scopes by scope name only", () => {
    const scopes = [
      { scope: "Seg", findings: [identity()] },
      { scope: "Other", findings: [identity()] },
    ];
    applyAcknowledgements(scopes, [period("Seg", null), period("Other", null)], [ack(null, "Seg")]);
    expect(scopes[0].findings[0].acknowledgement).toBeDefined();
    expect(scopes[1].findings[0].acknowledgement).toBeUndefined();
  });
});
