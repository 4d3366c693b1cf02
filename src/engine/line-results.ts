import type { CodeTable } from "./code-table";
import type { Evaluator } from "./evaluate";
import { INDEXED_STATEMENTS } from "./indexed";
import type { BoundLine, LineResult } from "./scope";
import type { StatementId } from "./types";

/** Every line of the statements in use, bound or not: its reported, computed and used value. */
export function lineResults(
  used: Set<StatementId>,
  bound: CodeTable<BoundLine>,
  ev: Evaluator,
  texts: CodeTable<string>
): LineResult[] {
  const out: LineResult[] = [];
  for (const st of INDEXED_STATEMENTS) {
    if (!used.has(st.def.id)) continue;
    for (const { line, at } of st.lines) {
      const b = bound.at(at);
      const read = ev.readAt(at);
      const v = ev.valueAt(at);
      const computed = line.kind === "derived" ? ev.computedAt(at) : null;
      const result: LineResult = {
        code: line.code,
        statement: line.statement,
        bound: !!b,
        cell: b?.cell ?? null,
        reported: read?.status === "number" ? read.value : null,
        computed: computed && !computed.bad ? computed.value : null,
        value: line.kind === "text" || v.bad ? null : v.value,
      };
      // Assigned rather than spread in: a spread per line cost more than the rest of the object.
      if (line.kind === "text") result.text = texts.at(at) ?? "";
      out.push(result);
    }
  }
  return out;
}
