import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { registerDevice } from '../coldchain/device-registry.js';
import { deviceKinds, type DeviceKind } from '../db/repos/devices-repo.js';
import { listSites, type Site } from '../db/repos/sites-repo.js';
import type { SqlClient } from '../db/sql-client.js';

export const DEVICES_FILE = 'demo-devices.json';

const demoDeviceSchema = z.object({
  deviceId: z.string(),
  secret: z.string(),
  topic: z.string(),
  kind: z.enum(deviceKinds),
});
export type DemoDevice = z.infer<typeof demoDeviceSchema>;

/** Probes per storage location (suffix of the demo city's location ids); null: a room sensor. */
type Plan = Array<{ suffix: string | null; kind: DeviceKind; count: number }>;

/** About 10 devices per hospital and 40 at the center (issue 4, item 8). */
const planFor = (site: Site): Plan =>
  site.kind === 'center'
    ? [
        { suffix: 'FRIDGE-1', kind: 'fridge', count: 8 },
        { suffix: 'FRIDGE-2', kind: 'fridge', count: 8 },
        { suffix: 'FREEZER-1', kind: 'freezer', count: 8 },
        { suffix: 'AGITATOR-1', kind: 'platelet_agitator', count: 6 },
        { suffix: 'BOX-1', kind: 'transport_box', count: 4 },
        { suffix: 'QUARANTINE', kind: 'room', count: 6 },
      ]
    : [
        { suffix: 'FRIDGE-1', kind: 'fridge', count: 3 },
        { suffix: 'FREEZER-1', kind: 'freezer', count: 2 },
        { suffix: 'AGITATOR-1', kind: 'platelet_agitator', count: 2 },
        { suffix: 'BOX-1', kind: 'transport_box', count: 1 },
        { suffix: null, kind: 'room', count: 2 },
      ];

/** Registers the demo devices, reporting every 10 s, and keeps their secrets for the simulator. */
async function registerDemoDevices(db: SqlClient, clock: () => Date): Promise<DemoDevice[]> {
  const out: DemoDevice[] = [];
  for (const site of await listSites(db)) {
    for (const { suffix, kind, count } of planFor(site)) {
      for (let i = 1; i <= count; i++) {
        const creds = await registerDevice(
          { db, clock },
          {
            siteId: site.id,
            kind,
            locationId: suffix && `${site.id}-${suffix}`,
            id: `${site.id}-${suffix ?? 'ROOM'}-P${i}`,
            reportingIntervalS: 10,
          },
        );
        out.push({ deviceId: creds.deviceId, secret: creds.secret, topic: creds.topic, kind });
      }
    }
  }
  return out;
}

/**
 * The demo's devices: registered when the demo city was just seeded (secrets written, owner-only,
 * beside demo-credentials.json), read back from that file on later starts.
 */
export async function demoDevices(
  db: SqlClient,
  clock: () => Date,
  dir: string,
  justSeeded: boolean,
): Promise<DemoDevice[]> {
  const file = join(dir, DEVICES_FILE);
  if (justSeeded) {
    const devices = await registerDemoDevices(db, clock);
    await writeFile(file, `${JSON.stringify(devices, null, 2)}\n`, { mode: 0o600 });
    return devices;
  }
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    return [];
  return z.array(demoDeviceSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}
