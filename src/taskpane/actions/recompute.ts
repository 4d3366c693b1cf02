import { cellLabel, excelFormula, lineOf } from "../../engine";
import { planScopes } from "../../workbook/bindings";
import { rangeKey, type CellWrite, type RangeRef, type Workbook } from "../../workbook/port";
import { validateWorkbook } from "../../workbook/validate";
import { parseCellLabel, sameName } from "./cell-ref";
import { ActionError } from "./errors";
import { lineName } from "./lines";
import { boundCodes, evaluatorOf } from "./scope-values";
import type { RecomputeRow } from "./types";

/**
 * Every bound derived line of every scope with the value its parts give. Left
 * out: inputs, policy and text lines (never candidates), totals whose parts are
 * all unbound (a condensed presentation: there is nothing to compute from) or
 * unreadable, and cells on another sheet than their scope's, where the names in
 * a formula would resolve differently.
 */
export async function recomputePreview(wb: Workbook): Promise<RecomputeRow[]> {
  const [report, structure] = await Promise.all([validateWorkbook(wb), wb.structure()]);
  const scopeSheet = new Map(
    planScopes(structure.sheets, structure.names).map((p) => [p.scope, p.sheet])
  );
  const rows: Omit<RecomputeRow, "typedByUser">[] = [];
  for (const scope of report.scopes) {
    const ev = evaluatorOf(scope);
    const bound = boundCodes(scope);
    const home = scopeSheet.get(scope.scope) ?? null;
    for (const l of scope.lines) {
      const line = lineOf(l.code);
      if (line?.kind !== "derived" || !l.bound || l.cell === null || l.computed === null) continue;
      if (!ev.computed(l.code).hasSource) continue;
      const ref = parseCellLabel(l.cell);
      if (!ref || (home !== null && !sameName(ref.sheet, home))) continue;
      rows.push({
        scope: scope.scope,
        code: l.code,
        line: line.line,
        label: line.label,
        sheet: ref.sheet,
        address: ref.address,
        cell: l.cell,
        reported: l.reported,
        computed: l.computed,
        formula: excelFormula(l.code, {
          isBound: (c) => bound.has(c),
          evaluator: ev,
          unit: scope.unit,
          nfaMarginBased: scope.firm?.nfaMarginBased === true,
        }),
        changes: l.reported === null || !l.reported.eq(l.computed),
      });
    }
  }
  if (rows.length === 0) return [];
  const reads = await wb.readRanges(
    rows.map((r): RangeRef => ({ sheet: r.sheet, address: r.address }))
  );
  return rows.map((r) => {
    const content = reads.get(rangeKey(r))?.content;
    const typed =
      content !== undefined && content.formula === undefined && content.value?.type !== "blank";
    const held =
      content?.formula !== undefined
        ? `=${content.formula}`
        : JSON.stringify(content?.value ?? { type: "blank" });
    return { ...r, typedByUser: typed, held };
  });
}

/**
 * Write the confirmed rows, in one batch. Defence in depth: every row must still
 * be a bound derived line with the value the user saw; otherwise nothing is written.
 */
export async function recomputeApply(
  wb: Workbook,
  rows: RecomputeRow[],
  mode: "values" | "formulas"
): Promise<number> {
  if (rows.length === 0) return 0;
  for (const r of rows) {
    const line = lineOf(r.code);
    if (line?.kind !== "derived") {
      const what = line ? `${lineName(line)} is not a total` : `${r.code} is not a line code`;
      throw new ActionError(
        `${what}: Recompute never overwrites it (${r.cell}). Nothing was written.`,
        r.cell
      );
    }
  }
  refuseOneCellTwice(rows);
  const current = new Map((await recomputePreview(wb)).map((r) => [`${r.scope}|${r.code}`, r]));
  const writes: CellWrite[] = rows.map((r) => {
    const now = current.get(`${r.scope}|${r.code}`);
    if (!now || rangeKey(now) !== rangeKey(r)) {
      throw new ActionError(
        `${r.cell} is no longer bound to ${r.code} in ${r.scope}. Nothing was written: preview again.`,
        r.cell
      );
    }
    // The cell must still hold what the preview showed: an entry typed since (by the user or a
    // co-author) is one the user never confirmed overwriting.
    if (
      !now.computed.eq(r.computed) ||
      (now.typedByUser && !r.typedByUser) ||
      !sameAmount(now.reported, r.reported) ||
      (r.held !== undefined && now.held !== r.held)
    ) {
      throw new ActionError(
        `${r.cell} changed since the preview. Nothing was written: preview again.`,
        r.cell
      );
    }
    return mode === "formulas"
      ? { sheet: now.sheet, address: now.address, formula: now.formula }
      : { sheet: now.sheet, address: now.address, value: now.computed.toNumber() };
  });
  await wb.writeCells(writes);
  return writes.length;
}

const sameAmount = (a: RecomputeRow["reported"], b: RecomputeRow["reported"]) =>
  a === null || b === null ? a === b : a.eq(b);

function refuseOneCellTwice(rows: RecomputeRow[]): void {
  const seen = new Map<string, RecomputeRow>();
  for (const r of rows) {
    const earlier = seen.get(rangeKey(r));
    if (earlier) {
      const cell = cellLabel(r.sheet, r.address);
      throw new ActionError(
        `${cell} is bound to both ${earlier.code} and ${r.code}: fix the binding first. Nothing was written.`,
        cell
      );
    }
    seen.set(rangeKey(r), r);
  }
}
