import { absoluteA1, parseA1, parseCellLabel, qualified, topLeftOf } from "../../grid";

/** A cell's label taken apart, and a range's top-left cell: the grid module's (src/grid/sheet-name.ts). */
export { parseCellLabel, topLeftOf };

/** What a name refers to: 'Day 1'!$E$29 (absolute, so the name does not drift). */
export function absoluteReference(sheet: string, address: string): string {
  const pos = parseA1(address);
  if (!pos) throw new Error(`"${address}" is not a cell address`);
  return qualified(sheet, absoluteA1(pos), { always: true });
}

/** Excel compares sheet and defined names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
