import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * Seeded random streams. Each process of the world (demand, supply, …) draws from its own stream,
 * split from the replication seed by xoroshiro128+ jumps (2^64 apart), so a policy that changes
 * how often one process is consulted never shifts the draws of another: common random numbers.
 */
export class RandomStream {
  constructor(private readonly gen: JumpableRandomGenerator) {}

  /** Uniform in [0, 1) with 53 bits (two 32-bit outputs). */
  uniform(): number {
    const hi = (this.gen.next() >>> 0) >>> 5;
    const lo = (this.gen.next() >>> 0) >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Index drawn from cumulative weights (last entry = total). */
  pick(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const x = this.uniform() * total;
    for (let i = 0; i < cumulative.length; i++) if (x < (cumulative[i] ?? 0)) return i;
    return cumulative.length - 1;
  }

  /** Poisson by inversion: exactly one uniform per draw. */
  poisson(mean: number): number {
    return negativeBinomialInverse(this.uniform(), mean, Number.POSITIVE_INFINITY);
  }

  /** Negative binomial (mean μ, size n; var = μ + μ²/n) by inversion: one uniform per draw. */
  negativeBinomial(mean: number, size: number): number {
    return negativeBinomialInverse(this.uniform(), mean, size);
  }
}

/** Inverse CDF of the negative binomial (Poisson when size is infinite). */
export const negativeBinomialInverse = (u: number, mean: number, size: number): number => {
  if (mean <= 0) return 0;
  const poisson = !Number.isFinite(size);
  const p = poisson ? 0 : mean / (mean + size);
  let pmf = poisson ? Math.exp(-mean) : Math.pow(size / (size + mean), size);
  if (pmf === 0) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalInverse(u)));
  let cdf = pmf;
  let k = 0;
  const cap = mean * 20 + 100;
  while (u >= cdf && k < cap) {
    pmf *= poisson ? mean / (k + 1) : (p * (k + size)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return k;
};

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export const normalInverse = (u: number): number => {
  const p = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [
    -54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857,
  ];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373,
    4.37466414146497, 2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const poly = (k: readonly number[], x: number): number => k.reduce((acc, v) => acc * x + v, 0);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 0.97575) return -normalInverse(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
};

export const streamNames = ['demand', 'supply', 'requestDetail'] as const;
export type StreamName = (typeof streamNames)[number];

/** One independent stream per process, all derived from the replication seed. */
export const createStreams = (seed: number): Record<StreamName, RandomStream> => {
  const base = xoroshiro128plus(seed);
  const out = {} as Record<StreamName, RandomStream>;
  for (const name of streamNames) {
    base.jump();
    out[name] = new RandomStream(base.clone());
  }
  return out;
};
