import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

// Code outside sim/ uses the simulator only through sim/index.ts, so the simulator can change
// inside without its users following (issue #14, item 3).
const ROOT = resolve(__dirname, "../..");
const SIM = join(ROOT, "sim");
const OUTSIDE = ["src", "test", "preview", "bench", "examples", "scripts", "tools"];
const SOURCE = /\.(ts|tsx|js|cjs|mjs)$/;
// import … from "x", export … from "x", import("x"), require("x"), jest.mock("x").
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bjest\.mock\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

/** Imports of the simulator that go past its index, as "file: specifier". */
function importsAroundIndex(
  files: string[],
  read = (file: string) => readFileSync(file, "utf8")
): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const m of read(file).matchAll(SPECIFIER)) {
      const spec = m[1];
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec);
      const inside = relative(SIM, target);
      if (inside.startsWith("..") || inside === "" || inside === "index" || inside === "index.ts")
        continue;
      found.push(`${relative(ROOT, file).split(sep).join("/")}: ${spec}`);
    }
  }
  return found;
}

describe("the simulator's one entry point", () => {
  it("is the only way into sim/ from the rest of the tree", () => {
    const files = OUTSIDE.flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    expect(importsAroundIndex(files)).toEqual([]);
  });

  it("catches an import that reaches past the index", () => {
    // The check itself must be able to fail: a file in test/ importing sim/model/book.
    const text =
      'import type { SimBook } from "../sim/model/book";\nimport { createExcelSim } from "../sim";\n';
    expect(importsAroundIndex([join(ROOT, "test", "x.ts")], () => text)).toEqual([
      "test/x.ts: ../sim/model/book",
    ]);
  });
});
