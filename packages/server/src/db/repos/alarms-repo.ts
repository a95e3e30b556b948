import type { AlarmCondition, AlarmStatus, Episode } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

export interface AlarmRow {
  id: number;
  deviceId: string;
  siteId: string;
  locationId: string | null;
  condition: AlarmCondition;
  severity: 'warning' | 'critical';
  status: AlarmStatus;
  startedAt: Date;
  raisedAt: Date;
  endedAt: Date | null;
  minValue: number | null;
  maxValue: number | null;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  ackComment: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  escalationLevel: number;
  holdsAppliedUntil: Date | null;
}

const columns = `id, device_id AS "deviceId", site_id AS "siteId", location_id AS "locationId", condition,
  severity, status, started_at AS "startedAt", raised_at AS "raisedAt", ended_at AS "endedAt",
  min_value AS "minValue", max_value AS "maxValue", detected_at AS "detectedAt",
  acknowledged_at AS "acknowledgedAt", acknowledged_by AS "acknowledgedBy", ack_comment AS "ackComment",
  resolved_at AS "resolvedAt", closed_at AS "closedAt", escalation_level AS "escalationLevel",
  holds_applied_until AS "holdsAppliedUntil"`;

const ms = (t: number | null) => (t === null ? null : new Date(t));

export interface NewAlarm {
  deviceId: string;
  siteId: string;
  locationId: string | null;
  severity: 'warning' | 'critical';
  episode: Episode;
}

/**
 * Inserts a raised episode. An episode that already ended is born resolved. If the device already
 * has an open alarm for the condition (one open per device and condition) nothing is inserted.
 */
export async function insertAlarm(
  db: Queryable,
  a: NewAlarm,
  detectedAt: Date,
): Promise<AlarmRow | null> {
  const e = a.episode;
  const { rows } = await db.query<AlarmRow>(
    `INSERT INTO alarms (device_id, site_id, location_id, condition, severity, status, started_at, raised_at,
       ended_at, min_value, max_value, detected_at, resolved_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $8::timestamptz IS NULL THEN 'raised' ELSE 'resolved' END,
       $6, $7, $8, $9, $10, $11::timestamptz, CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE $11::timestamptz END)
     ON CONFLICT (device_id, condition) WHERE status IN ('raised', 'acknowledged') DO NOTHING
     RETURNING ${columns}`,
    [
      a.deviceId,
      a.siteId,
      a.locationId,
      e.condition,
      a.severity,
      ms(e.startedAt),
      ms(e.raisedAt),
      ms(e.endedAt),
      e.minValue,
      e.maxValue,
      detectedAt,
    ],
  );
  return rows[0] ?? null;
}

/** New timing of an episode (extremes grow, the end arrives); an ended one becomes resolved. */
export async function updateAlarmEpisode(
  db: Queryable,
  id: number,
  e: Episode,
  now: Date,
): Promise<AlarmRow | null> {
  const { rows } = await db.query<AlarmRow>(
    `UPDATE alarms SET started_at = $2, raised_at = $3, ended_at = $4,
       min_value = LEAST(min_value, $5), max_value = GREATEST(max_value, $6),
       status = CASE WHEN $4::timestamptz IS NOT NULL AND status IN ('raised', 'acknowledged') THEN 'resolved' ELSE status END,
       resolved_at = CASE WHEN $4::timestamptz IS NOT NULL AND resolved_at IS NULL THEN $7 ELSE resolved_at END
     WHERE id = $1 RETURNING ${columns}`,
    [id, ms(e.startedAt), ms(e.raisedAt), ms(e.endedAt), e.minValue, e.maxValue, now],
  );
  return rows[0] ?? null;
}

/** Alarms of a device whose span reaches past `fromMs` (a refold reconciles against them). */
export async function deviceAlarmsSince(
  db: Queryable,
  deviceId: string,
  fromMs: number,
): Promise<AlarmRow[]> {
  const { rows } = await db.query<AlarmRow>(
    `SELECT ${columns} FROM alarms WHERE device_id = $1
       AND (ended_at IS NULL OR ended_at >= to_timestamp($2 / 1000.0)) ORDER BY started_at`,
    [deviceId, Math.max(fromMs, 0)],
  );
  return rows;
}

export async function openAlarm(
  db: Queryable,
  deviceId: string,
  condition: AlarmCondition,
): Promise<AlarmRow | null> {
  const { rows } = await db.query<AlarmRow>(
    `SELECT ${columns} FROM alarms WHERE device_id = $1 AND condition = $2 AND status IN ('raised', 'acknowledged')`,
    [deviceId, condition],
  );
  return rows[0] ?? null;
}

