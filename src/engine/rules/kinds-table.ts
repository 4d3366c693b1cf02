import { RULES } from "./registry";

/** The README's table of finding kinds, as Markdown: one row per kind, from the registry. */
export function kindsTable(): string {
  const rows = Object.entries(RULES).map(([kind, rule]) => {
    const when = rule.severities
      ? Object.entries(rule.severities)
          .map(([sev, why]) => `${sev} (${why})`)
          .join("; ")
      : rule.severity;
    const raised = rule.raisedIn
      .split(", ")
      .map((p) => `\`${p}\``)
      .join(", ");
    return `| ${kind} | ${when} | ${raised} |`;
  });
  return ["| kind | severity | raised in |", "|---|---|---|", ...rows].join("\n");
}
