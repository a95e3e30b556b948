import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { simComponents } from '../scenario/schema.js';
import { runInProcess, runTask, worldOf } from '../run.js';
import { assertSafeTransfusion } from './requests.js';
import type { ReplicationResult } from './result.js';

const city = loadScenario('city');
const cityWorld = worldOf(city);
const run = (policy: string, seed: number, days = 90): ReplicationResult =>
  runTask(cityWorld, { policy, days, seed });

const isolated = run('isolated', 7);
const network = run('network', 7);

describe('conservation', () => {
  it.each([
    ['isolated', isolated],
    ['network', network],
  ])(
    'every unit of %s is transfused, expired, discarded, shipped on or still in stock, per site and component',
    (_, r) => {
      for (const bySite of r.flows) {
        for (const f of bySite) {
          expect(f.opening + f.received).toBe(
            f.shippedOut + f.transfused + f.expired + f.discarded + f.closing,
          );
        }
      }
    },
  );

  it.each([
    ['isolated', isolated],
    ['network', network],
  ])('%s: units in = units out network-wide (production, in transit)', (_, r) => {
    simComponents.forEach((c, ci) => {
      const sum = (k: 'opening' | 'closing' | 'transfused' | 'expired' | 'discarded') =>
        r.flows.reduce((a, s) => a + (s[ci]?.[k] ?? 0), 0);
      const into = sum('opening') + (r.inTransit.opening[ci] ?? 0) + r.components[c].produced;
      const out =
        sum('transfused') +
        sum('expired') +
        sum('discarded') +
        sum('closing') +
        (r.inTransit.closing[ci] ?? 0);
      expect(out).toBe(into);
    });
  });
});

describe('safety', () => {
  it('every unit transfused in a city run was in date and compatible (checked on each issue)', () => {
    // runReplication stops with "unsafe transfusion" on the first violation (assertSafeTransfusion)
    for (const r of [isolated, network])
      expect(r.components.redCells.transfused).toBeGreaterThan(0);
  });

  it('the check stops a run on an expired or incompatible unit', () => {
    const A_POS = 2;
    const B_POS = 4;
    const patient = {
      site: 1,
      component: 0,
      group: A_POS,
      quantity: 1,
      urgent: false,
      crossmatched: true,
      crossmatchExtras: 0,
      time: 0,
    };
    const unit = (group: number, expiresAt: number) => ({ id: 1, component: 0, group, expiresAt });
    const st = { world: cityWorld };
    expect(() => assertSafeTransfusion(st, patient, [unit(A_POS, 100)], 50)).not.toThrow();
    expect(() => assertSafeTransfusion(st, patient, [unit(A_POS, 50)], 50)).toThrow(/unsafe/);
    expect(() => assertSafeTransfusion(st, patient, [unit(B_POS, 100)], 50)).toThrow(/unsafe/);
    expect(() =>
      assertSafeTransfusion(st, { ...patient, group: -1 }, [unit(A_POS, 100)], 50),
    ).toThrow(/unsafe/);
  });
});

describe('determinism and common random numbers', () => {
  it('same seed gives identical results; another seed does not', () => {
    expect(run('network', 7)).toEqual(network);
    expect(run('network', 8).components.redCells.requested).not.toBe(
      network.components.redCells.requested,
    );
  });

  it('both policies face the very same patients', () => {
    for (const c of simComponents)
      expect(isolated.components[c].requested).toBe(network.components[c].requested);
  });
});

describe('hand-checkable tiny scenario', () => {
  it('supply equal to fixed demand: 2 a day produced and transfused, nothing outdated, all filled', () => {
    const tiny = loadScenario('tiny');
    for (const policy of ['isolated', 'network']) {
      const [r] = runInProcess({
        scenario: tiny,
        policies: [policy],
        days: 28,
        replications: 1,
        seed: 1,
      });
      const p = r?.components.platelets;
      expect(p?.produced).toBe(56);
      expect(p?.requested).toBe(56);
      expect(p?.transfused).toBe(56);
      expect(p?.expired).toBe(0);
      expect(p?.fillRate).toBe(1);
      expect(r?.components.redCells.produced).toBe(0);
    }
  });
});
