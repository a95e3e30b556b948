import type { Queryable } from '../sql-client.js';

/** Ledger events that end a unit's stay in a storage location. */
const MOVES = [
  'STORED',
  'REMOVED_FROM_STORAGE',
  'SHIPPED',
  'RECEIVED',
  'ISSUED',
  'DISCARDED',
  'PROCESSED',
  'EXPIRED',
];

export interface Presence {
  din: string;
  from: number;
  to: number | null;
}

/**
 * Every stay of every unit in a storage location, from the ledger: a STORED event there until the
 * unit's next movement event (or still there: `to` null).
 */
export async function presencesAtLocation(db: Queryable, locationId: string): Promise<Presence[]> {
  const { rows } = await db.query<Presence>(
    `WITH moves AS (
       SELECT din, type, payload->>'locationId' AS loc, at,
              lead(at) OVER (PARTITION BY din ORDER BY seq) AS next_at
       FROM unit_events
       WHERE type = ANY($2::text[])
         AND din IN (SELECT din FROM unit_events WHERE type = 'STORED' AND payload->>'locationId' = $1))
     SELECT din, (extract(epoch FROM at) * 1000)::float8 AS "from",
            (extract(epoch FROM next_at) * 1000)::float8 AS "to"
     FROM moves WHERE type = 'STORED' AND loc = $1`,
    [locationId, MOVES],
  );
  return rows;
}

export async function alarmUnitDins(db: Queryable, alarmId: number): Promise<string[]> {
  const { rows } = await db.query<{ din: string }>(
    'SELECT din FROM alarm_units WHERE alarm_id = $1',
    [alarmId],
  );
  return rows.map((r) => r.din);
}

export async function insertAlarmUnits(
  db: Queryable,
  alarmId: number,
  units: ReadonlyArray<{ din: string; held: boolean }>,
  at: Date,
): Promise<void> {
  if (units.length === 0) return;
  await db.query(
    `INSERT INTO alarm_units (alarm_id, din, held_at, disposition)
     SELECT $1, din, $4, CASE WHEN held THEN NULL ELSE 'not_held' END
     FROM unnest($2::text[], $3::boolean[]) AS u(din, held) ON CONFLICT DO NOTHING`,
    [alarmId, units.map((u) => u.din), units.map((u) => u.held), at],
  );
}

/** Units of an alarm still awaiting a decision (a unit that reached a final fate otherwise needs none). */
export async function countUndisposed(db: Queryable, alarmId: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alarm_units a WHERE a.alarm_id = $1 AND a.disposition IS NULL
       AND NOT EXISTS (SELECT 1 FROM units u WHERE u.din = a.din
         AND u.status IN ('discarded', 'expired', 'transfused', 'processed'))`,
    [alarmId],
  );
  return rows[0]?.n ?? 0;
}

export async function setHoldsAppliedUntil(
  db: Queryable,
  alarmId: number,
  until: Date,
): Promise<void> {
  await db.query('UPDATE alarms SET holds_applied_until = $2 WHERE id = $1', [alarmId, until]);
}

export type Disposition = 'released' | 'discarded' | 'not_held';

export interface AlarmUnitRow {
  alarmId: number;
  din: string;
  heldAt: Date;
  disposition: Disposition | null;
  disposedAt: Date | null;
}

const alarmUnitColumns = `alarm_id::int AS "alarmId", din, held_at AS "heldAt", disposition,
  disposed_at AS "disposedAt"`;

export async function listAlarmUnits(db: Queryable, alarmId: number): Promise<AlarmUnitRow[]> {
  const { rows } = await db.query<AlarmUnitRow>(
    `SELECT ${alarmUnitColumns} FROM alarm_units WHERE alarm_id = $1 ORDER BY din`,
    [alarmId],
  );
  return rows;
}

/** One unit of an alarm, row-locked so two people cannot decide it at once. */
export async function lockAlarmUnit(
  db: Queryable,
  alarmId: number,
  din: string,
): Promise<AlarmUnitRow | null> {
  const { rows } = await db.query<AlarmUnitRow>(
    `SELECT ${alarmUnitColumns} FROM alarm_units WHERE alarm_id = $1 AND din = $2 FOR UPDATE`,
    [alarmId, din],
  );
  return rows[0] ?? null;
}

/** How many times a unit was already released after an excursion (the release rule counts them). */
export async function countExcursionReleases(db: Queryable, din: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alarm_units WHERE din = $1 AND disposition = 'released'`,
    [din],
  );
  return rows[0]?.n ?? 0;
}

export async function setDisposition(
  db: Queryable,
  alarmId: number,
  din: string,
  disposition: 'released' | 'discarded',
  at: Date,
): Promise<void> {
  await db.query(
    `UPDATE alarm_units SET disposition = $3, disposed_at = $4 WHERE alarm_id = $1 AND din = $2`,
    [alarmId, din, disposition, at],
  );
}

/** The excursion alarm still awaiting a decision on this unit, if any. */
/** Every alarm still awaiting a decision on this unit, oldest first. */
export async function pendingAlarmsOfUnit(db: Queryable, din: string): Promise<number[]> {
  const { rows } = await db.query<{ alarmId: number }>(
    `SELECT alarm_id::int AS "alarmId" FROM alarm_units
     WHERE din = $1 AND disposition IS NULL ORDER BY alarm_id`,
    [din],
  );
  return rows.map((r) => r.alarmId);
}

export async function pendingDispositionAlarm(db: Queryable, din: string): Promise<number | null> {
  const { rows } = await db.query<{ alarmId: number }>(
    `SELECT alarm_id::int AS "alarmId" FROM alarm_units WHERE din = $1 AND disposition IS NULL LIMIT 1`,
    [din],
  );
  return rows[0]?.alarmId ?? null;
}
