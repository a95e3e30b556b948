import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseUrl,
  type TestDatabase,
} from '../../../db/test-support/databases.js';
import { verifyLedger } from '../../../ledger/verify.js';
import { availableRedCells, deliver, typedPatient } from '../../test-support/chain.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

const CONTENDERS = 50;

// Row locks decide the race only where there are real concurrent connections: PostgreSQL.
describe.skipIf(!testDatabaseUrl)(
  '50 simultaneous reservations of the same units [postgres]',
  () => {
    let database: TestDatabase;
    let h: Harness;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      h = await createHarness(database.client);
    });
    afterAll(async () => {
      await h.close();
      await database.drop();
    });

    it('never reserves one unit twice', async () => {
      const units = [
        await availableRedCells(h, 'G123417654501'),
        await availableRedCells(h, 'G123417654502'),
      ];
      await deliver(h, units, 'H1');
      const patients: string[] = [];
      for (let i = 0; i < CONTENDERS; i++) patients.push(await typedPatient(h, 'H1', `RACE-${i}`));
      const until = new Date(Date.now() + 3_600_000).toISOString();
      const responses = await Promise.all(
        patients.map((patientId) =>
          h.as('hospital_blood_bank', 'H1', {
            method: 'POST',
            url: '/api/reservations',
            payload: { patientId, dins: units, until },
          }),
        ),
      );
      const won = responses.filter((r) => r.statusCode === 201);
      expect(won).toHaveLength(1);
      for (const lost of responses.filter((r) => r.statusCode !== 201)) {
        expect(lost.statusCode, lost.body).toBe(422);
        expect(lost.json<{ error: { code: string } }>().error.code).toBe(
          'RESERVED_FOR_OTHER_PATIENT',
        );
      }
      const { rows } = await database.client.query<{ din: string; n: number }>(
        `SELECT din, count(*)::int AS n FROM unit_events WHERE type = 'RESERVED' GROUP BY din ORDER BY din`,
      );
      expect(rows).toEqual(units.sort().map((din) => ({ din, n: 1 })));
      expect((await verifyLedger(database.client)).ok).toBe(true);
    });
  },
);
