import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startColdChain, type ColdChain } from '../coldchain/runtime.js';
import { seedDevice, temperaturePack } from '../coldchain/test-support/fixtures.js';
import { eventually } from '../coldchain/test-support/sse.js';
import { countReadings } from '../db/repos/readings-repo.js';
import { createTestDatabase, type TestDatabase } from '../db/test-support/databases.js';
import type { LiveBus, LiveEvent } from '../live/bus.js';
import { createPgBus } from '../live/pg-bus.js';

/** Set by .ci/run: a Mosquitto (anonymous is fine here; deployments authenticate devices there). */
const mqttUrl = process.env.HEMONET_TEST_MQTT_URL;
const databaseUrl = process.env.HEMONET_TEST_DATABASE_URL;

describe.skipIf(!mqttUrl || !databaseUrl)('external broker (Mosquitto) with PostgreSQL', () => {
  const run = randomBytes(4).toString('hex');
  const group = `hemonet-test-${run}`;
  let database: TestDatabase;
  const replicas: Array<{ chain: ColdChain; bus: LiveBus }> = [];

  const startReplica = async (name: string) => {
    const bus = await createPgBus(databaseUrl!);
    const chain = await startColdChain({
      db: database.client,
      bus,
      clock: () => new Date(),
      metrics: new Registry(),
      lifecycle: {},
      mqtt: { kind: 'external', url: mqttUrl!, clientId: `${group}-${name}`, group },
      log: () => undefined,
    });
    return { chain, bus };
  };
  const stopReplica = async (r: { chain: ColdChain; bus: LiveBus }) => {
    await r.chain.stop();
    await r.bus.close();
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await Promise.all(replicas.map(stopReplica));
    await forgetSessions(mqttUrl!, [`${group}-a`, `${group}-b`]);
    await database.drop();
  });

  const device = async () => {
    const dev = await seedDevice(database.client);
    const client = await mqtt.connectAsync(mqttUrl!, {
      username: dev.deviceId,
      clientId: `${dev.deviceId}-${run}`,
    });
    return { dev, client };
  };
  const publishReadings = async (
    d: Awaited<ReturnType<typeof device>>,
    n: number,
    from: number,
  ) => {
    for (let i = 0; i < n; i++)
      await d.client.publishAsync(d.dev.topic, temperaturePack([[from + i, 4]]), { qos: 1 });
  };

  it('ingests readings sent while the server was down once it returns (persistent session)', async () => {
    const a = await startReplica('a');
    const d = await device();
    const t0 = Math.floor(Date.now() / 1000) - 600;
    await publishReadings(d, 20, t0);
    await eventually(async () => (await countReadings(database.client, d.dev.deviceId)) === 20);
    await stopReplica(a);
    await publishReadings(d, 30, t0 + 20);
    expect(await countReadings(database.client, d.dev.deviceId)).toBe(20);
    replicas.push(await startReplica('a'));
    await eventually(async () => (await countReadings(database.client, d.dev.deviceId)) === 50);
    await d.client.endAsync();
  });

  it('splits the stream between two replicas: each reading stored once, alarms seen by both', async () => {
    replicas.push(await startReplica('b'));
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const heard = { a: [] as LiveEvent[], b: [] as LiveEvent[] };
    a.bus.subscribe((e) => heard.a.push(e));
    b.bus.subscribe((e) => heard.b.push(e));
    const d = await device();
    const t0 = Math.floor(Date.now() / 1000) - 3000;
    await publishReadings(d, 200, t0);
    await eventually(async () => (await countReadings(database.client, d.dev.deviceId)) >= 200);
    // Out of range for 15 min (past the 10 min delay) as one buffered pack.
    const warm = Array.from({ length: 16 }, (_, i): [number, number] => [t0 + 600 + i * 60, 9]);
    await d.client.publishAsync(d.dev.topic, temperaturePack(warm), { qos: 1 });
    const raised = (events: LiveEvent[]) =>
      events.some(
        (e) =>
          e.type === 'alarm.raised' &&
          (e.data as { deviceId: string; condition: string }).deviceId === d.dev.deviceId &&
          (e.data as { condition: string }).condition === 'TEMPERATURE_EXCURSION',
      );
    await eventually(() => raised(heard.a) && raised(heard.b));
    expect(await countReadings(database.client, d.dev.deviceId)).toBe(216);
    await d.client.endAsync();
  });
});

/** Connects once with a clean session under each id, which makes the broker discard it. */
async function forgetSessions(url: string, clientIds: readonly string[]): Promise<void> {
  for (const base of clientIds)
    for (let i = 0; i < 8; i++) {
      const c = await mqtt.connectAsync(url, {
        clientId: `${base}-${i}`,
        clean: true,
        protocolVersion: 5,
      });
      await c.endAsync();
    }
}
