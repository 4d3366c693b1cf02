import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import * as ts from "typescript";
// js-yaml is in the tree through ESLint; only this test reads YAML.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

/**
 * The Script Lab snippets (test/end-to-end/script-lab): anyone with Excel can import one
 * (Script Lab › Import) and try a risky call without building the add-in. Checked here in
 * Script Lab's snippet format (the fields of OfficeDev/office-js-snippets' samples), their
 * TypeScript parses, and each reproduces the call it is named for.
 */
const dir = join(__dirname, "script-lab");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

interface Snippet {
  id: string;
  name: string;
  description: string;
  host: string;
  api_set: Record<string, string>;
  script: { content: string; language: string };
  template: { content: string; language: string };
  style: { content: string; language: string };
  libraries: string;
}

const load = (file: string) => yaml.load(readFileSync(join(dir, file), "utf8")) as Snippet;

describe("Script Lab snippets", () => {
  it("one per risky call", () => {
    const calls: Record<string, RegExp> = {
      "01-very-hidden-sheet-and-write-in-one-undo-group.yaml":
        /mergeUndoGroup: true[\s\S]*veryHidden[\s\S]*values =/,
      "02-merged-areas-read-then-undo.yaml": /getMergedAreasOrNullObject\(\)/,
      "03-excel-run-inside-a-custom-function.yaml": /@customfunction[\s\S]*Excel\.run/,
      "04-settings-saveasync-then-undo.yaml": /settings\.saveAsync\(/,
      "05-set-startup-behavior.yaml": /Office\.addin\.setStartupBehavior\(/,
    };
    expect(files.sort()).toEqual(Object.keys(calls).sort());
    for (const [file, call] of Object.entries(calls))
      expect([file, call.test(load(file).script.content)]).toEqual([file, true]);
  });

  it.each(files)("%s is a Script Lab snippet whose TypeScript parses", (file) => {
    const s = load(file);
    expect(s.id).toMatch(/^focus-[a-z0-9-]+$/);
    expect(s.name.length).toBeGreaterThan(10);
    expect(s.description).toMatch(/office-js#|\.md/); // names the issue or doc it follows
    expect(s.host).toBe("EXCEL");
    expect(Object.keys(s.api_set).length).toBe(1);
    expect([s.script.language, s.template.language, s.style.language]).toEqual([
      "typescript",
      "html",
      "css",
    ]);
    expect(s.libraries).toMatch(
      /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/m
    );
    const out = ts.transpileModule(s.script.content, {
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2020 },
    });
    expect(out.diagnostics ?? []).toEqual([]);
    // Every button the script wires is in its template.
    for (const m of s.script.content.matchAll(/getElementById\("([^"]+)"\)/g))
      expect([file, s.template.content.includes(`id="${m[1]}"`)]).toEqual([file, true]);
  });
});
