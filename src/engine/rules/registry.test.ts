import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { finding, type FindingKind } from "../findings";
import { highlightRule } from "../highlight";
import { FINDING_KINDS, RULES } from "./registry";

const ROOT = join(__dirname, "..", "..", "..");

/** Every kind some code in src/ raises with finding("<kind>", ...), and the files raising it. */
function raisedKinds(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        for (const m of readFileSync(path, "utf8").matchAll(/\bfinding\(\s*"([a-z-]+)"/g)) {
          out.set(m[1], [...(out.get(m[1]) ?? []), path.slice(ROOT.length + 1)]);
        }
      }
    }
  };
  walk(join(ROOT, "src"));
  return out;
}

describe("the registry of finding kinds", () => {
  test("every kind any code raises is in the registry, and every kind in it is raised where it says", () => {
    const raised = raisedKinds();
    expect([...raised.keys()].filter((k) => !(k in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !raised.has(k))).toEqual([]);
    for (const [kind, files] of raised) {
      const named = RULES[kind as FindingKind].raisedIn;
      // The rule names at least one file that raises it (judgements may sit one step away, in the kind's folder).
      expect({
        kind,
        found: files.some((f) => named.includes(f)) || named.includes(`rules/${kind}/`),
      }).toEqual({ kind, found: true });
    }
  });

  test("severities as before the registry", () => {
    expect(FINDING_KINDS).toEqual({
      identity: "error",
      deficiency: "error",
      "below-target": "warning",
      "below-minimum": "error",
      "early-warning": "warning",
      "cross-check": "warning",
      "plugged-total": "warning",
      "manual-calculation": "warning",
      "bad-input": "error",
      "stored-as-text": "info",
      missing: "info",
      "not-checked": "info",
      shadowed: "info",
      duplicate: "error",
      "no-bindings": "error",
      "unknown-code": "warning",
      "period-duplicate": "warning",
      "period-missing": "warning",
      "period-not-business-day": "info",
      "period-undated": "info",
      "residual-withdrawal": "warning",
      "capital-decline": "warning",
      assumption: "info",
      "changed-since-review": "warning",
      "review-record": "error",
    });
    expect(finding("duplicate", { message: "m" }).severity).toBe("error");
  });

  test("labels are the kind in words, and only a total's expected amount is 'Computed'", () => {
    for (const [kind, rule] of Object.entries(RULES)) {
      const words = kind.replace(/-/g, " ");
      expect(rule.label).toBe(words.charAt(0).toUpperCase() + words.slice(1));
      expect(rule.expected).toBe(
        kind === "identity" || kind === "missing" ? "Computed" : "Compared with"
      );
    }
  });

  test("cell marks: a formula over the line for totals and negative excesses, a standing mark for judged kinds, none otherwise", () => {
    const opts = { marker: "focus-check", isBound: () => true };
    const mark = (kind: FindingKind, code = "7190") =>
      highlightRule(finding(kind, { code, message: "m" }), opts);
    const tag = (kind: string, code = "7190") => `N("focus-check:${kind}:${code}")=0`;
    expect(mark("identity", "7040")).toBe(
      `=AND(${tag("identity", "7040")},ROUND(ABS(FOCUS_7040-(FOCUS_7010+FOCUS_7020+FOCUS_7030+FOCUS_7032-ABS(FOCUS_7033))),6)>0)`
    );
    expect(mark("deficiency")).toBe(`=AND(${tag("deficiency")},FOCUS_7190<0)`);
    expect(mark("below-target")).toBe(`=AND(${tag("below-target")},FOCUS_7190<0)`);
    expect(
      highlightRule(finding("deficiency", { code: "7190", message: "m" }), {
        marker: "focus-check",
        isBound: () => false,
      })
    ).toBeNull();
    for (const kind of [
      "below-minimum",
      "early-warning",
      "cross-check",
      "bad-input",
      "plugged-total",
    ] as const)
      expect(mark(kind)).toBe(`=${tag(kind)}`);
    const unmarked = Object.keys(RULES).filter(
      (k) =>
        ![
          "identity",
          "deficiency",
          "below-target",
          "below-minimum",
          "early-warning",
          "cross-check",
          "bad-input",
          "plugged-total",
        ].includes(k)
    );
    for (const kind of unmarked)
      expect({ kind, mark: mark(kind as FindingKind) }).toEqual({ kind, mark: null });
    expect(highlightRule(finding("identity", { message: "m" }), opts)).toBeNull(); // no line, no mark
  });
});
