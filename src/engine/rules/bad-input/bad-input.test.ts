import { checkScope } from "../../check";
import { flagged as kinds, scopeOf } from "../../../../test/engine/helpers";

describe("bad-input", () => {
  test("an unreadable part suspends the identities over it; the part itself is reported", () => {
    const r = checkScope(scopeOf({ "7010": 100, "7020": "n/a", "7040": 120 }));
    expect(kinds(r)).toEqual(["bad-input:7020"]);
  });
});
