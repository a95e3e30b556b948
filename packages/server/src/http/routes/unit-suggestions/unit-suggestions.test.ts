import { shelfLifeExpiry } from '@hemonet/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

const HOUR = 3_600_000;
const RED_CELL_LIFE = shelfLifeExpiry('RED_CELLS', { collectedAt: new Date(0) }).getTime();
const O_POS = { abo: 'O', rhd: 'pos' };

interface Suggestions {
  suggestions: { din: string; substitute: boolean }[];
  shortfall: number;
}

describeDatabases('unit suggestions by the network issuing policy', ({ db }) => {
  let h: Harness;
  let now = Date.now();
  let patientId: string;
  const units: Record<string, string> = {};
  /** A red-cell unit of `group` that has `hoursLeft` to live now. */
  const redCells = (din: string, hoursLeft: number, group = O_POS) =>
    availableRedCells(h, din, group, new Date(now + hoursLeft * HOUR - RED_CELL_LIFE));
  const suggest = (query: string, site = 'H1', patient = patientId) =>
    h.as('hospital_blood_bank', site, {
      method: 'GET',
      url: `/api/patients/${patient}/unit-suggestions?${query}`,
    });
  const ledgerLength = async () =>
    Number(
      (await h.deps.db.query<{ n: number }>('SELECT last_seq AS n FROM ledger_head')).rows[0]?.n,
    );

  beforeAll(async () => {
    h = await createHarness(db(), { clock: () => new Date(now) });
    units.in1Day = await redCells('G123417655101', 24);
    units.in5Days = await redCells('G123417655102', 5 * 24);
    units.in10Days = await redCells('G123417655103', 10 * 24);
    units.in20Days = await redCells('G123417655104', 20 * 24);
    units.incompatible = await redCells('G123417655105', 12, { abo: 'A', rhd: 'pos' });
    units.expiring = await redCells('G123417655106', 0.2);
    units.held = await redCells('G123417655107', 12);
    units.lapsedHold = await redCells('G123417655109', 15 * 24);
    units.activeHold = await redCells('G123417655110', 2 * 24);
    units.elsewhere = await redCells('G123417655108', 12);
    const { elsewhere, ...atH1 } = units;
    await deliver(h, Object.values(atH1), 'H1');
    await deliver(h, [elsewhere], 'H2');
    expectOk(
      await h.as('hospital_blood_bank', 'H1', {
        method: 'POST',
        url: `/api/units/${units.held}/hold`,
        payload: { reason: 'MANUAL' },
      }),
    );
    patientId = await typedPatient(h, 'H1', 'MRN-SUGGEST');
    const other = await typedPatient(h, 'H1', 'MRN-OTHER');
    const reserve = async (din: string | undefined, hours: number) =>
      expectOk(
        await h.as('hospital_blood_bank', 'H1', {
          method: 'POST',
          url: '/api/reservations',
          payload: { patientId: other, dins: [din], until: new Date(now + hours * HOUR) },
        }),
        201,
      );
    await reserve(units.lapsedHold, 0.1);
    await reserve(units.activeHold, 48);
    now += 20 * 60_000; // the 12-minute unit is now out of date, the 6-minute hold has lapsed
  });
  afterAll(() => h.close());

  it('suggests compatible, in-date, unreserved stock of the site first-expiry-first-out for a transfusion', async () => {
    const before = await ledgerLength();
    const res = await suggest('component=RED_CELLS&quantity=10&purpose=transfuse');
    expectOk(res);
    const body = res.json<Suggestions>();
    expect(body.suggestions.map((s) => s.din)).toEqual([
      units.in1Day,
      units.in5Days,
      units.in10Days,
      units.lapsedHold,
      units.in20Days,
    ]);
    expect(body.suggestions.every((s) => !s.substitute)).toBe(true);
    expect(body).toMatchObject({ patientId, component: 'RED_CELLS', quantity: 10, shortfall: 5 });
    expect(await ledgerLength(), 'read-only').toBe(before);
  });

  it('keeps short-dated units out of a reservation that has long-dated ones to take', async () => {
    const res = await suggest('component=RED_CELLS&quantity=2&purpose=reserve&holdHours=72');
    expectOk(res);
    // 72 h hold + 72 h spare: only units with six days left qualify, soonest first
    expect(res.json<Suggestions>()).toMatchObject({
      purpose: 'reserve',
      suggestions: [{ din: units.in10Days }, { din: units.lapsedHold }],
      shortfall: 0,
    });
  });

  it('completes a reservation first-expiry-first-out when long-dated units run out', async () => {
    const res = await suggest('component=RED_CELLS&quantity=4&purpose=reserve&holdHours=72');
    expectOk(res);
    expect(res.json<Suggestions>().suggestions.map((s) => s.din)).toEqual([
      units.in10Days,
      units.lapsedHold,
      units.in20Days,
      units.in1Day,
    ]);
  });

  it('refuses a patient without a typing like a reservation would', async () => {
    const created = await h.as('hospital_blood_bank', 'H1', {
      method: 'POST',
      url: '/api/patients',
      payload: { mrn: 'MRN-UNTYPED', sex: 'female' },
    });
    expectOk(created, 201);
    const res = await suggest(
      'component=RED_CELLS&quantity=1&purpose=transfuse',
      'H1',
      created.json<{ id: string }>().id,
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PATIENT_GROUP_REQUIRED');
  });

  it('answers 400 to a quantity out of range, an unknown component or a non-positive hold', async () => {
    for (const query of [
      'component=RED_CELLS&quantity=21&purpose=transfuse',
      'component=BLOOD_PUDDING&quantity=1&purpose=transfuse',
      'component=RED_CELLS&quantity=1&purpose=reserve&holdHours=0',
    ]) {
      const res = await suggest(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
