import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../db/test-support/databases.js';
import { availableRedCells, deliver } from '../http/test-support/chain.js';
import { createHarness, type Harness } from '../http/test-support/harness.js';
import { EXPIRY_ACTOR, expireOutdatedUnits } from './expiry.js';

const MINUTE = 60_000;
const RED_CELL_SHELF_LIFE = 35 * 24 * 60 * MINUTE; // China profile, from collection

describeDatabases('expiry job', ({ db }) => {
  let h: Harness;
  let now = Date.now();
  beforeAll(async () => {
    h = await createHarness(db(), { clock: () => new Date(now) });
  });
  afterAll(() => h.close());

  const unit = async (din: string) =>
    (await h.as('auditor', 'BC', { method: 'GET', url: `/api/units/${din}/trace` })).json<{
      unit: { status: string; fate: { status: string; reason?: string } | null };
      events: { type: string; actor: string }[];
    }>();

  it('records EXPIRED (OUTDATED) once for each unit past its expiry in stock, and only those', async () => {
    // Collected so that they expire 20 minutes from now, at the center and at H1.
    const soon = new Date(now - RED_CELL_SHELF_LIFE + 20 * MINUTE);
    const atCenter = await availableRedCells(h, 'G123417656001', undefined, soon);
    const atHospital = await availableRedCells(h, 'G123417656002', undefined, soon);
    await deliver(h, [atHospital], 'H1');
    const fresh = await availableRedCells(h, 'G123417656003');
    expect(await expireOutdatedUnits(h.deps)).toEqual({ expired: 0, skipped: 0 });

    now += 30 * MINUTE;
    // Two replicas sweeping at the same moment, then a third sweep: one fate per unit.
    const sweeps = await Promise.all([expireOutdatedUnits(h.deps), expireOutdatedUnits(h.deps)]);
    expect(sweeps.reduce((n, s) => n + s.expired, 0)).toBe(2);
    expect(await expireOutdatedUnits(h.deps, 1)).toEqual({ expired: 0, skipped: 0 });

    for (const din of [atCenter, atHospital]) {
      const trace = await unit(din);
      expect(trace.unit.status).toBe('expired');
      const expiries = trace.events.filter((e) => e.type === 'EXPIRED');
      expect(expiries).toEqual([expect.objectContaining({ actor: EXPIRY_ACTOR })]);
    }
    expect((await unit(fresh)).unit.status).toBe('available');
  });
});
