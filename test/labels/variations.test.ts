import { rng } from "./corpus";
import { detectScopes } from "./detect-json";
import { buildVaried, variationCorpus, type VariedBuilt } from "./variations";

/**
 * The second held-out corpus (variations.ts): published statements laid out as preparers' own
 * workbooks and converted filings lay them out. The real CLI with --detect alone. No amount may be
 * bound to a wrong line or a wrong period, whatever else happens; an amount left unbound must be
 * listed as unmatched (the product says so); no error finding where the bindings are right (the
 * statements are internally consistent; no-bindings on a sheet nothing could be bound on is the
 * product saying so); and a floor on the share bound right.
 */

interface Outcome {
  name: string;
  right: number;
  expected: number;
  wrong: string[];
  /** Cells that should bind (or must not) that are neither bound nor listed as unmatched. */
  silent: string[];
  errors: string[];
}

async function detect(built: VariedBuilt, name: string): Promise<Outcome> {
  const scopes = await detectScopes(built.model, name);
  let right = 0;
  const wrong: string[] = [];
  const bound = new Set<string>();
  const listed = new Set(scopes.flatMap((s) => s.unmatched.map((u) => u.cell)));
  for (const s of scopes) {
    for (const b of s.bindings) {
      bound.add(b.cell);
      const expected = built.truth.get(b.cell);
      if (expected === b.code) right++;
      else
        wrong.push(
          `${name}: ${b.cell} bound to ${b.code}, is ${expected ?? (built.otherPeriod.has(b.cell) ? "a prior period" : built.mustNotBind.has(b.cell) ? "not to be bound" : "no line")}`
        );
    }
  }
  const silent = [...built.truth.keys(), ...built.mustNotBind]
    .filter((cell) => !bound.has(cell) && !listed.has(cell))
    .map((cell) => `${name}: ${cell} neither bound nor listed as unmatched`);
  // no-bindings on a sheet nothing could be bound on is the product saying so, not a failed check.
  const errors = scopes.flatMap((s) =>
    s.findings
      .filter((f) => f.severity === "error" && f.kind !== "no-bindings")
      .map((f) => `${name}: ${f.kind} ${f.message}`)
  );
  return { name, right, expected: built.truth.size, wrong, silent, errors };
}

const report: string[] = [];
afterAll(() => console.log(report.join("\n")));

test("preparers' layouts: comparative columns, gaps, notes, wrapped labels, text amounts, older wording", async () => {
  const outcomes: Outcome[] = [];
  for (const w of variationCorpus())
    outcomes.push(await detect(buildVaried(w.slug, w.variation, rng(w.seed)), w.name));
  const right = outcomes.reduce((n, o) => n + o.right, 0);
  const expected = outcomes.reduce((n, o) => n + o.expected, 0);
  const wrong = outcomes.flatMap((o) => o.wrong);
  const silent = outcomes.flatMap((o) => o.silent);
  const errors = outcomes.flatMap((o) => o.errors);
  report.push(
    `held-out layouts (${outcomes.length} workbooks): ${right}/${expected} (${((100 * right) / expected).toFixed(1)}%) bound right, ${wrong.length} wrong, ${silent.length} unbound without a word, ${errors.length} error findings`
  );
  for (const o of outcomes)
    report.push(
      `  ${o.name}: ${o.right}/${o.expected} right, ${o.wrong.length} wrong, ${o.silent.length} silent, ${o.errors.length} errors`
    );
  report.push(...wrong.slice(0, 60), ...silent.slice(0, 20), ...errors.slice(0, 20));
  expect(wrong).toEqual([]);
  expect(silent).toEqual([]);
  expect(errors).toEqual([]);
  // Measured after the fixes this corpus found: 4,680 of 4,682 (before them 3,692, with 1,286 wrong).
  expect(right / expected).toBeGreaterThanOrEqual(0.999);
});
