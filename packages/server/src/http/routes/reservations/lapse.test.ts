import { afterAll, beforeAll, expect, it } from 'vitest';
import { releaseLapsedReservations } from '../../../commands/transfusion.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('reservation expiry', ({ db }) => {
  let h: Harness;
  let now = Date.now();
  beforeAll(async () => {
    h = await createHarness(db(), { clock: () => new Date(now) });
  });
  afterAll(() => h.close());

  it('returns a lapsed reservation to shared stock, and leaves a live one alone', async () => {
    const lapsing = await availableRedCells(h, 'G123417654601');
    const kept = await availableRedCells(h, 'G123417654602');
    await deliver(h, [lapsing, kept], 'H1');
    const patientId = await typedPatient(h, 'H1', 'MRN-LAPSE');
    const reserve = (din: string, hours: number) =>
      h.as('hospital_blood_bank', 'H1', {
        method: 'POST',
        url: '/api/reservations',
        payload: { patientId, dins: [din], until: new Date(now + hours * 3_600_000).toISOString() },
      });
    expectOk(await reserve(lapsing, 0.25), 201);
    expectOk(await reserve(kept, 48), 201);
    now += 30 * 60_000; // within the session lifetime
    expect(await releaseLapsedReservations(h.deps)).toBe(1);
    const status = async (din: string) =>
      (await h.as('hospital_blood_bank', 'H1', { method: 'GET', url: `/api/units/${din}` })).json<{
        status: string;
      }>().status;
    expect(await status(lapsing)).toBe('available');
    expect(await status(kept)).toBe('reserved');
    const trace = await h.as('auditor', 'BC', {
      method: 'GET',
      url: `/api/units/${lapsing}/trace`,
    });
    expect(trace.json<{ events: { type: string; actor: string }[] }>().events.at(-1)).toMatchObject(
      {
        type: 'RESERVATION_RELEASED',
        actor: 'system:reservation-expiry',
      },
    );
  });
});
