import { checkScope } from "../../check";
import { scopeOf } from "../../../../test/engine/helpers";

describe("missing", () => {
  test("a blank total whose parts are keyed is missing; a statement with no value at all is silent", () => {
    const r = checkScope(scopeOf({ "7210": 10, "7220": 5, "7230": null }));
    expect(r.findings.map((f) => `${f.kind}:${f.code}`)).toEqual(["missing:7230"]);
    const silent = checkScope(
      scopeOf({ "7200": null, "7210": null, "7220": null, "7230": null, "7240": null })
    );
    expect(silent.findings).toEqual([]);
  });
});
