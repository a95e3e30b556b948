import type { TextbookParams, TextbookTotals } from './model.js';

export interface Measured {
  readonly mean: number;
  /** Standard error of the mean over replications (0 with one replication). */
  readonly standardError: number;
}

/** The model's KPIs: fractions, and units per counted period. */
export interface TextbookKpis<V> {
  /** Demand met ÷ demand. */
  readonly serviceLevel: V;
  /** Units expired ÷ units ordered. */
  readonly wastage: V;
  /** Units ordered per period. */
  readonly meanOrder: V;
  /** Unmet (lost) demand per period. */
  readonly shortage: V;
  /** Units expired per period. */
  readonly expired: V;
  /** Units carried into the next period that do not expire, per period. */
  readonly holding: V;
}

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

const perPeriod = (xs: readonly number[], periods: number): Measured => {
  const v = xs.map((x) => x / periods);
  const m = meanOf(v);
  const n = v.length;
  const variance = n > 1 ? v.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1) : 0;
  return { mean: m, standardError: Math.sqrt(variance / n) };
};

/**
 * A ratio of totals over all replications, Σx ÷ Σy, with its delta-method standard error
 * (the variance of x − r·y over replications, divided by n·ȳ²). Pooling keeps the estimate
 * free of the small-sample bias that averaging per-replication ratios would add.
 */
const ratio = (xs: readonly number[], ys: readonly number[]): Measured => {
  const n = xs.length;
  const ybar = meanOf(ys);
  if (ybar === 0) return { mean: Number.NaN, standardError: Number.NaN };
  const r = meanOf(xs) / ybar;
  const residual = xs.map((x, i) => x - r * (ys[i] ?? 0));
  const variance = n > 1 ? residual.reduce((a, d) => a + d * d, 0) / (n - 1) : 0;
  return { mean: r, standardError: Math.sqrt(variance / n) / ybar };
};

export const summariseTextbook = (
  p: TextbookParams,
  runs: readonly TextbookTotals[],
): TextbookKpis<Measured> => {
  const col = (f: (t: TextbookTotals) => number) => runs.map(f);
  return {
    serviceLevel: ratio(
      col((t) => t.met),
      col((t) => t.demand),
    ),
    wastage: ratio(
      col((t) => t.expired),
      col((t) => t.ordered),
    ),
    meanOrder: perPeriod(
      col((t) => t.ordered),
      p.periods,
    ),
    shortage: perPeriod(
      col((t) => t.demand - t.met),
      p.periods,
    ),
    expired: perPeriod(
      col((t) => t.expired),
      p.periods,
    ),
    holding: perPeriod(
      col((t) => t.holding),
      p.periods,
    ),
  };
};
