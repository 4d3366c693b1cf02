import { cellCount, type Area } from "../../grid";

/**
 * What one request may carry, estimated: Excel on the web answers at most 5 MB a response and
 * throws ResponsePayloadSizeLimitExceeded past it; the adapter keeps each under 4 MB.
 * Microsoft's "Resource limits and performance optimization for Office Add-ins"
 * (docs/concepts/resource-limits-and-performance-optimization.md): "Split the operation into
 * smaller pieces as needed. Call context.sync() for each sub-operation".
 */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** Excel's refusal of a response over its limit; a refused sync read nothing, so reading again is safe. */
export const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** A rectangle of one sheet to read. */
export type Planned = { sheet: string; rect: Area };

/** A chunk in two: its rectangles, or its one rectangle's rows, or columns; null for one cell. */
export function halve(chunk: Planned[]): [Planned[], Planned[]] | null {
  if (chunk.length > 1) {
    const mid = Math.ceil(chunk.length / 2);
    return [chunk.slice(0, mid), chunk.slice(mid)];
  }
  if (chunk.length === 0) return null;
  const [{ sheet, rect }] = chunk;
  if (rect.r2 > rect.r1) {
    const mid = rect.r1 + Math.floor((rect.r2 - rect.r1) / 2);
    return [[{ sheet, rect: { ...rect, r2: mid } }], [{ sheet, rect: { ...rect, r1: mid + 1 } }]];
  }
  if (rect.c2 > rect.c1) {
    const mid = rect.c1 + Math.floor((rect.c2 - rect.c1) / 2);
    return [[{ sheet, rect: { ...rect, c2: mid } }], [{ sheet, rect: { ...rect, c1: mid + 1 } }]];
  }
  return null;
}

/** Rectangles grouped so no request is estimated above the budget: a rectangle costs `bytesPerCell` a cell plus `overhead`. */
export function withinBudget(plan: Planned[], bytesPerCell: number, overhead: number): Planned[][] {
  const chunks: Planned[][] = [[]];
  let used = 0;
  for (const p of plan) {
    const cost = overhead + cellCount(p.rect) * bytesPerCell;
    if (used + cost > REQUEST_BUDGET_BYTES && used > 0) {
      chunks.push([]);
      used = 0;
    }
    chunks[chunks.length - 1].push(p);
    used += cost;
  }
  return chunks;
}
