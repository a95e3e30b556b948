/**
 * A small seeded PRNG (mulberry32): the benchmark city is the same on every run, so figures from
 * two machines or two commits compare like with like.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks from weighted options; weights need not sum to 1. */
export function pickWeighted<T>(
  random: () => number,
  options: readonly (readonly [T, number])[],
): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  const last = options[options.length - 1];
  if (!last) throw new Error('pickWeighted needs at least one option');
  return last[0];
}

/** Nearest-rank percentile of an ascending-sorted sample. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
