import { LINE_COUNT, lineIndex } from "./lines";
import type { Code } from "./types";

/**
 * Per-scope values keyed by FOCUS code, for the codes the statements define.
 * A dense array by line position (lineIndex) rather than a Map: a check fills
 * several of these for every scope, and growing a Map as thirty-odd codes go in,
 * then hashing a code at every step of the walk, cost more than the walk itself.
 * The checker walks by position (`at`); everything else can keep using codes.
 */
export class CodeTable<T> {
  private readonly slots = new Array<T | undefined>(LINE_COUNT);
  /** Positions set, in the order first set (a Map's iteration order). */
  private readonly order: number[] = [];

  static from<T>(map: ReadonlyMap<Code, T>): CodeTable<T> {
    const table = new CodeTable<T>();
    for (const [code, v] of map) {
      const i = lineIndex(code);
      if (i >= 0) table.setAt(i, v);
    }
    return table;
  }

  get(code: Code): T | undefined {
    return this.at(lineIndex(code));
  }

  has(code: Code): boolean {
    return this.get(code) !== undefined;
  }

  /** The value at a line position; undefined for -1 (a code no statement defines). */
  at(i: number): T | undefined {
    return i < 0 ? undefined : this.slots[i];
  }

  setAt(i: number, value: T): void {
    if (this.slots[i] === undefined) this.order.push(i);
    this.slots[i] = value;
  }

  positions(): readonly number[] {
    return this.order;
  }
}
