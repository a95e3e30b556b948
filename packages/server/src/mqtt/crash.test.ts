import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { registerDevice, type DeviceCredentialsOut } from '../coldchain/device-registry.js';
import { openDatabase } from '../db/open-database.js';
import { deviceReadingsSince } from '../db/repos/readings-repo.js';
import { upsertSite } from '../db/repos/sites-repo.js';
import { insertStorageLocation } from '../db/repos/storage-locations-repo.js';

/** The built CLI, as users run it (.ci/run builds it first). */
const bin = fileURLToPath(new URL('../../bin/hemonet.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../dist/cli.js', import.meta.url)));

/** Starts `hemonet serve` on ephemeral ports; resolves once it prints its MQTT port. */
function serve(dataDir: string): Promise<{ child: ChildProcess; mqttPort: number }> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--data', dataDir, '--port', '0', '--mqtt-port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /MQTT on port (\d+)/.exec(out)?.[1];
      if (port) resolve({ child, mqttPort: Number(port) });
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });

async function provision(dataDir: string): Promise<DeviceCredentialsOut> {
  const db = await openDatabase({ kind: 'pglite', dataDir }, { lock: 'hold' });
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

/**
 * Publishes QoS 1 readings (one per message, each with its own time) keeping `inFlight`
 * unacknowledged at once, until the connection dies; `acked` holds the reading times PUBACKed.
 * Publishes still in flight when the server dies never settle: they were not acknowledged.
 */
async function publishUntilDown(port: number, dev: DeviceCredentialsOut, inFlight: number) {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    username: dev.deviceId,
    password: dev.secret,
    reconnectPeriod: 0,
  });
  client.on('error', () => undefined);
  const acked: number[] = [];
  let next = Date.now() - 3_600_000;
  const publishNext = (): void => {
    if (!client.connected) return;
    const t = (next += 100);
    const payload = JSON.stringify([{ n: 'temperature', u: 'Cel', v: 4, t: t / 1000 }]);
    client.publishAsync(dev.topic, payload, { qos: 1 }).then(
      () => {
        acked.push(t);
        publishNext();
      },
      () => undefined,
    );
  };
  for (let i = 0; i < inFlight; i++) publishNext();
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  return { acked, closed: closed.then(() => client.end(true)) };
}

describe.skipIf(!built)(
  'crash: kill -9 of the server during ingestion (embedded broker, PGlite)',
  () => {
    it('keeps every reading whose PUBACK was sent', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hemonet-crash-'));
      const dev = await provision(dataDir);
      const first = await serve(dataDir);
      const load = await publishUntilDown(first.mqttPort, dev, 64);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      first.child.kill('SIGKILL');
      await Promise.all([exited(first.child), load.closed]);
      expect(load.acked.length).toBeGreaterThan(100);
      // Restart (recovery), stop cleanly, then read what survived.
      const second = await serve(dataDir);
      second.child.kill('SIGTERM');
      await exited(second.child);
      const db = await openDatabase({ kind: 'pglite', dataDir }, { lock: 'hold' });
      const stored = new Set(
        (await deviceReadingsSince(db, dev.deviceId, 0)).map((r) => Math.round(r.at)),
      );
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
      const lost = load.acked.filter((t) => !stored.has(t));
      expect(lost).toEqual([]);
    }, 60_000);
  },
);
