import { shelfLifeExpiry } from '@hemonet/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

const HOUR = 3_600_000;
const RED_CELL_LIFE = shelfLifeExpiry('RED_CELLS', { collectedAt: new Date(0) }).getTime();
const O_POS = { abo: 'O', rhd: 'pos' };

interface ProposalsBody {
  component: string;
  proposals: { din: string; fromSiteId: string; toSiteId: string; travelMinutes: number }[];
}

describeDatabases('redistribution proposals by the network rotation policy', ({ db }) => {
  let h: Harness;
  const now = Date.now();
  const units: Record<string, string> = {};
  /** A red-cell unit of `group` that has `hoursLeft` to live now. */
  const redCells = (din: string, hoursLeft: number, group = O_POS) =>
    availableRedCells(h, din, group, new Date(now + hoursLeft * HOUR - RED_CELL_LIFE));
  const proposals = async () => {
    const res = await h.as('hospital_blood_bank', 'H2', {
      method: 'GET',
      url: '/api/redistribution-proposals?component=RED_CELLS',
    });
    expectOk(res);
    return res.json<ProposalsBody>();
  };
  const setTravel = async (minutes: number) =>
    expectOk(
      await h.as('admin', 'BC', {
        method: 'PUT',
        url: '/api/travel-times',
        payload: { travelTimes: [{ fromSiteId: 'H1', toSiteId: 'H2', minutes }] },
      }),
    );

  /** Delivers three O RhD-positive units to `site` and issues them there today. */
  const issueThreeAt = async (site: string, dins: string[], mrn: string) => {
    const used = [];
    for (const din of dins) used.push(await redCells(din, 20 * 24));
    await deliver(h, used, site);
    const bank = (url: string, payload: object) =>
      h.as('hospital_blood_bank', site, { method: 'POST', url, payload });
    const patientId = await typedPatient(h, site, mrn);
    const until = new Date(now + 24 * HOUR);
    expectOk(await bank('/api/reservations', { patientId, dins: used, until }), 201);
    for (const din of used) expectOk(await bank(`/api/units/${din}/issue`, { patientId }));
  };

  beforeAll(async () => {
    h = await createHarness(db(), { clock: () => new Date(now) });
    // H2 issued three units this week: 3/28 O RhD-positive units a day expected.
    await issueThreeAt('H2', ['G123417657101', 'G123417657102', 'G123417657103'], 'MRN-H2');
    // H1 issues nothing: all its units are at risk.
    units.atRiskAtH1 = await redCells('G123417657105', 12 * 24);
    units.tooShortToMove = await redCells('G123417657106', 6);
    units.groupNobodyUses = await redCells('G123417657107', 12 * 24, { abo: 'B', rhd: 'pos' });
    await deliver(h, [units.atRiskAtH1, units.tooShortToMove, units.groupNobodyUses], 'H1');
  });
  afterAll(() => h.close());

  it('proposes nothing without a travel time, or over a road longer than 90 minutes', async () => {
    expect(await proposals()).toEqual({ component: 'RED_CELLS', proposals: [] });
    await setTravel(120);
    expect((await proposals()).proposals).toEqual([]);
  });

  it('proposes a unit at risk to a neighbour within 90 minutes that will transfuse it in time, moving nothing', async () => {
    await setTravel(30);
    const ledgerLength = async () =>
      (await h.deps.db.query<{ n: number }>('SELECT last_seq AS n FROM ledger_head')).rows[0]?.n;
    const before = await ledgerLength();
    // Not one that would arrive with under 12 h to live, nor a group no neighbour transfuses.
    expect((await proposals()).proposals).toEqual([
      {
        din: units.atRiskAtH1,
        bloodGroup: O_POS,
        expiresAt: new Date(now + 12 * 24 * HOUR).toISOString(),
        fromSiteId: 'H1',
        toSiteId: 'H2',
        travelMinutes: 30,
      },
    ]);
    expect(await ledgerLength(), 'read-only').toBe(before);
  });

  it("proposes nothing once the unit's own site is expected to use it in time", async () => {
    // 3/28 a day over 12 days: H1 now expects to transfuse more than one O RhD-positive unit,
    // and with the 6-hour unit held the 12-day unit is first in line.
    expectOk(
      await h.as('hospital_blood_bank', 'H1', {
        method: 'POST',
        url: `/api/units/${units.tooShortToMove}/hold`,
        payload: { reason: 'MANUAL' },
      }),
    );
    await issueThreeAt('H1', ['G123417657111', 'G123417657112', 'G123417657113'], 'MRN-H1');
    expect((await proposals()).proposals).toEqual([]);
  });
});
