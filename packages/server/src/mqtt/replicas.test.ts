import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temperaturePack } from '../coldchain/test-support/fixtures.js';
import { eventually, recordEvents } from '../coldchain/test-support/sse.js';
import { addUser } from '../commands/users.js';
import { openDatabase } from '../db/open-database.js';
import { countReadings } from '../db/repos/readings-repo.js';
import type { SqlClient } from '../db/sql-client.js';
import { createLocalBus } from '../live/bus.js';
import { buildDeps } from '../main.js';
import {
  built,
  exited,
  forgetSessions,
  provision,
  serve,
  throwawayDatabase,
} from './test-support/serve-process.js';

const mqttUrl = process.env.HEMONET_TEST_MQTT_URL;
const adminUrl = process.env.HEMONET_TEST_DATABASE_URL;

/** Logs in over HTTP and returns the bearer token. */
async function login(port: number, username: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe.skipIf(!built || !mqttUrl || !adminUrl)(
  'two server replicas on one PostgreSQL and one Mosquitto',
  () => {
    const name = `hemonet_replicas_${process.pid}`;
    let database: { url: string; drop(): Promise<void> };
    let db: SqlClient;
    beforeAll(async () => {
      database = await throwawayDatabase(adminUrl!, name);
    });
    afterAll(async () => {
      await db.close();
      await forgetSessions(mqttUrl!, [`${name}-a`, `${name}-b`]);
      await database.drop();
    });

    it('stores each reading once and shows an alarm raised through either on both /api/events', async () => {
      const { url } = database;
      const dev = await provision({ kind: 'postgres', url });
      db = await openDatabase({ kind: 'postgres', url });
      const deps = await buildDeps(db, createLocalBus());
      const user = { username: 'bank.h1', role: 'hospital_blood_bank' as const, siteId: 'H1' };
      const { password } = await addUser(deps, user, 'test');
      const replicas = await Promise.all(
        ['a', 'b'].map((r) =>
          serve([
            '--database-url',
            url,
            '--mqtt-url',
            mqttUrl!,
            '--mqtt-client-id',
            `${name}-${r}`,
          ]),
        ),
      );
      const streams = await Promise.all(
        replicas.map(async (r) =>
          recordEvents(r.httpPort, await login(r.httpPort, user.username, password)),
        ),
      );
      const device = await mqtt.connectAsync(mqttUrl!, {
        username: dev.deviceId,
        clientId: dev.deviceId,
      });
      try {
        const t0 = Math.floor(Date.now() / 1000) - 3600;
        for (let i = 0; i < 200; i++)
          await device.publishAsync(dev.topic, temperaturePack([[t0 + i, 4]]), { qos: 1 });
        // 9 °C for 15 min, past the fridge's 10 min delay, as one buffered pack.
        const warm = Array.from({ length: 16 }, (_, i): [number, number] => [t0 + 600 + i * 60, 9]);
        await device.publishAsync(dev.topic, temperaturePack(warm), { qos: 1 });
        await eventually(async () => (await countReadings(db, dev.deviceId)) >= 216, 20_000);
        const excursion = (d: unknown) =>
          (d as { condition: string }).condition === 'TEMPERATURE_EXCURSION';
        await Promise.all(streams.map((s) => s.waitFor('alarm.raised', excursion, 20_000)));
        expect(await countReadings(db, dev.deviceId)).toBe(216);
      } finally {
        await device.endAsync();
        for (const s of streams) s.close();
        for (const r of replicas) r.child.kill('SIGTERM');
        await Promise.all(replicas.map((r) => exited(r.child)));
      }
    }, 60_000);
  },
);
