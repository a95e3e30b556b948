import type { MeasurementName, Reading } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

export interface ReadingRow extends Reading {
  deviceId: string;
  siteId: string;
}

/**
 * A whole batch in one statement: four arrays unnested server-side, so the statement and its
 * parse cost stay the same for 1 or 5,000 rows. A redelivered reading (same device, name, time)
 * is ignored. Returns how many rows were new.
 */
export async function insertReadings(db: Queryable, rows: readonly ReadingRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rows: out } = await db.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO device_readings (device_id, name, at, value, site_id)
       SELECT d, n, to_timestamp(ms / 1000.0), v, s
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[]) AS r(d, n, ms, v, s)
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [
      rows.map((r) => r.deviceId),
      rows.map((r) => r.name),
      rows.map((r) => r.at),
      rows.map((r) => r.value),
      rows.map((r) => r.siteId),
    ],
  );
  return out[0]?.n ?? 0;
}

const readingColumns = `(extract(epoch FROM at) * 1000)::float8 AS at, name, value`;

/** One device's readings since `fromMs` (inclusive), in reading-time order. */
export async function deviceReadingsSince(
  db: Queryable,
  deviceId: string,
  fromMs: number,
): Promise<Reading[]> {
  const { rows } = await db.query<Reading>(
    `SELECT ${readingColumns} FROM device_readings
     WHERE device_id = $1 AND at >= to_timestamp($2 / 1000.0) ORDER BY at, name`,
    [deviceId, Math.max(fromMs, 0)],
  );
  return rows;
}

/** One measurement of some devices over [fromMs, toMs], in time order. */
export async function readingsBetween(
  db: Queryable,
  deviceIds: readonly string[],
  name: MeasurementName,
  fromMs: number,
  toMs: number,
): Promise<Reading[]> {
  const { rows } = await db.query<Reading>(
    `SELECT ${readingColumns} FROM device_readings
     WHERE device_id = ANY($1::text[]) AND name = $2
       AND at BETWEEN to_timestamp($3 / 1000.0) AND to_timestamp($4 / 1000.0)
     ORDER BY at`,
    [deviceIds, name, fromMs, toMs],
  );
  return rows;
}

export async function countReadings(db: Queryable, deviceId?: string): Promise<number> {
  const { rows } = deviceId
    ? await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM device_readings WHERE device_id = $1',
        [deviceId],
      )
    : await db.query<{ n: number }>('SELECT count(*)::int AS n FROM device_readings');
  return rows[0]?.n ?? 0;
}

/**
 * Retention: raw readings older than `rawBefore` become hourly aggregates and are deleted in one
 * statement (so a late reading committed meanwhile is either folded or left, never lost);
 * aggregates older than `keepBefore` are deleted. Returns the raw rows folded.
 */
export async function downsampleReadings(
  db: Queryable,
  rawBefore: Date,
  keepBefore: Date,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH moved AS (
       DELETE FROM device_readings WHERE at < $1 RETURNING device_id, name, at, value, site_id
     ), folded AS (
       INSERT INTO device_readings_hourly (device_id, name, hour, min_value, max_value, mean_value, count, site_id)
       SELECT device_id, name, date_trunc('hour', at), min(value), max(value), avg(value), count(*), min(site_id)
       FROM moved GROUP BY device_id, name, date_trunc('hour', at)
       ON CONFLICT (device_id, name, hour) DO UPDATE SET
         min_value = LEAST(device_readings_hourly.min_value, excluded.min_value),
         max_value = GREATEST(device_readings_hourly.max_value, excluded.max_value),
         mean_value = (device_readings_hourly.mean_value * device_readings_hourly.count + excluded.mean_value * excluded.count)
           / (device_readings_hourly.count + excluded.count),
         count = device_readings_hourly.count + excluded.count
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM moved`,
    [rawBefore],
  );
  await db.query('DELETE FROM device_readings_hourly WHERE hour < $1', [keepBefore]);
  return rows[0]?.n ?? 0;
}
