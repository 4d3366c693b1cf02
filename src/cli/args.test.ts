import { parseArgs, UsageError } from "./args";

/** The message a wrong command line gets, or null when it parses. */
function refusal(argv: string[]): string | null {
  try {
    parseArgs(argv);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
}

describe("focus-check's command line", () => {
  test("no arguments: every option off, no files", () => {
    expect(parseArgs([])).toEqual({
      json: false,
      detect: false,
      strict: false,
      annotate: null,
      compare: null,
      report: null,
      out: null,
      by: null,
      changePercent: null,
      changeAmount: null,
      files: [],
      help: false,
      version: false,
    });
  });

  test("switches, values (separate or after =) and files in any order", () => {
    const a = parseArgs([
      "a.xlsx",
      "--json",
      "--detect",
      "--strict",
      "--compare",
      "prev.xlsx",
      "--change-pct=5",
      "--change-amount",
      "1000.50",
      "b.xlsx",
    ]);
    expect(a).toMatchObject({
      json: true,
      detect: true,
      strict: true,
      compare: "prev.xlsx",
      changePercent: "5",
      changeAmount: "1000.50",
      files: ["a.xlsx", "b.xlsx"],
    });
    expect(parseArgs(["--report=csv", "--out", "dir", "--by=Ann Lee", "x.xlsx"])).toMatchObject({
      report: "csv",
      out: "dir",
      by: "Ann Lee",
      files: ["x.xlsx"],
    });
    expect(parseArgs(["--annotate=out.xlsx", "in.xlsx"])).toMatchObject({
      annotate: "out.xlsx",
      files: ["in.xlsx"],
    });
    expect(parseArgs(["-h"]).help).toBe(true);
    expect(parseArgs(["--help"]).help).toBe(true);
    expect(parseArgs(["--version"]).version).toBe(true);
  });

  test("a value is the next argument even when it starts with a dash", () => {
    expect(parseArgs(["--by", "--json", "x.xlsx"])).toMatchObject({
      by: "--json",
      json: false,
      files: ["x.xlsx"],
    });
    expect(refusal(["--change-pct", "-5"])).toBe(
      "--change-pct needs a number not below zero, not -5"
    );
  });

  test("a lone dash is a file, and after -- everything is a file", () => {
    expect(parseArgs(["-"]).files).toEqual(["-"]);
    expect(parseArgs(["--json", "--", "--strict", "-h", "a.xlsx"])).toMatchObject({
      json: true,
      strict: false,
      help: false,
      files: ["--strict", "-h", "a.xlsx"],
    });
  });

  test("unknown options are named as typed", () => {
    expect(refusal(["--bogus"])).toBe("unknown option --bogus");
    expect(refusal(["--bogus=1"])).toBe("unknown option --bogus=1");
    expect(refusal(["-x"])).toBe("unknown option -x");
    expect(refusal(["-hv"])).toBe("unknown option -hv");
    expect(refusal(["-hh"])).toBe("unknown option -hh");
    expect(refusal(["-h=x"])).toBe("unknown option -h=x");
    expect(refusal(["--h"])).toBe("unknown option --h");
    expect(refusal(["a.xlsx", "--JSON"])).toBe("unknown option --JSON");
  });

  test("a missing or empty value says what the option needs", () => {
    expect(refusal(["--annotate"])).toBe("--annotate needs an output file name");
    expect(refusal(["--annotate="])).toBe("--annotate needs an output file name");
    expect(refusal(["--compare"])).toBe("--compare needs the prior period's workbook");
    expect(refusal(["--compare="])).toBe("--compare needs the prior period's workbook");
    expect(refusal(["--report"])).toBe("--report needs a format, html or csv");
    expect(refusal(["--out"])).toBe("--out needs a file or folder name");
    expect(refusal(["--by", ""])).toBe("--by needs a name");
    expect(refusal(["--change-pct"])).toBe("--change-pct needs a percentage");
    expect(refusal(["--change-amount"])).toBe("--change-amount needs an amount in dollars");
  });

  test("an option given twice is refused", () => {
    expect(refusal(["--annotate", "a.xlsx", "--annotate", "b.xlsx"])).toBe(
      "--annotate given twice"
    );
    expect(refusal(["--compare", "a", "--compare=b"])).toBe("--compare given twice");
    expect(refusal(["--compare", "a", "--compare"])).toBe("--compare given twice");
    expect(refusal(["--annotate", "a.xlsx", "--annotate"])).toBe(
      "--annotate needs an output file name"
    );
    expect(refusal(["--by", "a", "--by", "b"])).toBe("--by given twice");
    expect(refusal(["--change-amount", "1", "--change-amount", "2"])).toBe(
      "--change-amount given twice"
    );
    // Switches may repeat.
    expect(parseArgs(["--json", "--json"]).json).toBe(true);
  });

  test("values are checked", () => {
    expect(refusal(["--report", "pdf"])).toBe("--report writes html or csv, not pdf");
    expect(refusal(["--change-pct", "1e3"])).toBe(
      "--change-pct needs a number not below zero, not 1e3"
    );
    expect(refusal(["--change-amount", "1,000"])).toBe(
      "--change-amount needs a number not below zero, not 1,000"
    );
    expect(parseArgs(["--change-pct", "12.5"]).changePercent).toBe("12.5");
  });

  test("options that need each other or one input file", () => {
    expect(refusal(["--annotate", "o.xlsx", "a.xlsx", "b.xlsx"])).toBe(
      "--annotate takes exactly one input file"
    );
    expect(refusal(["--report", "html", "a.xlsx"])).toBe("--report html needs --out FILE.html");
    expect(refusal(["--report", "csv"])).toBe("--report csv needs --out FOLDER");
    expect(refusal(["--out", "x"])).toBe("--out is for --report");
    expect(refusal(["--report", "csv", "--out", "d", "a.xlsx", "b.xlsx"])).toBe(
      "--report takes exactly one input file"
    );
  });

  test("the first wrong argument is the one reported", () => {
    expect(refusal(["--bogus", "--report", "pdf"])).toBe("unknown option --bogus");
    expect(refusal(["--report", "pdf", "--bogus"])).toBe("--report writes html or csv, not pdf");
  });
});
