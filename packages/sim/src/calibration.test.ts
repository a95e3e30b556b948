import { describe, expect, it } from 'vitest';
import { buildReport, compareJson } from './report/compare.js';
import { renderHtmlReport } from './report/html.js';
import { runInProcess, type RunPlan } from './run.js';
import { loadScenario } from './scenario/load.js';

/**
 * The default city under today's isolated practice must look like published practice
 * (calibration.md §1a; docs/simulation.md "Calibration"): 365 days × 2 replications.
 */
const plan: RunPlan = {
  scenario: loadScenario('city'),
  policies: ['isolated'],
  days: 365,
  replications: 2,
  seed: 1,
};
const runs = runInProcess(plan);
const report = buildReport(plan, runs);
const cityRedCellDemand = plan.scenario.hospitals.reduce((a, h) => a + h.demandPerDay.redCells, 0);
const iso = report.policies.isolated;

describe('calibration of the default city under isolated practice', () => {
  it('platelet outdate lies in the published 10-25% range with fill rate ≥ 95%', () => {
    expect(iso?.platelets.outdateRate.mean).toBeGreaterThanOrEqual(0.1);
    expect(iso?.platelets.outdateRate.mean).toBeLessThanOrEqual(0.25);
    expect(iso?.platelets.fillRate.mean).toBeGreaterThanOrEqual(0.95);
  });

  it('red cells: fill rate ≥ 95%, age at transfusion as published (18.8-19.4 ± 7 d)', () => {
    expect(iso?.redCells.fillRate.mean).toBeGreaterThanOrEqual(0.95);
    const age = report.meanAgeAtTransfusionDays.isolated?.redCells.mean ?? 0;
    expect(age).toBeGreaterThan(17);
    expect(age).toBeLessThan(22);
  });

  it('centre red-cell stock averages 8.1-14.0 days of cover (Chinese provincial centres, IQR)', () => {
    for (const r of runs) {
      const stock = r.series.centerStock[0] ?? [];
      const mean = stock.reduce((a, b) => a + b, 0) / Math.max(1, stock.length);
      expect(mean / cityRedCellDemand).toBeGreaterThan(8.1);
      expect(mean / cityRedCellDemand).toBeLessThan(14);
    }
  });

  it("red-cell outdate lies in the published 2-6% range, at the scenario's realised C:T", () => {
    expect(iso?.redCells.outdateRate.mean).toBeGreaterThanOrEqual(0.02);
    expect(iso?.redCells.outdateRate.mean).toBeLessThanOrEqual(0.06);
    expect(iso?.redCells.crossmatchToTransfusion.mean).toBeCloseTo(
      plan.scenario.demand.crossmatch.ctRatio,
      1,
    );
  });
});

describe('compare output', () => {
  it('has the documented JSON shape and a self-contained HTML report', () => {
    const tiny: RunPlan = {
      scenario: loadScenario('tiny'),
      policies: ['isolated', 'network'],
      days: 14,
      replications: 2,
      seed: 3,
    };
    const r = buildReport(tiny, runInProcess(tiny));
    const json = compareJson(r) as Record<string, Record<string, Record<string, unknown>>>;
    for (const p of ['isolated', 'network']) {
      for (const c of ['redCells', 'platelets']) {
        const block = json[p]?.[c] as Record<string, { mean: number; ci95: unknown[] }>;
        expect(block.outdateRate?.ci95).toHaveLength(2);
        expect(block.fillRate?.mean).toBeTypeOf('number');
        expect(block.timeToBloodMinutes).toHaveProperty('median');
        expect(block.timeToBloodMinutes).toHaveProperty('p95');
      }
    }
    expect(json.reduction?.platelets).toHaveProperty('outdatedUnits');
    const html = renderHtmlReport(r);
    expect(html).toContain('new Chart(');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
