import { shelfLifeExpiry } from '@hemonet/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

const HOUR = 3_600_000;
const RED_CELL_LIFE = shelfLifeExpiry('RED_CELLS', { collectedAt: new Date(0) }).getTime();
const O_POS = { abo: 'O', rhd: 'pos' };
const A_NEG = { abo: 'A', rhd: 'neg' };

interface StockBody {
  stock: {
    siteId: string;
    component: string;
    bloodGroup: { abo: string; rhd: string };
    available: number;
    expiringWithin72h: number;
  }[];
}

describeDatabases('city-wide stock levels', ({ db }) => {
  let h: Harness;
  let now = Date.now();
  /** A red-cell unit of `group` that has `hoursLeft` to live now. */
  const redCells = (din: string, hoursLeft: number, group = O_POS) =>
    availableRedCells(h, din, group, new Date(now + hoursLeft * HOUR - RED_CELL_LIFE));
  const stock = async (query: string, role = 'courier' as const) => {
    const res = await h.as(role, 'H2', { method: 'GET', url: `/api/stock?${query}` });
    expectOk(res);
    return res.json<StockBody>().stock;
  };

  beforeAll(async () => {
    h = await createHarness(db(), { clock: () => new Date(now) });
    const atH1 = [
      await redCells('G123417656101', 24),
      await redCells('G123417656102', 10 * 24),
      await redCells('G123417656103', 20 * 24),
      await redCells('G123417656104', 48, A_NEG),
      await redCells('G123417656105', 0.2), // out of date once the clock moves on
    ];
    const held = await redCells('G123417656106', 5 * 24);
    const reserved = await redCells('G123417656107', 5 * 24);
    await deliver(h, [...atH1, held, reserved], 'H1');
    await redCells('G123417656108', 5 * 24); // stays at the center
    const bank = (url: string, payload: object) =>
      h.as('hospital_blood_bank', 'H1', { method: 'POST', url, payload });
    expectOk(await bank(`/api/units/${held}/hold`, { reason: 'MANUAL' }));
    const patientId = await typedPatient(h, 'H1', 'MRN-STOCK');
    const until = new Date(now + 48 * HOUR);
    expectOk(await bank('/api/reservations', { patientId, dins: [reserved], until }), 201);
    now += 20 * 60_000;
  });
  afterAll(() => h.close());

  it('counts units a patient could take per site and group, leaving out held, reserved and expired ones', async () => {
    expect(await stock('component=RED_CELLS')).toEqual([
      {
        siteId: 'BC',
        component: 'RED_CELLS',
        bloodGroup: O_POS,
        available: 1,
        expiringWithin72h: 0,
      },
      {
        siteId: 'H1',
        component: 'RED_CELLS',
        bloodGroup: A_NEG,
        available: 1,
        expiringWithin72h: 1,
      },
      {
        siteId: 'H1',
        component: 'RED_CELLS',
        bloodGroup: O_POS,
        available: 3,
        expiringWithin72h: 1,
      },
    ]);
  });

  it('filters by site and by component', async () => {
    const atH1 = await stock('site=H1');
    expect(atH1.map((r) => r.siteId)).toEqual(['H1', 'H1']);
    expect(await stock('site=H2')).toEqual([]);
    expect(await stock('component=PLATELETS')).toEqual([]);
  });
});
