import { describe, expect, it } from 'vitest';
import { demandPmf } from './exact-demand.js';
import {
  exactTextbook,
  parseDemandSpec,
  runTextbook,
  summariseTextbook,
  type TextbookParams,
} from './index.js';

const params = (
  shelfLife: number,
  leadTime: number,
  baseStock: number,
  issuing: 'fifo' | 'lifo',
  demand: string,
): TextbookParams => ({
  shelfLife,
  leadTime,
  baseStock,
  issuing,
  demand: parseDemandSpec(demand),
  warmup: 30,
  periods: 200,
});

describe('textbook perishable inventory model', () => {
  const cases = [
    params(3, 1, 6, 'fifo', 'poisson:3'),
    params(3, 1, 6, 'lifo', 'poisson:3'),
    params(2, 0, 5, 'fifo', 'nbinom:3:2'),
    params(4, 2, 7, 'lifo', 'gamma:2.5:0.6'),
    params(3, 1, 5, 'fifo', 'gamma:1.5:1.4'),
    params(1, 0, 4, 'fifo', 'poisson:3'),
  ];

  it.each(
    cases.map(
      (c) =>
        [
          `m=${c.shelfLife} L=${c.leadTime} S=${c.baseStock} ${c.issuing} ${c.demand.kind}`,
          c,
        ] as const,
    ),
  )('simulation agrees with the exact Markov chain within 3 standard errors: %s', (_, p) => {
    const simulated = summariseTextbook(p, runTextbook(p, 1500, 7));
    const exact = exactTextbook(p);
    for (const kpi of Object.keys(exact) as (keyof typeof exact)[]) {
      const { mean, standardError } = simulated[kpi];
      // a KPI that cannot vary (holding with a one-period shelf life) must match exactly
      expect(Math.abs(mean - exact[kpi]), kpi).toBeLessThanOrEqual(3 * standardError + 1e-9);
    }
  });

  it('exact evaluation matches the closed form of a one-period shelf life', () => {
    // m = 1, L = 0: S fresh units every period, all leftovers expire, so
    // service = E[min(D,S)] / μ, wastage = E[(S − D)+] / S and the order is S every period.
    const p = params(1, 0, 4, 'fifo', 'poisson:3');
    const pmf = [0, 1, 2, 3].map((k) => demandPmf(p.demand, k));
    const leftover = pmf.reduce((a, pk, k) => a + pk * (4 - k), 0);
    const exact = exactTextbook(p);
    expect(exact.meanOrder).toBeCloseTo(4, 12);
    expect(exact.wastage).toBeCloseTo(leftover / 4, 12);
    expect(exact.serviceLevel).toBeCloseTo((4 - leftover) / 3, 12);
    expect(exact.holding).toBe(0);
  });

  it('poisson probabilities are the textbook ones', () => {
    const spec = parseDemandSpec('poisson:2');
    expect(demandPmf(spec, 0)).toBeCloseTo(Math.exp(-2), 14);
    expect(demandPmf(spec, 3)).toBeCloseTo((Math.exp(-2) * 8) / 6, 14);
  });

  it('LIFO issuing wastes more than FIFO on the same demand', () => {
    const fifo = exactTextbook(params(3, 1, 6, 'fifo', 'poisson:3'));
    const lifo = exactTextbook(params(3, 1, 6, 'lifo', 'poisson:3'));
    expect(lifo.wastage).toBeGreaterThan(fifo.wastage);
  });

  it('refuses malformed demand specifications with a reason', () => {
    expect(() => parseDemandSpec('poisson')).toThrow(/takes 1 parameter/);
    expect(() => parseDemandSpec('gamma:2')).toThrow(/takes 2 parameter/);
    expect(() => parseDemandSpec('nbinom:-1:2')).toThrow(/positive/);
    expect(() => parseDemandSpec('uniform:3')).toThrow(/poisson:MEAN/);
  });
});
