import type { MonitorState } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

export interface DeviceStatusRow {
  deviceId: string;
  lastSeenAt: Date | null;
  lastReadingAt: Date | null;
  lastTemperature: number | null;
  acceptedCount: number;
  rejectedCount: number;
  lastRejectCode: string | null;
  lastRejectAt: Date | null;
}

/**
 * The engine state of each device in the batch, locked until the transaction ends: replicas that
 * receive the same device's readings (shared subscriptions split by message, not by device)
 * evaluate it one after the other. Locked in id order so two batches cannot deadlock.
 */
export async function lockMonitorStates(
  db: Queryable,
  deviceIds: readonly string[],
): Promise<Map<string, MonitorState>> {
  const { rows } = await db.query<{ id: string; state: MonitorState }>(
    `SELECT device_id AS id, monitor_state AS state FROM device_status
     WHERE device_id = ANY($1::text[]) ORDER BY device_id FOR UPDATE`,
    [deviceIds],
  );
  return new Map(rows.map((r) => [r.id, r.state]));
}

export interface StatusUpdate {
  deviceId: string;
  accepted: number;
  rejected: number;
  lastRejectCode: string | null;
  lastReadingAt: number | null;
  lastTemperature: number | null;
  state: MonitorState | null;
}

/** One statement for the whole batch: counters, last reading, new engine state. */
export async function applyStatusUpdates(
  db: Queryable,
  updates: readonly StatusUpdate[],
  seenAt: Date,
): Promise<void> {
  if (updates.length === 0) return;
  await db.query(
    `UPDATE device_status s SET
       last_seen_at = $8,
       accepted_count = s.accepted_count + u.accepted,
       rejected_count = s.rejected_count + u.rejected,
       last_reject_code = COALESCE(u.code, s.last_reject_code),
       last_reject_at = CASE WHEN u.rejected > 0 THEN $8 ELSE s.last_reject_at END,
       last_reading_at = GREATEST(s.last_reading_at, to_timestamp(u.reading_ms / 1000.0)),
       last_temperature = CASE WHEN u.reading_ms IS NOT NULL AND u.temp IS NOT NULL
         AND (s.last_reading_at IS NULL OR to_timestamp(u.reading_ms / 1000.0) >= s.last_reading_at)
         THEN u.temp ELSE s.last_temperature END,
       monitor_state = COALESCE(u.state, s.monitor_state)
     FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::float8[], $6::float8[], $7::jsonb[])
       AS u(id, accepted, rejected, code, reading_ms, temp, state)
     WHERE s.device_id = u.id`,
    [
      updates.map((u) => u.deviceId),
      updates.map((u) => u.accepted),
      updates.map((u) => u.rejected),
      updates.map((u) => u.lastRejectCode),
      updates.map((u) => u.lastReadingAt),
      updates.map((u) => u.lastTemperature),
      updates.map((u) => (u.state ? JSON.stringify(u.state) : null)),
      seenAt,
    ],
  );
}

export async function deviceStatuses(
  db: Queryable,
  deviceIds: readonly string[],
): Promise<DeviceStatusRow[]> {
  const { rows } = await db.query<DeviceStatusRow>(
    `SELECT device_id AS "deviceId", last_seen_at AS "lastSeenAt", last_reading_at AS "lastReadingAt",
       last_temperature AS "lastTemperature", accepted_count AS "acceptedCount", rejected_count AS "rejectedCount",
       last_reject_code AS "lastRejectCode", last_reject_at AS "lastRejectAt"
     FROM device_status WHERE device_id = ANY($1::text[])`,
    [deviceIds],
  );
  return rows;
}

/** Devices heard from before `before` (candidates for SENSOR_SILENT), with their interval. */
export async function silentCandidates(
  db: Queryable,
  now: Date,
): Promise<Array<{ deviceId: string; siteId: string; lastSeenAt: Date; intervalS: number }>> {
  const { rows } = await db.query<{
    deviceId: string;
    siteId: string;
    lastSeenAt: Date;
    intervalS: number;
  }>(
    `SELECT d.id AS "deviceId", d.site_id AS "siteId", s.last_seen_at AS "lastSeenAt", d.reporting_interval_s AS "intervalS"
     FROM devices d JOIN device_status s ON s.device_id = d.id
     WHERE d.revoked_at IS NULL AND s.last_seen_at IS NOT NULL
       AND s.last_seen_at < $1::timestamptz - make_interval(secs => d.reporting_interval_s * 2)`,
    [now],
  );
  return rows;
}
