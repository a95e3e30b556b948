import { type AlarmProfile, type Jurisdiction } from '@hemonet/core';
import { getDevices, type Device } from '../db/repos/devices-repo.js';
import type { Queryable } from '../db/sql-client.js';
import { deviceProfile } from './profiles.js';

export interface KnownDevice {
  device: Device;
  profile: AlarmProfile;
}

/**
 * Devices and their alarm profiles, cached for ingestion (a device's settings change rarely; the
 * registry invalidates an entry when it changes one). Unknown ids are looked up in one query.
 */
export class DeviceDirectory {
  private readonly known = new Map<string, KnownDevice>();

  constructor(private readonly jurisdiction: Jurisdiction) {}

  async load(db: Queryable, ids: Iterable<string>): Promise<Map<string, KnownDevice>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.known.has(id));
    if (missing.length > 0) {
      for (const device of await getDevices(db, missing)) {
        this.known.set(device.id, { device, profile: deviceProfile(device, this.jurisdiction) });
      }
    }
    const out = new Map<string, KnownDevice>();
    for (const id of wanted) {
      const k = this.known.get(id);
      if (k) out.set(id, k);
    }
    return out;
  }

  invalidate(id: string): void {
    this.known.delete(id);
  }
}
