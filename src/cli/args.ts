/** focus-check's command line. Wrong arguments are a UsageError: exit 2, one line, no stack. */
export interface CliArgs {
  json: boolean;
  detect: boolean;
  strict: boolean;
  annotate: string | null;
  /** A prior period's workbook to compare with. */
  compare: string | null;
  report: "html" | "csv" | null;
  /** Where --report writes: a file for html, a folder for csv. */
  out: string | null;
  /** Who the review package says produced it. */
  by: string | null;
  /** Day-over-day thresholds: a change is notable at or beyond both. */
  changePercent: string | null;
  changeAmount: string | null;
  files: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: focus-check [--json] [--detect] [--strict] [--annotate OUT.xlsx] [--compare PREV.xlsx]
                   [--report html|csv --out PATH [--by NAME]] [FILE...]

Checks the FOCUS customer-funds statements bound in .xlsx/.xlsm workbooks
(defined names FOCUS_<code>) and prints every finding.

  --json              machine-readable report on stdout
  --detect            find line codes by the printed layout on sheets without FOCUS_ names
  --strict            exit 1 on warnings too
  --annotate OUT      write a copy of the (single) input with failing cells marked
  --compare PREV      compare each period with the prior period in PREV.xlsx (periods
                      with an earlier period in their own workbook are compared with it)
  --change-pct N      a line's change is notable from N% of the prior value (default 10)
  --change-amount N   ... and from N dollars (default 0)
  --report FORMAT     write the review package: html (one print-ready file) or csv
                      (findings.csv, summaries.csv and a code,value file per scope)
  --out PATH          the file (html) or folder (csv) --report writes
  --by NAME           who the review package names as its author
  -h, --help          this help
  --version           the version

With no FILE, checks the bundled example workbook.
Exit codes: 0 clean, 1 findings (errors; with --strict, warnings too), 2 unusable file or arguments.
Acknowledged findings do not fail a run, except deficiencies and capital below the minimum.`;

export function parseArgs(argv: string[]): CliArgs {
  let i = 0;
  const a: CliArgs = {
    json: false, detect: false, strict: false, annotate: null, compare: null, report: null, out: null, by: null,
    changePercent: null, changeAmount: null, files: [], help: false, version: false,
  };
  const value = (flag: string, inline: string | undefined, what: string): string => {
    const v = inline ?? argv[++i];
    if (v === undefined || v === "") throw new UsageError(`${flag} needs ${what}`);
    return v;
  };
  const once = <K extends keyof CliArgs>(key: K, flag: string) => {
    if (a[key] !== null) throw new UsageError(`${flag} given twice`);
  };
  let onlyFiles = false;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      a.files.push(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    switch (flag) {
      case "--":
        onlyFiles = true;
        break;
      case "--json":
        a.json = true;
        break;
      case "--detect":
        a.detect = true;
        break;
      case "--strict":
        a.strict = true;
        break;
      case "--annotate": {
        const out = inline ?? argv[++i];
        if (!out) throw new UsageError("--annotate needs an output file name");
        if (a.annotate) throw new UsageError("--annotate given twice");
        a.annotate = out;
        break;
      }
      case "--compare":
        once("compare", flag);
        a.compare = value(flag, inline, "the prior period's workbook");
        break;
      case "--report": {
        once("report", flag);
        const format = value(flag, inline, "a format, html or csv");
        if (format !== "html" && format !== "csv") throw new UsageError(`--report writes html or csv, not ${format}`);
        a.report = format;
        break;
      }
      case "--out":
        once("out", flag);
        a.out = value(flag, inline, "a file or folder name");
        break;
      case "--by":
        once("by", flag);
        a.by = value(flag, inline, "a name");
        break;
      case "--change-pct":
        once("changePercent", flag);
        a.changePercent = number(flag, value(flag, inline, "a percentage"));
        break;
      case "--change-amount":
        once("changeAmount", flag);
        a.changeAmount = number(flag, value(flag, inline, "an amount in dollars"));
        break;
      case "-h":
      case "--help":
        a.help = true;
        break;
      case "--version":
        a.version = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (a.annotate && a.files.length > 1) throw new UsageError("--annotate takes exactly one input file");
  if (a.report && !a.out) throw new UsageError(`--report ${a.report} needs --out ${a.report === "html" ? "FILE.html" : "FOLDER"}`);
  if (a.out && !a.report) throw new UsageError("--out is for --report");
  if (a.report && a.files.length > 1) throw new UsageError("--report takes exactly one input file");
  return a;
}

function number(flag: string, v: string): string {
  if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`${flag} needs a number not below zero, not ${v}`);
  return v;
}
