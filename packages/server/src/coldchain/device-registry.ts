import { randomBytes } from 'node:crypto';
import {
  componentClassSchema,
  DomainError,
  deviceReadingsTopic,
  initialMonitorState,
} from '@hemonet/core';
import { z } from 'zod';
import { deviceStatuses, type DeviceStatusRow } from '../db/repos/device-status-repo.js';
import {
  deviceKinds,
  getDevice,
  insertDevice,
  listDevices,
  revokeDevice,
  setDeviceSecret,
  type Device,
} from '../db/repos/devices-repo.js';
import { findSiteById } from '../db/repos/sites-repo.js';
import { getStorageLocation } from '../db/repos/storage-locations-repo.js';
import type { CommandDeps } from '../commands/deps.js';
import { generateDeviceSecret, hashDeviceSecret } from './device-secrets.js';

/** Registering devices needs only the database and the clock. */
export type RegistryDeps = Pick<CommandDeps, 'db' | 'clock'>;

export const registerDeviceSchema = z.object({
  siteId: z.string().min(1),
  kind: z.enum(deviceKinds),
  locationId: z.string().min(1).nullable().default(null),
  componentClass: componentClassSchema.nullable().default(null),
  name: z.string().min(1).max(200).optional(),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  reportingIntervalS: z.number().int().positive().max(86_400).default(60),
  /** Delay before an excursion alarm (by reading time); 10 min suits a fridge with a door. */
  excursionDelayS: z.number().int().nonnegative().max(86_400).default(600),
});
export type RegisterDeviceInput = z.input<typeof registerDeviceSchema>;

/** What a device maker needs, shown once: the secret is not stored in clear. */
export interface DeviceCredentialsOut {
  deviceId: string;
  secret: string;
  topic: string;
  siteId: string;
}

export async function registerDevice(
  deps: RegistryDeps,
  input: RegisterDeviceInput,
): Promise<DeviceCredentialsOut> {
  const d = registerDeviceSchema.parse(input);
  if (!(await findSiteById(deps.db, d.siteId)))
    throw new DomainError('SITE_NOT_FOUND', `no site ${d.siteId}`);
  if (d.locationId !== null) {
    const location = await getStorageLocation(deps.db, d.locationId);
    if (location?.siteId !== d.siteId) {
      throw new DomainError(
        'LOCATION_NOT_FOUND',
        `no storage location ${d.locationId} at ${d.siteId}`,
      );
    }
  }
  const id = d.id ?? `dev-${randomBytes(6).toString('hex')}`;
  if (await getDevice(deps.db, id))
    throw new DomainError('DEVICE_EXISTS', `device ${id} already exists`);
  const secret = generateDeviceSecret();
  const device = { ...d, id, name: d.name ?? `${d.kind} ${d.locationId ?? d.siteId}` };
  await deps.db.transaction((tx) =>
    insertDevice(tx, device, hashDeviceSecret(secret), initialMonitorState(), deps.clock()),
  );
  return { deviceId: id, secret, topic: deviceReadingsTopic(d.siteId, id), siteId: d.siteId };
}

/** A new secret; the old one stops working at the device's next connection. */
export async function rotateDeviceSecret(
  deps: RegistryDeps,
  deviceId: string,
): Promise<DeviceCredentialsOut> {
  const device = await requireDevice(deps, deviceId);
  const secret = generateDeviceSecret();
  await setDeviceSecret(deps.db, deviceId, hashDeviceSecret(secret), deps.clock());
  return {
    deviceId,
    secret,
    topic: deviceReadingsTopic(device.siteId, deviceId),
    siteId: device.siteId,
  };
}

export async function revokeDeviceCredentials(deps: RegistryDeps, deviceId: string): Promise<void> {
  await requireDevice(deps, deviceId);
  await revokeDevice(deps.db, deviceId, deps.clock());
}

export async function requireDevice(deps: RegistryDeps, deviceId: string): Promise<Device> {
  const device = await getDevice(deps.db, deviceId);
  if (!device) throw new DomainError('DEVICE_NOT_FOUND', `no device ${deviceId}`);
  return device;
}

export type DeviceWithStatus = Device & {
  topic: string;
  status: Omit<DeviceStatusRow, 'deviceId'> | null;
};

/** Devices of some sites (null: all) with their live status: last heard, faults, last temperature. */
export async function listDevicesWithStatus(
  deps: RegistryDeps,
  siteIds: readonly string[] | null,
): Promise<DeviceWithStatus[]> {
  const devices = await listDevices(deps.db, siteIds);
  const statuses = new Map(
    (
      await deviceStatuses(
        deps.db,
        devices.map((d) => d.id),
      )
    ).map((s) => [s.deviceId, s]),
  );
  return devices.map((d) => {
    const s = statuses.get(d.id);
    const status = s ? (({ deviceId: _id, ...rest }) => rest)(s) : null;
    return { ...d, topic: deviceReadingsTopic(d.siteId, d.id), status };
  });
}
