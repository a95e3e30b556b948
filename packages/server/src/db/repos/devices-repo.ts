import type { MonitorState } from '@hemonet/core';
import type { Queryable } from '../sql-client.js';

export const deviceKinds = [
  'fridge',
  'freezer',
  'platelet_agitator',
  'transport_box',
  'room',
] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export interface Device {
  id: string;
  siteId: string;
  kind: DeviceKind;
  locationId: string | null;
  componentClass: string | null;
  name: string;
  reportingIntervalS: number;
  excursionDelayS: number;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface DeviceCredentials {
  id: string;
  siteId: string;
  secretHash: string;
  revoked: boolean;
}

const columns = `id, site_id AS "siteId", kind, location_id AS "locationId",
  component_class AS "componentClass", name, reporting_interval_s AS "reportingIntervalS",
  excursion_delay_s AS "excursionDelayS", revoked_at AS "revokedAt", created_at AS "createdAt"`;

/** A new device and its empty status row (the engine's initial state). */
export async function insertDevice(
  db: Queryable,
  d: Omit<Device, 'revokedAt' | 'createdAt'>,
  secretHash: string,
  initialState: MonitorState,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO devices (id, site_id, kind, location_id, component_class, name, reporting_interval_s,
       excursion_delay_s, secret_hash, secret_rotated_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [
      d.id,
      d.siteId,
      d.kind,
      d.locationId,
      d.componentClass,
      d.name,
      d.reportingIntervalS,
      d.excursionDelayS,
      secretHash,
      at,
    ],
  );
  await db.query('INSERT INTO device_status (device_id, monitor_state) VALUES ($1, $2)', [
    d.id,
    JSON.stringify(initialState),
  ]);
}

export async function getDevice(db: Queryable, id: string): Promise<Device | null> {
  const { rows } = await db.query<Device>(`SELECT ${columns} FROM devices WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function getDevices(db: Queryable, ids: readonly string[]): Promise<Device[]> {
  const { rows } = await db.query<Device>(
    `SELECT ${columns} FROM devices WHERE id = ANY($1::text[])`,
    [ids],
  );
  return rows;
}

export async function listDevices(
  db: Queryable,
  siteIds: readonly string[] | null,
): Promise<Device[]> {
  const { rows } = siteIds
    ? await db.query<Device>(
        `SELECT ${columns} FROM devices WHERE site_id = ANY($1::text[]) ORDER BY site_id, id`,
        [siteIds],
      )
    : await db.query<Device>(`SELECT ${columns} FROM devices ORDER BY site_id, id`);
  return rows;
}

export async function getDeviceCredentials(
  db: Queryable,
  id: string,
): Promise<DeviceCredentials | null> {
  const { rows } = await db.query<DeviceCredentials>(
    `SELECT id, site_id AS "siteId", secret_hash AS "secretHash", revoked_at IS NOT NULL AS revoked
     FROM devices WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Replaces the secret (the old one stops working at once); false if no such device. */
export async function setDeviceSecret(
  db: Queryable,
  id: string,
  secretHash: string,
  at: Date,
): Promise<boolean> {
  const { rows } = await db.query(
    'UPDATE devices SET secret_hash = $2, secret_rotated_at = $3, revoked_at = NULL WHERE id = $1 RETURNING id',
    [id, secretHash, at],
  );
  return rows.length > 0;
}

export async function revokeDevice(db: Queryable, id: string, at: Date): Promise<boolean> {
  const { rows } = await db.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 RETURNING id', [
    id,
    at,
  ]);
  return rows.length > 0;
}

/** Devices watching a storage location (an excursion there concerns the units stored in it). */
export async function devicesAtLocation(db: Queryable, locationId: string): Promise<Device[]> {
  const { rows } = await db.query<Device>(`SELECT ${columns} FROM devices WHERE location_id = $1`, [
    locationId,
  ]);
  return rows;
}
