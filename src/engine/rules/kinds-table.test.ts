import { readFileSync } from "fs";
import { join } from "path";
import { kindsTable } from "./kinds-table";

describe("the README's table of finding kinds", () => {
  test("is the registry's, row for row (regenerate it with kindsTable() when a kind changes)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
    const start = readme.indexOf("| kind | severity | raised in |");
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf("\n\n", start);
    expect(readme.slice(start, end)).toBe(kindsTable());
  });
});
