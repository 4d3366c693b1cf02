import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS } from "./artifacts";

interface Violation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Violations this suite does not fail on, each for a stated reason. Anything else serious or
 * critical fails it, and every violation stays in the saved report.
 */
const KNOWN: { rule: string; node: RegExp; why: string }[] = [
  {
    rule: "aria-hidden-focus",
    node: /data-tabster-dummy/,
    why:
      "Fluent UI's tabster sentinels: focusable by design so they can pass focus on at once, hidden " +
      "from screen readers so they are never announced (Fluent: by design; Accessibility Insights " +
      "suppresses them too).",
  },
  {
    rule: "aria-hidden-focus",
    node: /^<div id="root" aria-hidden="true"/,
    why:
      "Fluent UI's modal dialog (the pane's ConfirmDialog) hides the rest of the page with " +
      "aria-hidden while tabster keeps keyboard focus inside the dialog; the controls behind it " +
      "keep their tabindex, which axe flags. Fluent's modal design (no inert); reported.",
  },
];

const isKnown = (v: Violation, html: string) =>
  KNOWN.some((k) => k.rule === v.id && k.node.test(html));

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core over the whole page (the pane and the grid), saved to test-results/preview/axe-<state>.json.
 * Returns the serious and critical violations but the KNOWN ones, as "rule: help (targets)".
 *
 * Injected with page.evaluate rather than addScriptTag: the page's Content-Security-Policy
 * (script-src 'self') refuses an inline <script>, and DevTools evaluation leaves it enforced.
 */
export async function seriousAxeViolations(page: Page, state: string): Promise<string[]> {
  // The source is evaluated as it is (not through eval(), which the policy also refuses).
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } };
    return (await axe.run()).violations;
  })) as Violation[];
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `axe-${state}.json`), JSON.stringify(violations, null, 2));
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isKnown(v, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
