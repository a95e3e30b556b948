import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countReadings } from '../db/repos/readings-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { revokeDeviceCredentials } from '../coldchain/device-registry.js';
import {
  seedDevice,
  startPipeline,
  temperaturePack,
  type Pipeline,
} from '../coldchain/test-support/fixtures.js';

const connect = (
  port: number,
  username: string,
  password: string,
  clientId = `c-${username}-${Math.random()}`,
) =>
  mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    username,
    password,
    clientId,
    reconnectPeriod: 0,
    connectTimeout: 5000,
  });

describeDatabases('embedded broker ingestion', ({ db }) => {
  let pipe: Pipeline;
  beforeAll(async () => {
    pipe = await startPipeline(db());
  });
  afterAll(() => pipe.close());

  it('commits a QoS 1 reading before its PUBACK reaches the device', async () => {
    const dev = await seedDevice(db());
    const client = await connect(pipe.broker.port, dev.deviceId, dev.secret);
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 20; i++) {
      await client.publishAsync(dev.topic, temperaturePack([[now - 100 + i, 4]]), { qos: 1 });
      // The PUBACK arrived: the row must already be committed and visible to any connection.
      expect(await countReadings(db(), dev.deviceId)).toBe(i + 1);
    }
    await client.endAsync();
  });

  it('stores a redelivered reading once', async () => {
    const dev = await seedDevice(db());
    const client = await connect(pipe.broker.port, dev.deviceId, dev.secret);
    const pack = temperaturePack([[Math.floor(Date.now() / 1000) - 5, 4]]);
    await client.publishAsync(dev.topic, pack, { qos: 1 });
    await client.publishAsync(dev.topic, pack, { qos: 1, dup: true });
    expect(await countReadings(db(), dev.deviceId)).toBe(1);
    await client.endAsync();
  });

  it('refuses a wrong secret and a revoked device', async () => {
    const dev = await seedDevice(db());
    await expect(connect(pipe.broker.port, dev.deviceId, 'not-the-secret')).rejects.toThrow(
      /Bad username or password/i,
    );
    await expect(connect(pipe.broker.port, 'no-such-device', dev.secret)).rejects.toThrow(
      /Bad username or password/i,
    );
    await revokeDeviceCredentials({ db: db(), clock: () => new Date() }, dev.deviceId);
    await expect(connect(pipe.broker.port, dev.deviceId, dev.secret)).rejects.toThrow(
      /Not authorized/i,
    );
  });

  it("closes a device's connection when it publishes to another device's topic, storing nothing", async () => {
    const a = await seedDevice(db());
    const b = await seedDevice(db());
    const client = await connect(pipe.broker.port, a.deviceId, a.secret);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(b.topic, temperaturePack([[Math.floor(Date.now() / 1000), 4]]), { qos: 1 });
    await closed;
    client.end(true);
    expect(await countReadings(db(), b.deviceId)).toBe(0);
    expect(await countReadings(db(), a.deviceId)).toBe(0);
  });

  it('acknowledges and counts a bad payload as a device fault without stalling the device', async () => {
    const dev = await seedDevice(db());
    const client = await connect(pipe.broker.port, dev.deviceId, dev.secret);
    await client.publishAsync(dev.topic, '{not json', { qos: 1 });
    await client.publishAsync(dev.topic, temperaturePack([[Math.floor(Date.now() / 1000), 4]]), {
      qos: 1,
    });
    expect(await countReadings(db(), dev.deviceId)).toBe(1);
    const { rows } = await db().query<{ rejected: number; code: string }>(
      'SELECT rejected_count::int AS rejected, last_reject_code AS code FROM device_status WHERE device_id = $1',
      [dev.deviceId],
    );
    expect(rows[0]).toEqual({ rejected: 1, code: 'INVALID_JSON' });
    expect(
      pipe.events.some(
        (e) =>
          e.type === 'device.fault' && (e.data as { deviceId: string }).deviceId === dev.deviceId,
      ),
    ).toBe(true);
    await client.endAsync();
  });
});

describe('topic helper', () => {
  it('is the DESIGN.md contract', async () => {
    const { deviceReadingsTopic } = await import('@hemonet/core');
    expect(deviceReadingsTopic('H01', 'd1')).toBe('hemonet/H01/devices/d1/readings');
  });
});
