import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import {
  CAPABILITY_REQUIREMENT,
  detectCapabilities,
} from "../../src/taskpane/actions/capabilities";
import { REQUIREMENTS } from "../../src/workbook/office/requirements";

/**
 * The manifest, the requirement table (src/workbook/office/requirements.ts), the pane's
 * capabilities and the adapter's run-time checks must agree: the manifest declares the minimum
 * the add-in cannot work without, so Excel does not install it where it would fail (ExcelApi 1.4
 * let it install on 1.4-1.6 hosts where reading names, 1.7, then failed), and everything above
 * it is tested at run time.
 */
const root = join(__dirname, "../..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const declared = new Map(
  [...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [m[1], m[2]])
);
const entries = Object.entries(REQUIREMENTS);

const compare = (a: string, b: string): number => {
  const p = a.split(".").map(Number);
  const q = b.split(".").map(Number);
  for (let i = 0; i < Math.max(p.length, q.length); i++)
    if ((p[i] ?? 0) !== (q[i] ?? 0)) return (p[i] ?? 0) - (q[i] ?? 0);
  return 0;
};

describe("requirement sets: manifest.xml and the table", () => {
  it("the manifest declares, per set, the highest version the add-in cannot work without, and nothing else", () => {
    const needed = new Map<string, string>();
    for (const [, r] of entries)
      if (r.manifest && compare(r.version, needed.get(r.set) ?? "0") > 0)
        needed.set(r.set, r.version);
    expect(Object.fromEntries(declared)).toEqual(Object.fromEntries(needed));
    expect(declared.get("ExcelApi")).toBe("1.7");
  });

  it("every run-time feature is above the manifest's minimum (else its check could never fail)", () => {
    for (const [name, r] of entries.filter(([, r]) => !r.manifest))
      expect([name, compare(r.version, declared.get(r.set) ?? "0") > 0]).toEqual([name, true]);
  });

  it("on a host with exactly the manifest's sets, the pane has every manifest feature and lacks the others", () => {
    const caps = detectCapabilities(
      (set, v) => declared.has(set) && compare(declared.get(set)!, String(v)) >= 0
    );
    for (const [capability, requirement] of Object.entries(CAPABILITY_REQUIREMENT))
      expect([capability, caps[capability as keyof typeof CAPABILITY_REQUIREMENT]]).toEqual([
        capability,
        REQUIREMENTS[requirement].manifest,
      ]);
  });

  it("every isSetSupported check in the adapter, the functions and the commands is a version in the table", () => {
    const known = new Set(entries.map(([, r]) => `${r.set} ${r.version}`));
    const dirs = ["src/workbook/office", "src/functions", "src/commands", "src/taskpane/actions"];
    const found: string[] = [];
    for (const dir of dirs)
      for (const file of readdirSync(join(root, dir)).filter((f) => /\.tsx?$/.test(f))) {
        const text = readFileSync(join(root, dir, file), "utf8");
        for (const m of text.matchAll(/\bsupports\("(\d+\.\d+)"\)/g))
          found.push(`ExcelApi ${m[1]}`);
        for (const m of text.matchAll(/isSetSupported\("(\w+)",\s*"(\d+\.\d+)"\)/g))
          found.push(`${m[1]} ${m[2]}`);
      }
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((f) => !known.has(f))).toEqual([]);
  });

  it("the README's requirement-set table lists every set and version of the table", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("### Requirement sets"),
      readme.indexOf("### Manual test matrix")
    );
    for (const [, r] of entries) expect(section).toContain(`| ${r.set} ${r.version} |`);
    expect(section).toContain(
      `(SharedRuntime ${declared.get("SharedRuntime")}, ExcelApi ${declared.get("ExcelApi")})`
    );
  });
});
