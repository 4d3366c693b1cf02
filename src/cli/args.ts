import { parseArgs as nodeParseArgs } from "node:util";

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
Exit codes: 0 clean, 1 findings (errors; with --strict, warnings too), 2 unusable file or
arguments, or an --annotate or --report copy that could not be written.
Acknowledged findings do not fail a run, except deficiencies and capital below the minimum.`;

/** What each option takes: a switch, or a value and the words for it when it is missing. */
const OPTIONS = {
  json: { type: "boolean" },
  detect: { type: "boolean" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  annotate: { type: "string", needs: "an output file name" },
  compare: { type: "string", needs: "the prior period's workbook" },
  report: { type: "string", needs: "a format, html or csv" },
  out: { type: "string", needs: "a file or folder name" },
  by: { type: "string", needs: "a name" },
  "change-pct": { type: "string", needs: "a percentage" },
  "change-amount": { type: "string", needs: "an amount in dollars" },
} as const;

type Option = keyof typeof OPTIONS;
type Valued = { [K in Option]: (typeof OPTIONS)[K]["type"] extends "string" ? K : never }[Option];

/**
 * Node's util.parseArgs splits the command line into tokens (options with their values, files, `--`);
 * it runs non-strict so that every refusal below keeps focus-check's own wording, in argument order.
 */
export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = {
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
  };
  const { tokens } = nodeParseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Set<Option>();
  for (const t of tokens) {
    if (t.kind === "positional") a.files.push(t.value);
    if (t.kind !== "option") continue;
    // An option is known only as typed whole: -hv, -hh and -h=x are unknown, as are names not listed.
    const typed = argv[t.index];
    const whole =
      typed === t.rawName || (t.inlineValue === true && typed === `${t.rawName}=${t.value}`);
    if (!Object.hasOwn(OPTIONS, t.name) || !whole) throw new UsageError(`unknown option ${typed}`);
    const name = t.name as Option;
    if (OPTIONS[name].type === "boolean") {
      // A switch ignores a value given after "=", as it always has.
      setSwitch(a, name as Exclude<Option, Valued>);
      continue;
    }
    const flag = `--${name}`;
    const repeated = seen.has(name);
    // --annotate reports a missing value before a repeat; the others the other way round.
    if (repeated && name !== "annotate") throw new UsageError(`${flag} given twice`);
    const v = t.value;
    if (v === undefined || v === "")
      throw new UsageError(`${flag} needs ${OPTIONS[name as Valued].needs}`);
    if (repeated) throw new UsageError(`${flag} given twice`);
    seen.add(name);
    setValue(a, name as Valued, v);
  }
  if (a.annotate && a.files.length > 1)
    throw new UsageError("--annotate takes exactly one input file");
  if (a.report && !a.out)
    throw new UsageError(
      `--report ${a.report} needs --out ${a.report === "html" ? "FILE.html" : "FOLDER"}`
    );
  if (a.out && !a.report) throw new UsageError("--out is for --report");
  if (a.report && a.files.length > 1) throw new UsageError("--report takes exactly one input file");
  return a;
}

function setSwitch(a: CliArgs, name: Exclude<Option, Valued>): void {
  a[name] = true;
}

function setValue(a: CliArgs, name: Valued, v: string): void {
  switch (name) {
    case "report":
      if (v !== "html" && v !== "csv")
        throw new UsageError(`--report writes html or csv, not ${v}`);
      a.report = v;
      break;
    case "change-pct":
      a.changePercent = number("--change-pct", v);
      break;
    case "change-amount":
      a.changeAmount = number("--change-amount", v);
      break;
    default:
      a[name] = v;
  }
}

function number(flag: string, v: string): string {
  if (!/^\d+(\.\d+)?$/.test(v))
    throw new UsageError(`${flag} needs a number not below zero, not ${v}`);
  return v;
}
