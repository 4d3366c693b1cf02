import type { CellContent } from "../cell";
import { sha256, sha256Lines } from "./sha256";

/**
 * Sign-off records: tamper-evident, not a signature. Each entry's hash covers its
 * fields and the previous entry's hash, so editing or deleting an entry breaks
 * every later link; the content hash covers every bound value and every name's
 * target, so Validate can say what changed since the last sign-off. Anyone with
 * the workbook can recompute the hashes: this shows accidental and casual edits,
 * not a determined forger.
 */
export interface BoundValue {
  scope: string;
  /** The defined name as written (FOCUS_7010), or "(layout) 7010" for a detected line. */
  name: string;
  level: "sheet" | "workbook";
  /** What the name refers to: 'Seg 1'!$E$6, or the name's formula when it points nowhere usable. */
  target: string;
  /** The cell's value in canonical text (see canonicalValue). */
  value: string;
}

export interface SignOff {
  seq: number;
  reviewer: string;
  /** ISO timestamp (UTC). */
  at: string;
  /** The result when signed: "3 scopes, 1 error, 2 warnings". */
  summary: string;
  contentHash: string;
  previousHash: string;
  hash: string;
}

/** The genesis link: an all-zero hash. */
export const NO_PREVIOUS = "0".repeat(64);

/** A value as text that means the same in every adapter: numbers in JS shortest form, text tagged. */
export function canonicalValue(content: CellContent | null): string {
  const v = content?.value;
  if (!v || v.type === "blank") return "";
  if (v.type === "number") return String(v.value);
  if (v.type === "text") return `"${v.text}"`;
  if (v.type === "boolean") return v.value ? "TRUE" : "FALSE";
  return v.error;
}

/**
 * One hash over every bound value and target, independent of reading order: the values sorted
 * by slot (scope, level, name in capitals; compared field by field, which orders them as the
 * slot's text joined by NULs would), one line each. A year of daily sheets has tens of
 * thousands of values: each name is put in capitals once, and the lines are hashed as they
 * are made (sha256Lines), never joined into one text.
 */
export function contentHash(values: BoundValue[]): string {
  const names = values.map((v) => v.name.toUpperCase());
  const order = values.map((_, i) => i);
  order.sort((a, b) => bySlot(values[a], names[a], values[b], names[b]));
  return sha256Lines(
    (function* () {
      for (const i of order) {
        const v = values[i];
        yield `${escapeField(v.scope)}\t${escapeField(v.level)}\t${escapeField(names[i])}\t${escapeField(v.target)}\t${escapeField(v.value)}`;
      }
    })()
  );
}

function bySlot(a: BoundValue, aName: string, b: BoundValue, bName: string): number {
  return compare(a.scope, b.scope) || compare(a.level, b.level) || compare(aName, bName);
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Backslash, tab and newline escaped; most fields have none, and are returned as they are. */
const escapeField = (s: string) =>
  /[\\\t\n]/.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n") : s;

export function entryHash(e: Omit<SignOff, "hash">): string {
  return sha256(
    [String(e.seq), e.reviewer, e.at, e.summary, e.contentHash, e.previousHash]
      .map(escapeField)
      .join("\t")
  );
}

export function newSignOff(
  previous: SignOff | null,
  reviewer: string,
  at: string,
  summary: string,
  values: BoundValue[]
): SignOff {
  const entry = {
    seq: (previous?.seq ?? 0) + 1,
    reviewer,
    at,
    summary,
    contentHash: contentHash(values),
    previousHash: previous?.hash ?? NO_PREVIOUS,
  };
  return { ...entry, hash: entryHash(entry) };
}

/** Every broken link, in plain words; empty when the record is intact. */
export function verifyChain(entries: SignOff[]): string[] {
  const problems: string[] = [];
  entries.forEach((e, i) => {
    if (e.seq !== i + 1)
      problems.push(`sign-off ${i + 1} is numbered ${e.seq}: an entry was removed or reordered`);
    if (entryHash(e) !== e.hash)
      problems.push(`sign-off ${e.seq} (${e.reviewer}, ${e.at}) was edited after it was recorded`);
    const prev = i === 0 ? NO_PREVIOUS : entries[i - 1].hash;
    if (e.previousHash !== prev)
      problems.push(`sign-off ${e.seq} does not follow sign-off ${i}: the chain is broken`);
  });
  return problems;
}

export interface ValueChange {
  scope: string;
  name: string;
  kind: "changed" | "moved" | "added" | "removed";
  before: BoundValue | null;
  after: BoundValue | null;
}

/** What differs between the values signed and the values now, slot by slot. */
export function changesSince(signed: BoundValue[], now: BoundValue[]): ValueChange[] {
  const key = (v: BoundValue) => `${v.scope}\u0000${v.level}\u0000${v.name.toUpperCase()}`;
  const before = new Map(signed.map((v) => [key(v), v]));
  const after = new Map(now.map((v) => [key(v), v]));
  const out: ValueChange[] = [];
  for (const [k, b] of before) {
    const a = after.get(k);
    if (!a) out.push({ scope: b.scope, name: b.name, kind: "removed", before: b, after: null });
    else if (a.target !== b.target)
      out.push({ scope: a.scope, name: a.name, kind: "moved", before: b, after: a });
    else if (a.value !== b.value)
      out.push({ scope: a.scope, name: a.name, kind: "changed", before: b, after: a });
  }
  for (const [k, a] of after)
    if (!before.has(k))
      out.push({ scope: a.scope, name: a.name, kind: "added", before: null, after: a });
  return out.sort((x, y) => {
    const a = x.after ?? x.before!;
    const b = y.after ?? y.before!;
    return bySlot(a, a.name.toUpperCase(), b, b.name.toUpperCase());
  });
}
