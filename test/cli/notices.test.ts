import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderHtml } from "../../src/report/html";
import { reviewPackage } from "../../src/report/package";
import { reportSheet } from "../../src/report/sheet";
import { writeXlsx } from "../../sim";
import { boundSheet, check, checkBytes, SMALL_SEG } from "../workbook/fixtures";
import { runCli, tempFiles } from "./in-process";

const { dir, put } = tempFiles("focus-notices-");

const cli = runCli;

type Values = Record<string, number | string | boolean | null>;
/** Line codes as boundSheet lays them out; settings (FOCUS_NFA_MARGIN_BASED, …) in column F, bound at sheet level. */
function sheetOf(name: string, values: Values) {
  const codes = Object.fromEntries(Object.entries(values).filter(([k]) => /^\d{4}$/.test(k)));
  const part = boundSheet(name, codes, "sheet");
  Object.entries(values)
    .filter(([k]) => !/^\d{4}$/.test(k))
    .forEach(([key, v], i) => {
      if (v !== null) part.cells.push({ ref: `F${i + 2}`, value: v });
      part.names.push({
        name: `FOCUS_${key}`,
        refersTo: `'${name}'!$F$${i + 2}`,
        localSheet: name,
      });
    });
  return { name, ...part };
}
/** One sheet per day, each bound at sheet level. */
function book(days: [string, Values][]): Uint8Array {
  const parts = days.map(([name, values]) => sheetOf(name, values));
  return writeXlsx({
    sheets: parts.map((p) => ({ name: p.name, cells: p.cells })),
    names: parts.flatMap((p) => p.names),
  });
}

/** 4d(2) funds short by `short` dollars; SMALL_SEG requires 115. */
const seg = (excess: number): Values => ({
  ...SMALL_SEG,
  "7070": 115 + excess,
  "7180": 115 + excess,
  "7190": excess,
});
/** Capital: A 1,200,000, B 1,000,000, C 2,000,000 (EW 3,000,000 at 150%, 2,200,000 at 110%). */
const capital = (net: number, extra: Values = {}): Values => ({
  "7455": 1_200_000,
  "7465": 1_000_000,
  "7475": 2_000_000,
  "3750": net,
  ...extra,
});
const ewOf = (r: Awaited<ReturnType<typeof check>>) =>
  r.scopes[0].lines.find((l) => l.code === "7495")!.value!.toFixed();

describe("FOCUS_NFA_MARGIN_BASED and FOCUS_BROKER_DEALER in a workbook", () => {
  const one = (values: Values) => {
    const s = sheetOf("Cap", values);
    return { sheets: [{ name: "Cap", cells: s.cells }], names: s.names };
  };

  it("a TRUE cell takes 110% of the NFA requirement; FALSE or the word NO, 150%", async () => {
    expect(ewOf(await check(one(capital(2_500_000, { NFA_MARGIN_BASED: true }))))).toBe("2200000");
    expect(ewOf(await check(one(capital(2_500_000, { NFA_MARGIN_BASED: false }))))).toBe("3000000");
    expect(ewOf(await check(one(capital(2_500_000, { NFA_MARGIN_BASED: "no" }))))).toBe("3000000");
  });

  it("a constant name =TRUE counts; a value other than TRUE or FALSE is bad input naming the cell", async () => {
    const values = capital(2_500_000);
    const s = sheetOf("Cap", values);
    const constant = await check({
      sheets: [{ name: "Cap", cells: s.cells }],
      names: [...s.names, { name: "FOCUS_NFA_MARGIN_BASED", refersTo: "TRUE" }],
    });
    expect(ewOf(constant)).toBe("2200000");
    const bad = await check(one(capital(2_500_000, { BROKER_DEALER: "maybe" })));
    const f = bad.scopes[0].findings.find((x) => x.kind === "bad-input")!;
    expect(f.message).toBe(
      'FOCUS_BROKER_DEALER must hold TRUE or FALSE, not "maybe"; it is treated as not bound'
    );
    expect(f.cell).toBe("'Cap'!F2");
  });
});

