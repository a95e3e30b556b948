import { expect, it } from 'vitest';
import { seedDevice } from '../../coldchain/test-support/fixtures.js';
import { describeDatabases } from '../test-support/databases.js';
import { countReadings, downsampleReadings, insertReadings } from './readings-repo.js';

const HOUR = 3_600_000;

describeDatabases('readings retention', ({ db }) => {
  it('folds raw readings past retention into hourly aggregates and drops expired aggregates', async () => {
    const dev = await seedDevice(db());
    const now = Date.UTC(2026, 10, 24, 12);
    const row = (at: number, value: number) => ({
      deviceId: dev.deviceId,
      siteId: dev.siteId,
      at,
      name: 'temperature' as const,
      value,
    });
    await insertReadings(db(), [
      row(now - 100 * HOUR, 9), // older than the aggregates' retention: gone entirely
      row(now - 10 * HOUR + 60_000, 3),
      row(now - 10 * HOUR + 120_000, 5),
      row(now - HOUR / 2, 4), // recent: stays raw
    ]);
    const folded = await downsampleReadings(
      db(),
      new Date(now - 2 * HOUR),
      new Date(now - 50 * HOUR),
    );
    expect(folded).toBe(3);
    expect(await countReadings(db(), dev.deviceId)).toBe(1);
    const { rows } = await db().query<{ min: number; max: number; mean: number; n: number }>(
      `SELECT min_value AS min, max_value AS max, mean_value AS mean, count AS n
       FROM device_readings_hourly WHERE device_id = $1`,
      [dev.deviceId],
    );
    expect(rows).toEqual([{ min: 3, max: 5, mean: 4, n: 2 }]);
  });
});
