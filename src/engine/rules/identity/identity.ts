import { grouped, within, type Dec } from "../../decimal";
import { toleranceFor, type Evaluator } from "../../evaluate";
import { finding, type Finding } from "../../findings";
import { lineOf, type RegisteredLine } from "../../lines";
import type { BoundLine } from "../../scope";
import type { Code, LineDef, Term } from "../../types";
import { describe } from "../describe";
import { placeOf } from "../../location";

/** A derived line whose keyed amount differs from its parts by more than the tolerance allows. */
export function identity(
  line: RegisteredLine,
  b: BoundLine,
  reported: Dec,
  computed: Dec,
  ev: Evaluator,
  declared: Dec
): Finding | null {
  if (within(reported, computed, toleranceFor(line, declared, ev.dollar))) return null;
  const difference = reported.sub(computed);
  const suspect = suspectTerm(line, ev, difference);
  const suspectNote = suspect
    ? `; the difference is exactly twice ${suspect}: its sign was probably keyed the wrong way`
    : "";
  return finding("identity", {
    code: line.code,
    statement: line.statement,
    ...placeOf(b),
    reported: reported,
    expected: computed,
    difference,
    suspect,
    message: `${describe(line)}: reported ${grouped(reported)}, its parts give ${grouped(computed)} (difference ${grouped(difference)})${suspectNote}`,
  });
}

/** The direct part whose contribution is exactly half the difference: deduct lines first, then signed lines. */
function suspectTerm(line: LineDef, ev: Evaluator, difference: Dec): Code | null {
  const terms = line.formula?.terms ?? [];
  const rank = (t: Term) => ({ deduct: 0, signed: 1 })[lineOf(t.code)?.kind as string] ?? 2;
  const ordered = [...terms].filter((t) => !t.factor).sort((a, b) => rank(a) - rank(b));
  const half = difference.abs().div(2);
  for (const t of ordered) {
    const c = ev.contribution(t).value;
    if (!c.isZero() && c.abs().eq(half)) return t.code;
  }
  return null;
}
