import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapturing as run } from './test-support/run-cli.js';
import { openDatabase } from '../db/open-database.js';
import { upsertSite } from '../db/repos/sites-repo.js';
import { insertStorageLocation } from '../db/repos/storage-locations-repo.js';
import { verifyDeviceSecret } from '../coldchain/device-secrets.js';
import { getDeviceCredentials } from '../db/repos/devices-repo.js';

describe('hemonet device', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hemonet-device-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    await upsertSite(db, { id: 'H01', name: 'Hospital 1', kind: 'hospital', region: 'r' });
    await insertStorageLocation(
      db,
      { id: 'H01-F1', siteId: 'H01', name: 'Fridge 1', kind: 'fridge' },
      new Date(),
    );
    await db.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('adds a device and prints its id, secret and topic as JSON; rotate replaces the secret', async () => {
    const r = await run([
      'device',
      'add',
      '--site',
      'H01',
      '--kind',
      'fridge',
      '--location',
      'H01-F1',
      '--json',
      '--data',
      dir,
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const added = JSON.parse(r.stdout) as { deviceId: string; secret: string; topic: string };
    expect(added.topic).toBe(`hemonet/H01/devices/${added.deviceId}/readings`);
    const rotated = JSON.parse(
      (await run(['device', 'rotate', added.deviceId, '--json', '--data', dir])).stdout,
    ) as { secret: string };
    expect(rotated.secret).not.toBe(added.secret);
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    const creds = await getDeviceCredentials(db, added.deviceId);
    await db.close();
    expect(verifyDeviceSecret(rotated.secret, creds!.secretHash)).toBe(true);
    expect(verifyDeviceSecret(added.secret, creds!.secretHash)).toBe(false);
    const list = JSON.parse(
      (await run(['device', 'list', '--site', 'H01', '--json', '--data', dir])).stdout,
    ) as Array<{ id: string }>;
    expect(list.map((d) => d.id)).toEqual([added.deviceId]);
  });

  it('refuses an unknown kind with exit 2', async () => {
    const r = await run(['device', 'add', '--site', 'H01', '--kind', 'toaster', '--data', dir]);
    expect(r.code).toBe(2);
  });
});
