import { checkScope } from "../../check";
import { scopeOf } from "../../../../test/engine/helpers";

describe("not-checked", () => {
  test("a condensed presentation is not checked (info), a derived line not bound is no error", () => {
    const r = checkScope(scopeOf({ "7060": 100, "7180": 150, "7190": 50 }));
    expect(
      r.findings.filter((f) => f.kind !== "plugged-total").map((f) => `${f.kind}:${f.code}`)
    ).toEqual(["not-checked:7060", "not-checked:7180"]);
  });
});
