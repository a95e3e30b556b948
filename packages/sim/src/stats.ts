import type { ComponentOutcome, ReplicationResult } from './engine/result.js';
import { simComponents, type SimComponent } from './scenario/schema.js';

export interface Estimate {
  readonly mean: number;
  /** 95% confidence interval of the mean over replications (Student t); null bounds with one replication. */
  readonly ci95: [number | null, number | null];
}

/** Two-sided 97.5% Student t quantiles for 1…30 degrees of freedom; beyond that, the normal 1.96. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

export const estimate = (values: readonly number[]): Estimate => {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, ci95: [null, null] };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, ci95: [null, null] };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const half = (T975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { mean, ci95: [mean - half, mean + half] };
};

export interface ComponentSummary {
  readonly outdateRate: Estimate;
  readonly fillRate: Estimate;
  readonly timeToBloodMinutes: { readonly median: Estimate; readonly p95: Estimate };
  readonly outdatedUnits: Estimate;
  readonly unitsIntoInventory: Estimate;
  readonly expiredAtCenter: Estimate;
  readonly transfers: Estimate;
  /** Unscheduled runs (rush or emergency courier) bringing units a hospital lacked. */
  readonly emergencyRuns: Estimate;
  /** Units crossmatched ÷ of those transfused (the realised C:T; 0 where none are crossmatched). */
  readonly crossmatchToTransfusion: Estimate;
  readonly urgentRequests: Estimate;
  readonly unmetUrgentRequests: Estimate;
}

export type PolicySummary = Record<SimComponent, ComponentSummary>;

const over = (
  runs: readonly ReplicationResult[],
  c: SimComponent,
  f: (o: ComponentOutcome) => number,
): Estimate => estimate(runs.map((r) => f(r.components[c])));

export const summarise = (runs: readonly ReplicationResult[]): PolicySummary =>
  Object.fromEntries(
    simComponents.map((c) => [
      c,
      {
        outdateRate: over(runs, c, (o) => o.outdateRate),
        fillRate: over(runs, c, (o) => o.fillRate),
        timeToBloodMinutes: {
          median: over(runs, c, (o) => o.timeToBloodMedian),
          p95: over(runs, c, (o) => o.timeToBloodP95),
        },
        outdatedUnits: over(runs, c, (o) => o.expired),
        unitsIntoInventory: over(runs, c, (o) => o.produced),
        expiredAtCenter: over(runs, c, (o) => o.expiredAtCenter),
        transfers: over(runs, c, (o) => o.transfers),
        emergencyRuns: over(runs, c, (o) => o.emergencyRuns),
        crossmatchToTransfusion: over(runs, c, (o) => o.crossmatchToTransfusion),
        urgentRequests: over(runs, c, (o) => o.urgentRequests),
        unmetUrgentRequests: over(runs, c, (o) => o.unmetUrgentRequests),
      },
    ]),
  ) as PolicySummary;

export interface Reduction {
  /** 1 − outdated(network) ÷ outdated(baseline), on totals over replications (fraction 0-1). */
  readonly outdatedUnits: number;
  /** The same per paired replication (common random numbers), with its 95% CI. */
  readonly outdatedUnitsPaired: Estimate;
  /** Fill rate of the policy minus fill rate of the baseline, paired by replication. */
  readonly fillRateChange: Estimate;
}

/** Paired comparison of a policy against a baseline run on the same seeds. */
export const reduction = (
  baseline: readonly ReplicationResult[],
  policy: readonly ReplicationResult[],
): Record<SimComponent, Reduction> =>
  Object.fromEntries(
    simComponents.map((c) => {
      const b = baseline.map((r) => r.components[c]);
      const p = policy.map((r) => r.components[c]);
      const sumB = b.reduce((a, o) => a + o.expired, 0);
      const sumP = p.reduce((a, o) => a + o.expired, 0);
      return [
        c,
        {
          outdatedUnits: sumB > 0 ? 1 - sumP / sumB : 0,
          outdatedUnitsPaired: estimate(
            b.map((o, i) => (o.expired > 0 ? 1 - (p[i]?.expired ?? 0) / o.expired : Number.NaN)),
          ),
          fillRateChange: estimate(b.map((o, i) => (p[i]?.fillRate ?? Number.NaN) - o.fillRate)),
        },
      ];
    }),
  ) as Record<SimComponent, Reduction>;
