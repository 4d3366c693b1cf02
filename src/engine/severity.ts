/** How much a finding matters: an error to fix, a warning to decide on, a note to know. */
export type Severity = "error" | "warning" | "info";

/**
 * Every severity's order, word and colours, in one table for the pane, the reports,
 * the terminal and the cell marks. The fills and fonts are Excel's own "Light red fill
 * with dark red text" and its yellow and blue siblings; `print` is the darker text
 * colour of the HTML report (readable on white paper); `badge` is Fluent UI's colour
 * name for the pane's badges; `terminal` the ANSI tone of the CLI.
 */
export const SEVERITIES = {
  error: {
    rank: 0,
    word: "Error",
    fill: "#FFC7CE",
    font: "#9C0006",
    print: "#a4262c",
    badge: "danger",
    terminal: "red",
  },
  warning: {
    rank: 1,
    word: "Warning",
    fill: "#FFEB9C",
    font: "#9C5700",
    print: "#8a5300",
    badge: "warning",
    terminal: "yellow",
  },
  info: {
    rank: 2,
    word: "Note",
    fill: "#DDEBF7",
    font: "#1F4E78",
    print: "#444",
    badge: "informative",
    terminal: "dim",
  },
} as const satisfies Record<
  Severity,
  {
    rank: number;
    word: string;
    fill: string;
    font: string;
    print: string;
    badge: string;
    terminal: string;
  }
>;

/** Errors first (0), then warnings, then notes. */
export function severityRank(s: Severity): number {
  return SEVERITIES[s].rank;
}
