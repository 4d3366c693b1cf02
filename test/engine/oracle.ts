/**
 * An independent oracle for the statements, written from the reference's tables
 * with BigInt cents-free dollars and no decimal.js: derived lines from parts,
 * deduct lines by magnitude. It walks the same statement data (codes and terms)
 * but none of the engine's code.
 */
import { STATEMENTS, type LineDef } from "../../src/engine";

const lines = new Map<string, LineDef>();
for (const st of STATEMENTS) for (const l of st.lines) lines.set(l.code, l);

const abs = (x: bigint) => (x < 0n ? -x : x);

/** v x factor ("1.10") as an exact fraction num/den, in BigInt. */
function times(v: bigint, factor: string | undefined): { num: bigint; den: bigint } {
  if (!factor) return { num: v, den: 1n };
  const [i, f = ""] = factor.split(".");
  return { num: v * BigInt(i + f), den: 10n ** BigInt(f.length) };
}

function roundHalfUp(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  if (abs(r) * 2n >= den) return num < 0n ? q - 1n : q + 1n;
  return q;
}

/** Every derived line computed bottom-up from the given inputs (unbound inputs are 0). */
export function oracleValues(inputs: Record<string, bigint>): Record<string, bigint> {
  const memo: Record<string, bigint> = {};
  const value = (code: string): bigint => {
    if (code in memo) return memo[code];
    const line = lines.get(code)!;
    if (!line.formula) return (memo[code] = inputs[code] ?? 0n);
    const f = line.formula;
    // Work in a common denominator so percentage terms round once, at the end.
    const parts = f.terms.map((t) => {
      let v = value(t.code);
      if (lines.get(t.code)!.kind === "deduct") v = abs(v);
      const { num, den } = times(v, t.factor);
      return { num: t.sign < 0 ? -num : num, den };
    });
    const den = parts.reduce((d, p) => (p.den > d ? p.den : d), 1n);
    const scaled = parts.map((p) => p.num * (den / p.den));
    let num: bigint;
    if (f.op === "sum") num = scaled.reduce((a, b) => a + b, 0n);
    else {
      const all = f.floorDollars ? [...scaled, BigInt(f.floorDollars) * den] : scaled;
      num = all.reduce((a, b) => (b > a ? b : a));
    }
    return (memo[code] = f.roundToDollar || den !== 1n ? roundHalfUp(num, den) : num);
  };
  for (const code of lines.keys()) value(code);
  return memo;
}

export function isGreatestOf(code: string): boolean {
  return lines.get(code)?.formula?.op === "greatest";
}
