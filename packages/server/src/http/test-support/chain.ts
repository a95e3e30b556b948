import { CN_REQUIRED_TESTS } from '@hemonet/core';
import { expect } from 'vitest';
import type { Harness } from './harness.js';

/** Fixture steps shared by the chain test, the route table and the concurrency test. */
export const expectOk = (res: { statusCode: number; body: string }, status = 200): void => {
  expect(res.statusCode, res.body).toBe(status);
};

let donorCounter = 0;

/**
 * Collects a whole-blood donation at the center, tests it, splits it into red cells and plasma,
 * and releases the red cells: returns the red-cell unit key, available at BC. An earlier
 * `collectedAt` gives a shorter-dated unit.
 */
export const availableRedCells = async (
  h: Harness,
  din: string,
  group = { abo: 'O', rhd: 'pos' },
  collectedAt?: Date,
): Promise<string> => {
  const donorId = `DONOR-${++donorCounter}-${din}`;
  const staff = (method: 'POST', url: string, payload?: object) =>
    h.as('center_staff', 'BC', { method, url, payload });
  expectOk(await staff('POST', '/api/donors', { id: donorId, bloodGroup: group }), 201);
  expectOk(
    await staff('POST', '/api/donations', {
      din,
      donorId,
      productCode: 'E9001V00',
      volumeMl: 450,
      ...(collectedAt ? { collectedAt: collectedAt.toISOString() } : {}),
    }),
    201,
  );
  expectOk(await staff('POST', `/api/units/${din}/processing`));
  const results = CN_REQUIRED_TESTS.map((test) => ({ test, result: 'negative' }));
  expectOk(await staff('POST', `/api/units/${din}/test-results`, { results }));
  const split = {
    components: [
      { productCode: 'E9010V00', volumeMl: 280 },
      { productCode: 'E9030V00', volumeMl: 200 },
    ],
  };
  expectOk(await staff('POST', `/api/units/${din}/split`, split));
  const redCells = `${din}-E9010V00`;
  expectOk(await staff('POST', `/api/units/${redCells}/release`));
  return redCells;
};

/** Ships units from BC to a hospital and receives them there. */
export const deliver = async (h: Harness, dins: string[], site: string): Promise<void> => {
  const shipped = await h.as('center_staff', 'BC', {
    method: 'POST',
    url: '/api/shipments',
    payload: { toSiteId: site, dins },
  });
  expectOk(shipped, 201);
  const { id } = shipped.json<{ id: string }>();
  expectOk(
    await h.as('hospital_blood_bank', site, {
      method: 'POST',
      url: `/api/shipments/${id}/receipt`,
      payload: { scans: dins },
    }),
  );
};

/** A patient of `site` typed twice as `group`. */
export const typedPatient = async (
  h: Harness,
  site: string,
  mrn: string,
  group = { abo: 'O', rhd: 'pos' },
): Promise<string> => {
  const bb = (url: string, payload: object) =>
    h.as('hospital_blood_bank', site, { method: 'POST', url, payload });
  const created = await bb('/api/patients', { mrn, sex: 'male', birthYear: 1970 });
  expectOk(created, 201);
  const { id } = created.json<{ id: string }>();
  expectOk(
    await bb(`/api/patients/${id}/blood-groups`, { bloodGroup: group, sampleId: `${mrn}-S1` }),
    201,
  );
  expectOk(
    await bb(`/api/patients/${id}/blood-groups`, { bloodGroup: group, sampleId: `${mrn}-S2` }),
    201,
  );
  return id;
};
