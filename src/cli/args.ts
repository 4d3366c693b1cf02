/** focus-check's command line. Wrong arguments are a UsageError: exit 2, one line, no stack. */
export interface CliArgs {
  json: boolean;
  detect: boolean;
  strict: boolean;
  annotate: string | null;
  files: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: focus-check [--json] [--detect] [--strict] [--annotate OUT.xlsx] [FILE...]

Checks the FOCUS customer-funds statements bound in .xlsx/.xlsm workbooks
(defined names FOCUS_<code>) and prints every finding.

  --json              machine-readable report on stdout
  --detect            find line codes by the printed layout on sheets without FOCUS_ names
  --strict            exit 1 on warnings too
  --annotate OUT      write a copy of the (single) input with failing cells marked
  -h, --help          this help
  --version           the version

With no FILE, checks the bundled example workbook.
Exit codes: 0 clean, 1 findings (errors; with --strict, warnings too), 2 unusable file or arguments.`;

export function parseArgs(argv: string[]): CliArgs {
  const a: CliArgs = { json: false, detect: false, strict: false, annotate: null, files: [], help: false, version: false };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
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
  return a;
}
