import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CellModel, writeXlsx } from "../../sim";
import { AS_PUBLISHED, buildWorkbook, publishedSections, rng } from "../labels/corpus";
import { runCli } from "./in-process";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "focus-cli-labels-"));

const cli = runCli;

/** A 4d(2) statement typed with labels only (no names, no codes), one row the matcher cannot place, in thousands. */
function labelsOnly(): string {
  const rows: [string, number | null][] = [
    [
      "Statement of segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges",
      null,
    ],
    ["(in thousands)", null],
    ["1. Net ledger balance", null],
    ["A. Cash", 100],
    ["B. Securities (at market)", 20],
    ["4. Net equity (deficit)", 120],
    ["6. Amount required to be segregated", 120],
    ["7. Deposited in segregated funds bank accounts", null],
    ["A. Cash", 150],
    ["Accrued interest receivable from affiliates", 3],
    ["13. Total amount in segregation", 150],
    ["14. Excess (deficiency) funds in segregation", 30],
  ];
  const cells: CellModel[] = [];
  rows.forEach(([t, v], i) => {
    cells.push({ ref: `A${i + 1}`, value: t });
    if (v !== null) cells.push({ ref: `C${i + 1}`, value: v });
  });
  // A second sheet bound by a FOCUS_ name, and a third by printed code cells.
  const named = [
    { ref: "B2", value: "Net ledger balance: cash" },
    { ref: "C2", value: 5 },
  ];
  const coded = [
    { ref: "C2", value: 7 },
    { ref: "D2", value: "7010" },
  ];
  const file = join(dir, "labels.xlsx");
  writeFileSync(
    file,
    writeXlsx({
      sheets: [
        { name: "Seg", cells },
        { name: "Named", cells: named },
        { name: "Coded", cells: coded },
      ],
      names: [{ name: "FOCUS_7010", refersTo: "'Named'!$C$2", localSheet: "Named" }],
    })
  );
  return file;
}

describe("focus-check --detect by labels", () => {
  const file = labelsOnly();

  test("--json: every scope lists its bindings, whatever found them, and the rows left unmatched", async () => {
    const r = await cli(["--detect", "--json", file]);
    expect(r.code).toBe(0);
    const scopes = JSON.parse(r.stdout).files[0].scopes;
    expect(scopes.map((s: { scope: string }) => s.scope)).toEqual(["Seg", "Named", "Coded"]);
    const seg = scopes[0];
    expect(seg.unit).toBe("1000");
    expect(
      seg.bindings.map((b: { code: string; cell: string; source: string; label: string }) => [
        b.code,
        b.cell,
        b.source,
        b.label,
      ])
    ).toEqual([
      ["7010", "'Seg'!C4", "label", "A. Cash"],
      ["7020", "'Seg'!C5", "label", "B. Securities (at market)"],
      ["7040", "'Seg'!C6", "label", "4. Net equity (deficit)"],
      ["7060", "'Seg'!C7", "label", "6. Amount required to be segregated"],
      ["7070", "'Seg'!C9", "label", "A. Cash"],
      ["7180", "'Seg'!C11", "label", "13. Total amount in segregation"],
      ["7190", "'Seg'!C12", "label", "14. Excess (deficiency) funds in segregation"],
    ]);
    for (const b of seg.bindings) expect(b.confidence).toBeGreaterThanOrEqual(0.7);
    expect(seg.unmatched).toEqual([
      { cell: "'Seg'!C10", text: "Accrued interest receivable from affiliates" },
    ]);
    expect(scopes[1].bindings).toEqual([
      { code: "7010", cell: "'Named'!C2", source: "name", label: null, confidence: null },
    ]);
    expect(scopes[2].bindings).toEqual([
      { code: "7010", cell: "'Coded'!C2", source: "code", label: null, confidence: null },
    ]);
    expect(scopes[2].unmatched).toEqual([]);
    expect(seg.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  test("the human report counts lines bound by label, names the printed unit and lists unmatched rows", async () => {
    const r = await cli(["--detect", file]);
    expect(r.stdout).toContain("detected: 7 by label");
    expect(r.stdout).toContain(`unit: thousands, as printed ("(in thousands)" at 'Seg'!A2)`);
    expect(r.stdout).toContain("1 row with an amount not bound");
    expect(r.stdout).toContain("'Seg'!C10 Accrued interest receivable from affiliates");
    expect(r.stdout).toContain("detected: 1 by code cell");
  });

  test("periods side by side: the report says which column was read, the JSON too", async () => {
    const rows: [string, number | null, number | null][] = [
      [
        "Statement of segregation requirements and funds in segregation for customers trading on U.S. commodity exchanges",
        null,
        null,
      ],
      ["1. Net ledger balance", null, null],
      ["A. Cash", 100, 90],
      ["B. Securities (at market)", 20, 25],
      ["4. Net equity (deficit)", 120, 115],
    ];
    const cells: CellModel[] = [
      { ref: "C2", value: "10/31/2020" },
      { ref: "D2", value: "11/30/2020" },
    ];
    rows.forEach(([t, prior, current], i) => {
      const r = i === 0 ? 1 : i + 2;
      cells.push({ ref: `A${r}`, value: t });
      if (prior !== null) cells.push({ ref: `C${r}`, value: prior });
      if (current !== null) cells.push({ ref: `D${r}`, value: current });
    });
    const periods = join(dir, "periods.xlsx");
    writeFileSync(periods, writeXlsx({ sheets: [{ name: "Seg", cells }] }));
    const human = await cli(["--detect", periods]);
    expect(human.stdout).toContain(
      `period: the column headed "11/30/2020" ('Seg'!D2), the current of the periods side by side; the others are not read`
    );
    const [scope] = JSON.parse((await cli(["--detect", "--json", periods])).stdout).files[0].scopes;
    expect(scope.period).toEqual({ text: "11/30/2020", cell: "'Seg'!D2" });
    expect(scope.bindings.map((b: { code: string; cell: string }) => [b.code, b.cell])).toEqual([
      ["7010", "'Seg'!D4"],
      ["7020", "'Seg'!D5"],
      ["7040", "'Seg'!D6"],
    ]);
  });

  test("without --detect nothing is bound by label", async () => {
    const r = await cli(["--json", file]);
    const scopes = JSON.parse(r.stdout).files[0].scopes;
    expect(scopes.map((s: { scope: string }) => s.scope)).toEqual(["Named"]);
    expect(scopes[0].unmatched).toEqual([]);
  });

  test("the built command binds a firm's statements stacked on one sheet (child process)", () => {
    const built = buildWorkbook(
      publishedSections("goldman-sachs-2018-12-31"),
      { ...AS_PUBLISHED, stacked: true },
      rng(3)
    );
    const stacked = join(dir, "stacked.xlsx");
    writeFileSync(stacked, writeXlsx(built.model));
    const p = spawnSync(
      process.execPath,
      [join(ROOT, "bin", "focus-check.js"), "--detect", "--json", stacked],
      { encoding: "utf8" }
    );
    expect(p.status).toBe(0);
    const [scope] = JSON.parse(p.stdout).files[0].scopes;
    expect(scope.unit).toBe("1000000");
    const bound = new Map(
      scope.bindings.map((b: { cell: string; code: string }) => [b.cell, b.code])
    );
    expect(bound).toEqual(built.truth);
  });
});
