import { cellCount, type Area, type CellPos } from "../../grid";

/** A rectangle larger than this is split even when the budget allows it, to keep each range of a response modest. */
const MAX_RECTANGLE_CELLS = 20000;

interface Group {
  cells: CellPos[];
  box: Area;
  /** Cells read for nothing. */
  waste: number;
}

/**
 * The rectangles to read for each sheet's bound cells: one per sheet (its bounding box)
 * while all of them fit `budgetCells`; past that, the rectangle that reads the most cells
 * for nothing is split along its widest empty band, again and again, until they fit or no
 * cell is read for nothing.
 */
export function coverCells(
  sheets: Map<string, CellPos[]>,
  budgetCells: number
): Map<string, Area[]> {
  const owner = new Map<Group, string>();
  const heap = new MaxHeap<Group>((g) => g.waste);
  let total = 0;
  const add = (sheet: string, group: Group) => {
    owner.set(group, sheet);
    heap.push(group);
    total += cellCount(group.box);
  };
  for (const [sheet, cells] of sheets) {
    const unique = [...new Map(cells.map((c) => [`${c.row}:${c.col}`, c])).values()];
    if (unique.length) add(sheet, group(unique));
  }
  const done: Group[] = [];
  for (let g = heap.pop(); g; g = heap.pop()) {
    const oversized = cellCount(g.box) > MAX_RECTANGLE_CELLS;
    if (!oversized && (g.waste === 0 || total <= budgetCells)) {
      done.push(g);
      continue;
    }
    total -= cellCount(g.box);
    for (const part of split(g)) add(owner.get(g)!, part);
  }
  const out = new Map<string, Area[]>();
  for (const g of done) out.set(owner.get(g)!, [...(out.get(owner.get(g)!) ?? []), g.box]);
  for (const rects of out.values()) rects.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
  return out;
}

function group(cells: CellPos[]): Group {
  let r1 = Infinity,
    c1 = Infinity,
    r2 = -Infinity,
    c2 = -Infinity;
  for (const { row, col } of cells) {
    r1 = Math.min(r1, row);
    c1 = Math.min(c1, col);
    r2 = Math.max(r2, row);
    c2 = Math.max(c2, col);
  }
  const box = { r1, c1, r2, c2 };
  return { cells, box, waste: cellCount(box) - cells.length };
}

/** Two non-empty groups: across the empty band that saves the most cells, else at the middle of the longer side. */
function split({ cells, box }: Group): [Group, Group] {
  const rows = widestGap(cells.map((c) => c.row));
  const cols = widestGap(cells.map((c) => c.col));
  const rowSaving = rows.size * (box.c2 - box.c1 + 1);
  const colSaving = cols.size * (box.r2 - box.r1 + 1);
  let first: (c: CellPos) => boolean;
  if (rowSaving > 0 || colSaving > 0)
    first = rowSaving >= colSaving ? (c) => c.row <= rows.after : (c) => c.col <= cols.after;
  else {
    const byRows = box.r2 - box.r1 >= box.c2 - box.c1;
    const middle = byRows ? Math.floor((box.r1 + box.r2) / 2) : Math.floor((box.c1 + box.c2) / 2);
    first = (c) => (byRows ? c.row : c.col) <= middle;
  }
  const a: CellPos[] = [];
  const b: CellPos[] = [];
  for (const c of cells) (first(c) ? a : b).push(c);
  return [group(a), group(b)];
}

/** The largest run of absent values between present ones: its size, and the value just before it. */
function widestGap(values: number[]): { size: number; after: number } {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let best = { size: 0, after: sorted[0] };
  for (let i = 1; i < sorted.length; i++) {
    const size = sorted[i] - sorted[i - 1] - 1;
    if (size > best.size) best = { size, after: sorted[i - 1] };
  }
  return best;
}

/** A binary max-heap: the next rectangle to split is always the most wasteful. */
class MaxHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly key: (t: T) => number) {}

  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.key(a[parent]) >= this.key(a[i])) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.key(a[l]) > this.key(a[m])) m = l;
        if (r < a.length && this.key(a[r]) > this.key(a[m])) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
