import { checkScope } from "../../check";
import { flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

describe("below-target", () => {
  test("residual interest under the target is below-target (warning) naming the notice rule", () => {
    const r = checkScope(
      scopeOf({ "7360": 100, "7770": 130, "7380": 30, "7780": 50, "7785": -20 })
    );
    expect(kinds(r)).toEqual(["below-target:7785"]);
    const f = r.findings.find((x) => x.kind === "below-target")!;
    expect(f.severity).toBe("warning");
    expect(f.rule).toMatch(/Reg 1\.12/);
    expect(r.summaries.find((x) => x.statement === "secured-30.7")!.status).toBe("below-target");
  });
});
