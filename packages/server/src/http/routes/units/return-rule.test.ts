import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { availableRedCells, deliver, expectOk, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('a deployment that forbids return to stock', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db(), { lifecycle: { allowReturnToStock: false } });
  });
  afterAll(() => h.close());

  it('refuses to take an issued unit back, and the unit stays issued', async () => {
    const rc = await availableRedCells(h, 'G123426000001');
    await deliver(h, [rc], 'H1');
    const patientId = await typedPatient(h, 'H1', 'MRN-RTS-1');
    const bb = (url: string, payload: object) =>
      h.as('hospital_blood_bank', 'H1', { method: 'POST', url, payload });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expectOk(await bb('/api/reservations', { patientId, dins: [rc], until }), 201);
    expectOk(await bb(`/api/units/${rc}/issue`, { patientId }));
    const back = await bb(`/api/units/${rc}/return`, { minutesOutOfStorage: 5 });
    expect(back.statusCode).toBeGreaterThanOrEqual(400);
    expect(back.json()).toMatchObject({ error: { code: 'RETURN_NOT_ALLOWED' } });
    const unit = await h.as('hospital_blood_bank', 'H1', {
      method: 'GET',
      url: `/api/units/${rc}`,
    });
    expect(unit.json()).toMatchObject({ status: 'issued' });
  });
});
