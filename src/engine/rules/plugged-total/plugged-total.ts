import { parseA1 } from "../../../grid";
import { bindingName, isLineName } from "../../binding-name";
import type { CodeTable } from "../../code-table";
import type { Evaluator } from "../../evaluate";
import { finding, type Finding } from "../../findings";
import { areaContains, formulaRefs, type FormulaRefs } from "../../formula-refs";
import { indexedLine, type IndexedLine } from "../../indexed";
import type { RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import type { Code } from "../../types";
import { placeOf } from "../../location";

type BoundLines = CodeTable<BoundLine>;

/** Every keyed, checked total that does not add up its own bound parts. */
export function pluggedTotals(bound: BoundLines, ev: Evaluator, out: Finding[]): void {
  for (const at of bound.positions()) {
    const line = indexedLine(at);
    if (line.line.kind !== "derived" || ev.readAt(at)?.status !== "number") continue;
    if (!ev.computedAt(at).hasSource) continue; // condensed: already not-checked
    const f = pluggedTotal(line, bound.at(at)!, bound, ev);
    if (f) out.push(f);
  }
}

/**
 * A bound total that does not add up its own bound parts: a formula that leaves
 * one out (warning) or a typed constant (info). The leaves are the bound parts,
 * looking through parts that are not bound themselves.
 */
export function pluggedTotal(
  indexed: IndexedLine,
  b: BoundLine,
  bound: BoundLines,
  ev: Evaluator
): Finding | null {
  const line = indexed.line;
  const leaves = boundLeaves(indexed, bound);
  if (leaves.length === 0) return null;
  const formula = b.content.formula;
  const refs = formula ? formulaRefs(formula) : null;
  if (!formula || !refs || (refs.areas.length === 0 && refs.names.length === 0 && !refs.opaque))
    return typedTotal(line, b, leaves, ev);
  return formulaLeavingOut(line, b, formula, refs, leaves, bound);
}

/** A total typed as a constant while its parts are bound: worth knowing, not wrong. */
function typedTotal(line: RegisteredLine, b: BoundLine, leaves: Code[], ev: Evaluator): Finding {
  return finding("plugged-total", {
    code: line.code,
    statement: line.statement,
    ...placeOf(b),
    severity: "info",
    reported: readNumber(ev, line.code),
    message: `line ${line.line} (${line.code}) ${line.label} is a typed amount, not a formula over its parts (${leaves.join(", ")})`,
  });
}

/** A formula total that leaves out one of its bound parts (judged only when every reference is a part). */
function formulaLeavingOut(
  line: RegisteredLine,
  b: BoundLine,
  formula: string,
  refs: FormulaRefs,
  leaves: Code[],
  bound: BoundLines
): Finding | null {
  if (refs.opaque || !b.sheet) return null;
  const ownSheet = b.sheet;
  const covers = (leaf: BoundLine): boolean => {
    if (refs.names.includes(bindingName(leaf.code))) return true;
    const pos = leaf.sheet && leaf.address ? parseA1(leaf.address) : null;
    return (
      !!pos && refs.areas.some((a) => areaContains(a, leaf.sheet!, ownSheet, pos.row, pos.col))
    );
  };
  const leafLines = leaves.map((c) => bound.get(c)!);
  // A reference to anything that is not one of the parts (a helper cell, another name):
  // we cannot see what it holds, so we do not judge.
  const unknownNames = refs.names.some((n) => !isLineName(n));
  const unknownArea = refs.areas.some(
    (a) =>
      !leafLines.some((l) => {
        const pos = l.sheet && l.address ? parseA1(l.address) : null;
        return !!pos && areaContains(a, l.sheet!, ownSheet, pos.row, pos.col);
      })
  );
  if (unknownNames || unknownArea) return null;
  const left = leafLines.filter((l) => !covers(l)).map((l) => l.code);
  if (left.length === 0) return null;
  return finding("plugged-total", {
    code: line.code,
    statement: line.statement,
    ...placeOf(b),
    message: `line ${line.line} (${line.code}) ${line.label}: its formula =${formula} leaves out ${left.map((c) => `${c}${bound.get(c)?.cell ? ` (${bound.get(c)!.cell})` : ""}`).join(", ")}`,
  });
}

/** The bound parts of a derived line, looking through unbound derived parts to their own lines. */
function boundLeaves(
  line: IndexedLine,
  bound: BoundLines,
  out: Code[] = [],
  seen?: Set<Code>
): Code[] {
  for (const t of line.formula?.terms ?? []) {
    const b = bound.at(t.at);
    if (b) {
      if (b.cell) out.push(t.code);
      continue;
    }
    const part = t.at < 0 ? null : indexedLine(t.at);
    if (part?.line.kind !== "derived") continue;
    seen ??= new Set([line.line.code]);
    if (seen.has(t.code)) continue;
    seen.add(t.code);
    boundLeaves(part, bound, out, seen);
  }
  return out;
}

function readNumber(ev: Evaluator, code: Code) {
  const r = ev.read(code);
  return r?.status === "number" ? r.value : null;
}
