import { checkScope } from "../../check";
import { CAPITAL_BASE, flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

const base = CAPITAL_BASE;

describe("early-warning", () => {
  test("net capital under the early-warning level is early-warning", () => {
    const early = checkScope(scopeOf({ ...base, "3750": 1_400_000 }));
    expect(kinds(early)).toEqual(["early-warning:3750"]);
    expect(early.findings.find((f) => f.kind === "early-warning")!.expected!.toFixed()).toBe(
      "1500000"
    );
  });
});
