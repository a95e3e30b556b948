import { describe, expect, it } from 'vitest';
import { runCliCapturing } from './test-support/run-cli.js';

const base = ['sim', 'textbook', '--shelf-life', '3', '--base-stock', '6', '--demand', 'poisson:3'];

describe('hemonet sim textbook', () => {
  it('prints every KPI with its standard error, and the exact values on request', async () => {
    const r = await runCliCapturing([
      ...base,
      '--replications',
      '200',
      '--periods',
      '100',
      '--exact',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, { mean: number; standardError: number }> & {
      exact: Record<string, number>;
    };
    for (const k of ['serviceLevel', 'wastage', 'meanOrder', 'shortage', 'expired', 'holding']) {
      expect(out[k]?.standardError).toBeGreaterThan(0);
      expect(Math.abs((out[k]?.mean ?? NaN) - (out.exact[k] ?? NaN))).toBeLessThan(
        4 * (out[k]?.standardError ?? 0),
      );
    }
    expect(out.serviceLevel?.mean).toBeLessThan(1);
  });

  it('refuses bad flags with exit code 2 and a reason', async () => {
    const bad = await runCliCapturing([
      'sim',
      'textbook',
      '--shelf-life',
      '0',
      '--base-stock',
      '6',
      '--demand',
      'poisson:3',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/shelfLife/);
    const demand = await runCliCapturing([...base.slice(0, 6), '--demand', 'gamma:3']);
    expect(demand.code).toBe(2);
    expect(demand.stderr).toMatch(/gamma demand takes 2/);
    const issuing = await runCliCapturing([...base, '--issuing', 'random']);
    expect(issuing.code).toBe(2);
  });
});
