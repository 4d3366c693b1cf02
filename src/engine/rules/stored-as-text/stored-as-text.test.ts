import { scopeOf } from "../../../../test/engine/helpers";
import { checkScope } from "../../check";

describe("stored-as-text", () => {
  test("numeric text is read, and the finding says what it read and from which text", () => {
    const r = checkScope(scopeOf({ "7010": "(1,482,000)", "7020": "$3,197" }));
    const f = r.findings.filter((x) => x.kind === "stored-as-text");
    expect(f.map((x) => [x.code, x.severity, x.reported!.toFixed()])).toEqual([
      ["7010", "info", "-1482000"],
      ["7020", "info", "3197"],
    ]);
    expect(f[0].message).toBe(
      'line 1A (7010) Net ledger balance: cash: "(1,482,000)" is stored as text; read as -1,482,000'
    );
    expect(r.lines.find((l) => l.code === "7010")!.value!.toFixed()).toBe("-1482000");
  });
});
