import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../coldchain/test-support/sse.js';
import { openDatabase } from '../db/open-database.js';
import { countReadings } from '../db/repos/readings-repo.js';
import type { SqlClient } from '../db/sql-client.js';
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

describe.skipIf(!built || !mqttUrl || !adminUrl)(
  'crash: kill -9 of a server ingesting from Mosquitto into PostgreSQL',
  () => {
    const name = `hemonet_crash_${process.pid}`;
    let database: { url: string; drop(): Promise<void> };
    beforeAll(async () => {
      database = await throwawayDatabase(adminUrl!, name);
    });
    afterAll(async () => {
      await forgetSessions(mqttUrl!, [name]);
      await database.drop();
    });

    it('ingests every reading the broker acknowledged, including those sent while it was down', async () => {
      const { url } = database;
      const dev = await provision({ kind: 'postgres', url });
      const args = ['--database-url', url, '--mqtt-url', mqttUrl!, '--mqtt-client-id', name];
      const first = await serve(args);
      const device = await mqtt.connectAsync(mqttUrl!, {
        username: dev.deviceId,
        clientId: dev.deviceId,
      });
      let t = Date.now() - 3_600_000;
      const publish = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const pack = JSON.stringify([{ n: 'temperature', u: 'Cel', v: 4, t: (t += 100) / 1000 }]);
          await device.publishAsync(dev.topic, pack, { qos: 1 });
        }
      };
      const db: SqlClient = await openDatabase({ kind: 'postgres', url });
      try {
        const during = publish(300);
        await new Promise((resolve) => setTimeout(resolve, 300));
        first.child.kill('SIGKILL'); // mid-stream: some readings in flight to the server
        await exited(first.child);
        await during;
        await publish(300); // acknowledged by the broker while no server runs
        const second = await serve(args);
        await eventually(async () => (await countReadings(db, dev.deviceId)) === 600, 20_000);
        second.child.kill('SIGTERM');
        await exited(second.child);
        expect(await countReadings(db, dev.deviceId)).toBe(600);
      } finally {
        await device.endAsync();
        await db.close();
      }
    }, 60_000);
  },
);
