import { bindingName } from "./binding-name";
import type { Finding } from "./findings";
import type { MarkOptions } from "./rules/rule";
import { ruleOf } from "./rules/registry";

/**
 * The conditional-format formula that marks a finding's cell: TRUE while the
 * problem persists, written over FOCUS_ names so the mark follows later edits
 * with no add-in write. It starts with N("<marker>:<kind>:<code>"), which is 0
 * and changes nothing, so the add-in can find its own rules again after the
 * workbook was closed and reopened. Null for findings a formula cannot track.
 * Each kind's formula is its `mark` in rules/<kind>/rule.ts.
 */
export function highlightRule(f: Finding, opts: MarkOptions): string | null {
  const mark = ruleOf(f.kind).mark;
  if (!f.code || !mark) return null;
  const tag = `N("${opts.marker}:${f.kind}:${f.code}")=0`;
  return mark({ finding: { ...f, code: f.code }, tag, name: bindingName(f.code), opts });
}
