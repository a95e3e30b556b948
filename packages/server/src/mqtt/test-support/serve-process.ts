import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { registerDevice, type DeviceCredentialsOut } from '../../coldchain/device-registry.js';
import type { DatabaseConfig } from '../../config.js';
import { openDatabase } from '../../db/open-database.js';
import { createPgClient } from '../../db/pg-client.js';
import { upsertSite } from '../../db/repos/sites-repo.js';
import { insertStorageLocation } from '../../db/repos/storage-locations-repo.js';

/** The built CLI, as users run it (.ci/run builds it first). */
const bin = fileURLToPath(new URL('../../../bin/hemonet.js', import.meta.url));
export const built = existsSync(fileURLToPath(new URL('../../../dist/cli.js', import.meta.url)));

/** Starts `hemonet serve` on ephemeral ports; resolves once it announces where it serves. */
export function serve(
  args: readonly string[],
): Promise<{ child: ChildProcess; mqttPort: number; httpPort: number }> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', '0', '--host', '127.0.0.1', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /MQTT on port (\d+)/.exec(out)?.[1];
      const http = /Hemonet is serving http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      if (http) resolve({ child, mqttPort: Number(port ?? 0), httpPort: Number(http) });
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });

/** A site with a fridge and one device on it, written straight into the database. */
export async function provision(config: DatabaseConfig): Promise<DeviceCredentialsOut> {
  const db = await openDatabase(config, { lock: 'hold' });
  try {
    await upsertSite(db, { id: 'H1', name: 'Hospital One', kind: 'hospital', region: 'test' });
    await insertStorageLocation(
      db,
      { id: 'H1-F1', siteId: 'H1', name: 'Fridge', kind: 'fridge' },
      new Date(),
    );
    return await registerDevice(
      { db, clock: () => new Date() },
      { siteId: 'H1', kind: 'fridge', locationId: 'H1-F1' },
    );
  } finally {
    await db.close();
  }
}

/** A throwaway PostgreSQL database on the test server, for served processes to share. */
export async function throwawayDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = createPgClient({ connectionString: adminUrl, max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** Connects once with a clean session under each id: the broker discards those sessions. */
export async function forgetSessions(mqttUrl: string, baseIds: readonly string[]): Promise<void> {
  for (const base of baseIds)
    for (let i = 0; i < 8; i++) {
      const c = await mqtt.connectAsync(mqttUrl, {
        clientId: `${base}-${i}`,
        clean: true,
        protocolVersion: 5,
      });
      await c.endAsync();
    }
}