describe("focus-check lists the notices due", () => {
  it("--json carries `notices`, most urgent first, with paragraph, line, recipients and deadline", async () => {
    // Wednesday 11/25/2020, then Friday 11/27 (Thanksgiving between): 4d(2) short; capital down 30%.
    const f = put(
      "week.xlsx",
      book([
        [
          "2020-11-25",
          { ...seg(35), ...capital(4_000_000, { BROKER_DEALER: true, NFA_MARGIN_BASED: true }) },
        ],
        [
          "2020-11-27",
          { ...seg(-1), ...capital(2_800_000, { BROKER_DEALER: true, NFA_MARGIN_BASED: true }) },
        ],
      ])
    );
    const json = JSON.parse((await cli(["--json", f])).stdout).files[0];
    expect(
      json.notices.map((n: { paragraph: string; due: string; code: string }) => [
        n.paragraph,
        n.code,
        n.due,
      ])
    ).toEqual([
      ["Reg 1.12(h)", "7190", "2020-11-27"],
      ["Reg 1.23(c)", "7190", "2020-11-27"], // residual interest 35 to -1: the withdrawal rule too
      ["Reg 1.12(g)(1)", "3750", "2020-12-01"],
    ]);
    expect(json.notices[0]).toMatchObject({
      statement: "seg-4d2",
      line: "14",
      scope: "2020-11-27",
      deadline: "immediate",
      recipients: ["CFTC", "DSRO", "SEC (Reg 1.12(n)(1))"],
    });
    expect(json.notices[2].dueText).toBe("within 2 business days: by 12/01/2020");
    expect(json.assumptions).toEqual([]);
  });

  it("prints them for people, and says what it assumed", async () => {
    const f = put("short.xlsx", book([["2020-12-04", seg(-10)]]));
    const r = await cli([f]);
    expect(r.stdout).toContain("notices due (1)");
    expect(r.stdout).toContain("immediately (statement as of 12/04/2020) · Reg 1.12(h)");
    expect(r.stdout).toContain("notify CFTC, DSRO");
    expect(r.stdout).toContain("assumed: FOCUS_BROKER_DEALER is not bound");
  });

  it("--compare finds a 20% capital decline against the prior file", async () => {
    const prev = put("cap-2020-12-03.xlsx", book([["Cap", capital(4_000_000)]]));
    const today = put("cap-2020-12-04.xlsx", book([["Cap", capital(3_200_000)]]));
    const json = JSON.parse((await cli(["--json", "--compare", prev, today])).stdout).files[0];
    const decline = json.notices.find((n: { rule: string }) => n.rule === "capital-decline");
    expect(decline).toMatchObject({ paragraph: "Reg 1.12(g)(1)", due: "2020-12-08" }); // Friday: Monday, Tuesday
  });

  it("the review package lists them: HTML and notices.csv", async () => {
    const f = put("pkg.xlsx", book([["2020-12-04", seg(-10)]]));
    const html = join(dir, "pkg.html");
    expect((await cli(["--report", "html", "--out", html, f])).code).toBe(1);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<h2>Notices due (1)</h2>");
    expect(page).toContain("<td>Reg 1.12(h)</td>");
    const out = join(dir, "csv");
    await cli(["--report", "csv", "--out", out, f]);
    const csv = readFileSync(join(out, "notices.csv"), "utf8").split("\r\n");
    expect(csv[0]).toBe(
      "due,deadline,paragraph,rule,trigger,statement,code,line,cell,scope,entity,as_of,notify,notice,acknowledged"
    );
    expect(csv[1]).toMatch(
      /^2020-12-04,immediately \(statement as of 12\/04\/2020\),Reg 1\.12\(h\),segregation-deficiency,/
    );
    expect(csv[1]).toContain(",CFTC; DSRO,");
  });
});

describe("the report sheet and the HTML package", () => {
  it("the report sheet lists the notices due, before the sign-offs; workbook text is escaped in HTML", async () => {
    const report = await checkBytes(
      book([["<b>Seg 2020-12-04", { ...seg(-10), ASOF: "2020-12-04" }]])
    );
    const pkg = reviewPackage(report, {
      file: "x.xlsx",
      fileSha256: null,
      generatedAt: "2020-12-04T12:00:00Z",
      by: null,
    });
    const sheet = reportSheet(pkg, report.scopes);
    const at = (text: string) => sheet.cells.find((c) => c.value === text);
    const heading = at("Notices due (1)")!;
    expect(heading.bold).toBe(true);
    const row = Number(heading.address.slice(1)) + 2; // the column heads, then the notice
    const cells = sheet.cells
      .filter((c) => c.address.match(/\d+$/)![0] === String(row))
      .map((c) => c.value);
    expect(cells.slice(0, 3)).toEqual([
      "12/04/2020",
      "immediately (statement as of 12/04/2020)",
      "Reg 1.12(h)",
    ]);
    expect(Number(at("Sign-offs")!.address.slice(1))).toBeGreaterThan(row);
    const html = renderHtml(pkg);
    expect(html).toContain("<td>&lt;b&gt;Seg 2020-12-04</td>");
    expect(html).not.toContain("<b>Seg");
  });
});
