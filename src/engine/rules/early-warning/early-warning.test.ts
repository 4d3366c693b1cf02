import { checkScope } from "../../check";
import { flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

/** A capital statement whose net capital is the only line varied below (as in below-minimum.test.ts). */
const base = {
  "7415": 10_000_000,
  "7425": 800_000,
  "7435": 5_000_000,
  "7445": 400_000,
  "7455": 1_200_000,
  "7465": 1_000_000,
  "7475": 0,
  "7490": 1_200_000,
  "7495": 1_500_000,
};

describe("early-warning", () => {
  test("net capital under the early-warning level is early-warning", () => {
    const early = checkScope(scopeOf({ ...base, "3750": 1_400_000 }));
    expect(kinds(early)).toEqual(["early-warning:3750"]);
    expect(early.findings.find((f) => f.kind === "early-warning")!.expected!.toFixed()).toBe(
      "1500000"
    );
  });
});
