import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { type WorkbookModel, writeXlsx } from "../../sim";
import { boundSheet, SMALL_SEG } from "../workbook/fixtures";
import { runCli, tempFiles } from "../cli/in-process";

const { dir, put } = tempFiles("focus-review-cli-");

const cli = runCli;

/** A daily 4d(2) statement whose excess (7190) is `excess`; required 115 as in SMALL_SEG. */
const day = (excess: number) => ({
  ...SMALL_SEG,
  "7070": 115 + excess,
  "7180": 115 + excess,
  "7190": excess,
});

function daily(sheets: [string, number][], extra: Partial<WorkbookModel> = {}): Uint8Array {
  const parts = sheets.map(([name, excess]) => ({
    name,
    ...boundSheet(name, day(excess), "sheet"),
  }));
  return writeXlsx({
    sheets: parts.map((p) => ({ name: p.name, cells: p.cells })),
    names: parts.flatMap((p) => p.names),
    ...extra,
  });
}

describe("focus-check for reviewers", () => {
  test("--json orders the periods by date and carries the excess-and-target series and gaps", async () => {
    const f = put(
      "week.xlsx",
      daily([
        ["12-03-20", 90],
        ["11-30-20", 100],
        ["12-01-20", 95],
      ])
    );
    const r = await cli(["--json", f]);
    const json = JSON.parse(r.stdout).files[0];
    expect(json.series).toHaveLength(1);
    expect(json.series[0]).toMatchObject({ statement: "seg-4d2", cadence: "daily" });
    expect(
      json.series[0].points.map((p: { asOf: string; excess: string }) => [p.asOf, p.excess])
    ).toEqual([
      ["2020-11-30", "100"],
      ["2020-12-01", "95"],
      ["2020-12-03", "90"],
    ]);
    const gap = json.scopes
      .find((s: { scope: string }) => s.scope === "12-03-20")
      .findings.find((x: { kind: string }) => x.kind === "period-missing");
    expect(gap.message).toContain("12/02/2020");
    expect(
      json.comparisons.map((c: { scope: string; priorScope: string }) => [c.scope, c.priorScope])
    ).toEqual([
      ["12-01-20", "11-30-20"],
      ["12-03-20", "12-01-20"],
    ]);
  });

  test("flags a withdrawal of more than 25% of yesterday's residual interest inside one workbook, citing the rules", async () => {
    const f = put(
      "drop.xlsx",
      daily([
        ["Seg 2020-11-30", 100],
        ["Seg 2020-12-01", 70],
      ])
    );
    const r = await cli([f]);
    expect(r.stdout).toMatch(/residual-withdrawal/);
    expect(r.stdout).toContain("residual interest fell by 30 (30.0%) from 100");
    expect(r.stdout).toContain("Reg 1.23(c)");
    expect(r.code).toBe(0); // a warning: exit 1 only with --strict
    expect((await cli(["--strict", f])).code).toBe(1);
  });

  test("--compare PREV.xlsx compares today's file with yesterday's, line by line", async () => {
    const prev = put("seg-2020-11-30.xlsx", daily([["Seg", 100]]));
    const today = put("seg-2020-12-01.xlsx", daily([["Seg", 60]]));
    const r = await cli(["--compare", prev, today]);
    expect(r.stdout).toContain("scope Seg against Seg in seg-2020-11-30.xlsx");
    expect(r.stdout).toMatch(
      /line 13 \(7180\) Total amount in segregation: 215 → 175 \(-40, -18\.60%\)/
    );
    expect(r.stdout).toContain("residual interest fell by 40 (40.0%)");
    const json = JSON.parse((await cli(["--json", "--compare", prev, today])).stdout).files[0];
    const row = json.comparisons[0].rows.find((x: { code: string }) => x.code === "7190");
    expect(row).toMatchObject({
      prior: "100",
      current: "60",
      change: "-40",
      percent: "-40",
      notable: true,
    });
  });

  test("--compare with an unreadable prior file is a usage failure naming it", async () => {
    const today = put("t.xlsx", daily([["Seg", 60]]));
    const r = await cli(["--compare", join(dir, "missing.xlsx"), today]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--compare");
    expect(r.stderr).toContain("missing.xlsx: no such file");
  });

  test("--change-pct and --change-amount set what is notable", async () => {
    const prev = put("p.xlsx", daily([["Seg", 100]]));
    const today = put("n.xlsx", daily([["Seg", 95]]));
    const notable = async (args: string[]) =>
      JSON.parse((await cli(["--json", ...args, "--compare", prev, today])).stdout)
        .files[0].comparisons[0].rows.filter((x: { notable: boolean }) => x.notable)
        .map((x: { code: string }) => x.code);
    // Excess 100 -> 95 (-5%), funds 215 -> 210 (-2.33%): under the default 10%.
    expect(await notable([])).toEqual([]);
    expect(await notable(["--change-pct", "1"])).toEqual(["7070", "7180", "7190"]);
    expect(await notable(["--change-pct", "1", "--change-amount", "6"])).toEqual([]);
  });

  test("--report html writes a self-contained, print-ready package with the file's SHA-256 and versions", async () => {
    const bytes = daily([
      ["Seg 2020-11-30", 100],
      ["Seg 2020-12-01", 70],
    ]);
    const f = put("pkg.xlsx", bytes);
    const out = join(dir, "review.html");
    const r = await cli([
      "--report",
      "html",
      "--out",
      out,
      "--by",
      "A. Reviewer <ar@example.com>",
      f,
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain(createHash("sha256").update(bytes).digest("hex"));
    expect(html).toContain("focus-check 0.1.0");
    expect(html).toContain("focus-lines.md");
    expect(html).toContain("by A. Reviewer &lt;ar@example.com&gt;"); // escaped, never markup
    expect(html).toContain("Seg 2020-12-01 · as of 12/01/2020");
    expect(html).toContain("Reg 1.23(c)");
    expect(html).toMatch(/<h2>Inferred codes<\/h2>[\s\S]*7190/);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  test("--report csv writes findings, summaries and a code,value file per scope", async () => {
    const f = put(
      "csv.xlsx",
      daily([
        ["Seg 2020-11-30", 100],
        ["Seg 2020-12-01", 70],
      ])
    );
    const out = join(dir, "csv-out");
    expect((await cli(["--report", "csv", "--out", out, f])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "findings.csv",
      "notices.csv",
      "summaries.csv",
      "values-Seg-2020-11-30.csv",
      "values-Seg-2020-12-01.csv",
    ]);
    const values = readFileSync(join(out, "values-Seg-2020-12-01.csv"), "utf8").split("\r\n");
    expect(values[0]).toBe("code,value");
    expect(values).toEqual(expect.arrayContaining(["7010,100", "7190,70", "7180,185"]));
    const findings = readFileSync(join(out, "findings.csv"), "utf8");
    expect(findings.split("\r\n")[0]).toMatch(/^scope,entity,as_of,severity,kind/);
    expect(findings).toContain("residual-withdrawal");
    expect(readFileSync(join(out, "summaries.csv"), "utf8")).toContain(
      "Seg 2020-12-01,,2020-12-01,4d(2) segregation,70,"
    );
  });

  test("--report needs --out, and one input file", async () => {
    const f = put("one.xlsx", daily([["Seg", 100]]));
    expect((await cli(["--report", "html", f])).stderr).toContain(
      "--report html needs --out FILE.html"
    );
    expect((await cli(["--report", "pdf", "--out", "x", f])).stderr).toContain(
      "--report writes html or csv, not pdf"
    );
    expect((await cli(["--report", "csv", "--out", join(dir, "d"), f, f])).code).toBe(2);
    expect(
      (await cli(["--report", "html", "--out", join(dir, "no", "such", "r.html"), f])).stderr
    ).toContain("does not exist");
    expect(existsSync(join(dir, "no"))).toBe(false);
  });

  test("FOCUS_ENTITY and FOCUS_ASOF place a scope in time, before the sheet name", async () => {
    const s = boundSheet("Daily", day(100), "sheet");
    const bytes = writeXlsx({
      sheets: [
        {
          name: "Daily",
          cells: [
            ...s.cells,
            { ref: "H1", value: "HSBC Securities (USA) Inc." },
            { ref: "H2", value: 44165, numberFormat: "m/d/yyyy" },
          ],
        },
      ],
      names: [
        ...s.names,
        { name: "FOCUS_ENTITY", refersTo: "'Daily'!$H$1", localSheet: "Daily" },
        { name: "FOCUS_ASOF", refersTo: "'Daily'!$H$2", localSheet: "Daily" },
      ],
    });
    const json = JSON.parse((await cli(["--json", put("entity.xlsx", bytes)])).stdout).files[0];
    expect(json.periods).toEqual([
      {
        scope: "Daily",
        entity: "HSBC Securities (USA) Inc.",
        entitySource: "FOCUS_ENTITY",
        entityCell: "'Daily'!H1",
        asOf: "2020-11-30",
        source: "FOCUS_ASOF",
      },
    ]);
  });

  test("--json shows a firm read from the sheet's heading as such, and two firms on one day are no duplicates", async () => {
    const sheet = (name: string, firm: string, excess: number) => {
      const s = boundSheet(name, day(excess), "sheet");
      return {
        name,
        cells: [
          { ref: "A1", value: firm },
          { ref: "A2", value: "Statement of Segregation Requirements and Funds in Segregation" },
          ...s.cells,
        ],
        names: s.names,
      };
    };
    const parts = [
      sheet("A 2020-11-30", "Alpha Futures LLC", 100),
      sheet("B 2020-11-30", "Beta Securities Inc.", 100),
    ];
    const bytes = writeXlsx({
      sheets: parts.map(({ name, cells }) => ({ name, cells })),
      names: parts.flatMap((p) => p.names),
    });
    const json = JSON.parse((await cli(["--json", put("two-firms.xlsx", bytes)])).stdout).files[0];
    expect(
      json.periods.map((p: { entity: string; entitySource: string; entityCell: string }) => [
        p.entity,
        p.entitySource,
        p.entityCell,
      ])
    ).toEqual([
      ["Alpha Futures LLC", "sheet heading", "'A 2020-11-30'!A1"],
      ["Beta Securities Inc.", "sheet heading", "'B 2020-11-30'!A1"],
    ]);
    const kinds = json.scopes.flatMap((s: { findings: { kind: string }[] }) =>
      s.findings.map((f) => f.kind)
    );
    expect(kinds).not.toContain("period-duplicate");
  });
});

test("workbook text in the review lines cannot drive the terminal", async () => {
  const a = boundSheet("Seg 2020-11-30", day(100), "sheet");
  const b = boundSheet("Seg 2020-12-01", day(100), "sheet");
  const bytes = writeXlsx({
    sheets: [
      {
        name: "Seg 2020-11-30",
        cells: [...a.cells, { ref: "H1", value: "ESC[2JESC]0;pwnedBELFirm" }],
      },
      { name: "Seg 2020-12-01", cells: b.cells },
    ],
    names: [...a.names, ...b.names, { name: "FOCUS_ENTITY", refersTo: "'Seg 2020-11-30'!$H$1" }],
  });
  // The writer will not write control characters; put them in as OOXML escapes, as a hostile file would.
  const parts = unzipSync(bytes);
  for (const [path, data] of Object.entries(parts)) {
    if (path.endsWith(".xml"))
      parts[path] = strToU8(strFromU8(data).replace(/ESC/g, "_x001B_").replace(/BEL/g, "_x0007_"));
  }
  const r = await cli([put("escape.xlsx", zipSync(parts))]);
  expect(r.stdout).toContain("periods 2 daily statements of ?[2J?]0;pwned?Firm");
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  expect(r.stdout).not.toMatch(/\u001b|\u0007/);
});