export async function getAlarm(
  db: Queryable,
  id: number,
  forUpdate = false,
): Promise<AlarmRow | null> {
  const { rows } = await db.query<AlarmRow>(
    `SELECT ${columns} FROM alarms WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface AlarmFilter {
  siteIds: readonly string[] | null;
  statuses?: readonly AlarmStatus[];
  limit: number;
}

export async function listAlarms(db: Queryable, f: AlarmFilter): Promise<AlarmRow[]> {
  const { rows } = await db.query<AlarmRow>(
    `SELECT ${columns} FROM alarms
     WHERE ($1::text[] IS NULL OR site_id = ANY($1::text[])) AND ($2::text[] IS NULL OR status = ANY($2::text[]))
     ORDER BY detected_at DESC, id DESC LIMIT $3`,
    [f.siteIds, f.statuses ?? null, f.limit],
  );
  return rows;
}

export async function saveAlarmLifecycle(
  db: Queryable,
  id: number,
  l: {
    status: AlarmStatus;
    acknowledgedAt: number | null;
    acknowledgedBy: string | null;
    comment: string | null;
    closedAt: number | null;
  },
): Promise<AlarmRow | null> {
  const { rows } = await db.query<AlarmRow>(
    `UPDATE alarms SET status = $2, acknowledged_at = $3, acknowledged_by = $4, ack_comment = $5, closed_at = $6
     WHERE id = $1 RETURNING ${columns}`,
    [id, l.status, ms(l.acknowledgedAt), l.acknowledgedBy, l.comment, ms(l.closedAt)],
  );
  return rows[0] ?? null;
}

/** Unacknowledged alarms still climbing the escalation ladder. */
export async function alarmsAwaitingAck(db: Queryable): Promise<AlarmRow[]> {
  const { rows } = await db.query<AlarmRow>(
    `SELECT ${columns} FROM alarms WHERE acknowledged_at IS NULL AND status <> 'closed' ORDER BY detected_at`,
  );
  return rows;
}

/** Claims an escalation step: true for exactly one replica when the level rises. */
export async function claimEscalation(db: Queryable, id: number, level: number): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE alarms SET escalation_level = $2 WHERE id = $1 AND escalation_level < $2 RETURNING id',
    [id, level],
  );
  return rows.length > 0;
}

export async function recordNotification(
  db: Queryable,
  n: {
    alarmId: number;
    level: number;
    channel: string;
    target: string;
    ok: boolean;
    detail: string | null;
  },
  at: Date,
): Promise<void> {
  await db.query(
    'INSERT INTO alarm_notifications (alarm_id, level, channel, target, sent_at, ok, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [n.alarmId, n.level, n.channel, n.target, at, n.ok, n.detail],
  );
}

export async function openAlarmCountsByLevel(
  db: Queryable,
): Promise<Array<{ level: number; n: number }>> {
  const { rows } = await db.query<{ level: number; n: number }>(
    `SELECT escalation_level AS level, count(*)::int AS n FROM alarms WHERE status IN ('raised', 'acknowledged') GROUP BY 1`,
  );
  return rows;
}

/** Any message from a device ends its SENSOR_SILENT alarm (silence is judged by arrival). */
export async function resolveSilence(
  db: Queryable,
  deviceIds: readonly string[],
  now: Date,
): Promise<AlarmRow[]> {
  const { rows } = await db.query<AlarmRow>(
    `UPDATE alarms SET status = 'resolved', ended_at = $2, resolved_at = $2
     WHERE device_id = ANY($1::text[]) AND condition = 'SENSOR_SILENT' AND status IN ('raised', 'acknowledged')
     RETURNING ${columns}`,
    [deviceIds, now],
  );
  return rows;
}

/** Excursion alarms whose touched units may not all be held yet (open, or ended since the last sweep). */
export async function alarmsNeedingHolds(
  db: Queryable,
  conditions: readonly AlarmCondition[],
): Promise<AlarmRow[]> {
  const { rows } = await db.query<AlarmRow>(
    `SELECT ${columns} FROM alarms
     WHERE condition = ANY($1::text[]) AND location_id IS NOT NULL AND status <> 'closed'
       AND (holds_applied_until IS NULL OR ended_at IS NULL OR holds_applied_until < ended_at)`,
    [conditions],
  );
  return rows;
}
