import type { LocationEvent, Reading } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

/** Ledger events that end a unit's time in the blood bank's custody (its timeline stops). */
const LEFT_CUSTODY = ['TRANSFUSION_STARTED', 'DISCARDED', 'PROCESSED', 'EXPIRED'];
/** Leaving storage for the ward: out of controlled storage until returned. */
const OUT_OF_STORAGE = ['REMOVED_FROM_STORAGE', 'ISSUED'];

/** A unit's movements, from its scan events in the ledger, in ledger order. */
export async function unitLocationEvents(db: Queryable, din: string): Promise<LocationEvent[]> {
  const { rows } = await db.query<{ type: string; at: number; ref: string | null }>(
    `SELECT type, (extract(epoch FROM at) * 1000)::float8 AS at,
            coalesce(payload->>'locationId', payload->>'shipmentId') AS ref
     FROM unit_events WHERE din = $1 AND type = ANY($2::text[]) ORDER BY seq`,
    [din, ['STORED', 'SHIPPED', 'RECEIVED', ...OUT_OF_STORAGE, ...LEFT_CUSTODY]],
  );
  return rows.map((r): LocationEvent => {
    if (r.type === 'STORED') return { type: 'STORED', at: r.at, locationId: r.ref ?? '' };
    if (r.type === 'SHIPPED' || r.type === 'RECEIVED')
      return { type: r.type, at: r.at, shipmentId: r.ref ?? '' };
    if (OUT_OF_STORAGE.includes(r.type)) return { type: 'REMOVED_FROM_STORAGE', at: r.at };
    return { type: 'LEFT_CUSTODY', at: r.at };
  });
}

/** Temperatures of every device watching a storage location over [fromMs, toMs], in time order. */
export async function locationTemperatures(
  db: Queryable,
  locationId: string,
  fromMs: number,
  toMs: number,
): Promise<Reading[]> {
  const { rows } = await db.query<Reading>(
    `SELECT (extract(epoch FROM r.at) * 1000)::float8 AS at, r.name, r.value
     FROM device_readings r JOIN devices d ON d.id = r.device_id
     WHERE d.location_id = $1 AND r.name = 'temperature'
       AND r.at >= to_timestamp($2 / 1000.0) AND r.at <= to_timestamp($3 / 1000.0)
     ORDER BY r.at`,
    [locationId, fromMs, toMs],
  );
  return rows;
}
