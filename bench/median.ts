/** The middle of the sorted figures (the upper middle for an even count). Its own module so the
 * measuring modules (functions.ts, pane.ts) need not import results.ts, which imports their types. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
