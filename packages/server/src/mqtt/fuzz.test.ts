import fc from 'fast-check';
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countReadings } from '../db/repos/readings-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { seedDevice, startPipeline, type Pipeline } from '../coldchain/test-support/fixtures.js';

const MALFORMED = 10_000;

/** Payloads the SenML edge must refuse: broken JSON, wrong units, NaN, huge arrays, bad times. */
function malformed(i: number, nowS: number): string {
  const kinds = [
    () => '{"n":"temperature"',
    () => 'NaN',
    () => `[{"n":"temperature","u":"K","v":${i}}]`,
    () => '[{"n":"temperature","u":"Cel","v":NaN}]',
    () => '[{"n":"temperature","u":"Cel","v":"4"}]',
    () => JSON.stringify(Array.from({ length: 3000 }, () => ({ n: 'door', vb: false }))),
    () => `[{"n":"temperature","u":"Cel","v":4,"t":${nowS + 86_400 * 365}}]`,
    () => '[{"n":"temperature","u":"Cel","v":4,"t":300000000}]',
    () => '[{"n":"temperature","u":"Cel","v":1e999}]',
    () => fc.sample(fc.string({ maxLength: 40 }), { seed: i, numRuns: 1 })[0] ?? '',
  ];
  return kinds[i % kinds.length]!();
}

describeDatabases('ingestion fuzz', ({ db }) => {
  let pipe: Pipeline;
  beforeAll(async () => {
    pipe = await startPipeline(db());
  });
  afterAll(() => pipe.close());

  it(`rejects and counts ${MALFORMED} malformed payloads while storing every valid one`, async () => {
    const dev = await seedDevice(db());
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${pipe.broker.port}`, {
      username: dev.deviceId,
      password: dev.secret,
    });
    const nowS = Math.floor(Date.now() / 1000);
    const sends: Array<Promise<unknown>> = [];
    let valid = 0;
    for (let i = 0; i < MALFORMED; i++) {
      sends.push(client.publishAsync(dev.topic, malformed(i, nowS), { qos: 1 }));
      if (i % 10 === 0) {
        // A valid reading every tenth message, each at its own time (ms apart within the last day).
        sends.push(
          client.publishAsync(
            dev.topic,
            JSON.stringify([{ n: 'temperature', u: 'Cel', v: 4, t: nowS - 80_000 + valid * 7 }]),
            { qos: 1 },
          ),
        );
        valid++;
      }
    }
    await Promise.all(sends);
    await client.endAsync();
    expect(await countReadings(db(), dev.deviceId)).toBe(valid);
    const { rows } = await db().query<{ n: number }>(
      'SELECT rejected_count::int AS n FROM device_status WHERE device_id = $1',
      [dev.deviceId],
    );
    expect(rows[0]?.n).toBe(MALFORMED);
  }, 120_000); // 10,000 MQTT round trips: seconds alone, much longer beside other suites on 2 cores
});
