import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runTask, worldOf } from '../run.js';
import { loadScenario } from '../scenario/load.js';
import { simComponents, type Scenario } from '../scenario/schema.js';
import type { ReplicationResult } from './result.js';

const city = loadScenario('city');

/** A random small city: a few of the default city's hospitals, random practice and shelf lives. */
const scenarioArb = fc
  .record({
    hospitals: fc.subarray(city.hospitals, { minLength: 1, maxLength: 5 }),
    ctRatio: fc.double({ min: 1, max: 3, noNaN: true }),
    holdHours: fc.integer({ min: 1, max: 96 }),
    urgentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    unknownShare: fc.double({ min: 0, max: 1, noNaN: true }),
    redCellDays: fc.integer({ min: 3, max: 42 }),
    plateletDays: fc.integer({ min: 1, max: 7 }),
    spareHours: fc.integer({ min: 0, max: 120 }),
  })
  .map((p): Scenario => ({
    ...city,
    warmupDays: 7,
    hospitals: p.hospitals,
    shelfLifeDays: { redCells: p.redCellDays, platelets: p.plateletDays, plasma: 365, cryo: 365 },
    demand: {
      ...city.demand,
      crossmatch: { ctRatio: p.ctRatio, holdHours: p.holdHours },
      urgentUnknownGroupShare: p.unknownShare,
      components: {
        ...city.demand.components,
        redCells: { ...city.demand.components.redCells, urgentShare: p.urgentShare },
      },
    },
    policies: {
      ...city.policies,
      network: { ...city.policies.network, reservationSpareHours: p.spareHours },
    },
  }));

const expectConservation = (r: ReplicationResult): void => {
  for (const bySite of r.flows)
    for (const f of bySite)
      expect(f.opening + f.received).toBe(
        f.shippedOut + f.transfused + f.expired + f.discarded + f.closing,
      );
  simComponents.forEach((c, ci) => {
    const sum = (k: 'opening' | 'closing' | 'transfused' | 'expired' | 'discarded') =>
      r.flows.reduce((a, s) => a + (s[ci]?.[k] ?? 0), 0);
    expect(
      sum('transfused') +
        sum('expired') +
        sum('discarded') +
        sum('closing') +
        (r.inTransit.closing[ci] ?? 0),
    ).toBe(sum('opening') + (r.inTransit.opening[ci] ?? 0) + r.components[c].produced);
  });
};

describe('invariants over random small cities', () => {
  it('every policy conserves units, transfuses only safe units and faces the same patients', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 1_000_000 }), (scenario, seed) => {
        const world = worldOf(scenario);
        // runReplication throws "unsafe transfusion" on an expired or incompatible unit
        const [isolated, network] = ['isolated', 'network'].map((policy) =>
          runTask(world, { policy, days: 30, seed }),
        ) as [ReplicationResult, ReplicationResult];
        for (const r of [isolated, network]) {
          expectConservation(r);
          const rc = r.components.redCells;
          expect(rc.supplied).toBeLessThanOrEqual(rc.requested);
          expect(rc.outdateRate).toBeGreaterThanOrEqual(0);
        }
        for (const c of simComponents)
          expect(network.components[c].requested).toBe(isolated.components[c].requested);
      }),
      { numRuns: 40 },
    );
  });
});
