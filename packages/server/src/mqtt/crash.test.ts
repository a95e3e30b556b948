import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { DeviceCredentialsOut } from '../coldchain/device-registry.js';
import { openDatabase } from '../db/open-database.js';
import { deviceReadingsSince } from '../db/repos/readings-repo.js';
import { built, exited, provision, serve } from './test-support/serve-process.js';

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
      const dev = await provision({ kind: 'pglite', dataDir });
      const first = await serve(['--data', dataDir, '--mqtt-port', '0']);
      const load = await publishUntilDown(first.mqttPort, dev, 64);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      first.child.kill('SIGKILL');
      await Promise.all([exited(first.child), load.closed]);
      expect(load.acked.length).toBeGreaterThan(100);
      // Restart (recovery), stop cleanly, then read what survived.
      const second = await serve(['--data', dataDir, '--mqtt-port', '0']);
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
