import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultEscalationPolicy, DomainError } from '@hemonet/core';
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAlarms } from '../db/repos/alarms-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { acknowledgeAlarm } from './alarm-service.js';
import { runEscalation } from './escalation.js';
import { postWebhook, signBody } from './notify.js';
import {
  seedDevice,
  startPipeline,
  temperaturePack,
  type Pipeline,
} from './test-support/fixtures.js';

describeDatabases('cold-chain alarms', ({ db }) => {
  let pipe: Pipeline;
  beforeAll(async () => {
    pipe = await startPipeline(db());
  });
  afterAll(() => pipe.close());

  it('raises an excursion only once readings stay out of range past the delay, then resolves it', async () => {
    const dev = await seedDevice(db(), { excursionDelayS: 600 });
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${pipe.broker.port}`, {
      username: dev.deviceId,
      password: dev.secret,
    });
    const t0 = Math.floor(Date.now() / 1000) - 3600;
    // 9 °C for 5 min: below the 10 min delay, no excursion.
    await client.publishAsync(
      dev.topic,
      temperaturePack([
        [t0, 9],
        [t0 + 300, 4],
      ]),
      { qos: 1 },
    );
    expect(await conditions(dev.siteId)).toEqual(['TEMPERATURE_PRE_ALARM']);
    // 9 °C for 15 min, one reading a minute, sent late as one buffered pack.
    const late = Array.from({ length: 16 }, (_, i): [number, number] => [t0 + 600 + i * 60, 9]);
    await client.publishAsync(dev.topic, temperaturePack(late), { qos: 1 });
    expect(await conditions(dev.siteId)).toContain('TEMPERATURE_EXCURSION');
    const raised = pipe.events.find(
      (e) =>
        e.type === 'alarm.raised' &&
        (e.data as { condition: string }).condition === 'TEMPERATURE_EXCURSION',
    );
    expect(raised?.data).toMatchObject({
      deviceId: dev.deviceId,
      startedAt: new Date((t0 + 600) * 1000).toISOString(),
      status: 'raised',
    });
    await client.publishAsync(dev.topic, temperaturePack([[t0 + 1800, 4]]), { qos: 1 });
    const [excursion] = (await listAlarms(db(), { siteIds: [dev.siteId], limit: 10 })).filter(
      (a) => a.condition === 'TEMPERATURE_EXCURSION',
    );
    expect(excursion).toMatchObject({
      status: 'resolved',
      endedAt: new Date((t0 + 1800) * 1000),
      maxValue: 9,
    });
    await client.endAsync();
  });

  it('needs a comment to acknowledge', async () => {
    const dev = await seedDevice(db());
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${pipe.broker.port}`, {
      username: dev.deviceId,
      password: dev.secret,
    });
    await client.publishAsync(dev.topic, JSON.stringify([{ n: 'battery', u: '%EL', v: 5 }]), {
      qos: 1,
    });
    await client.endAsync();
    const [alarm] = await listAlarms(db(), { siteIds: [dev.siteId], limit: 1 });
    const deps = { db: db(), bus: pipe.bus, clock: () => new Date() };
    await expect(acknowledgeAlarm(deps, alarm!.id, 'u1', ' ')).rejects.toThrow(DomainError);
    await expect(
      acknowledgeAlarm(deps, alarm!.id, 'u1', 'battery replaced'),
    ).resolves.toMatchObject({ status: 'acknowledged', ackComment: 'battery replaced' });
  });

  it('escalates an unacknowledged alarm through a signed webhook, once per level', async () => {
    const received: Array<{ body: string; signature: string | undefined }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({
          body,
          signature: req.headers['x-hemonet-signature'] as string | undefined,
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const dev = await seedDevice(db());
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${pipe.broker.port}`, {
      username: dev.deviceId,
      password: dev.secret,
    });
    await client.publishAsync(dev.topic, JSON.stringify([{ n: 'power', vb: false }]), { qos: 1 });
    await client.endAsync();
    const later = new Date(Date.now() + 16 * 60_000);
    const deps = {
      db: db(),
      bus: pipe.bus,
      clock: () => later,
      policy: defaultEscalationPolicy,
      contacts: [{ level: 1, siteId: dev.siteId, channel: 'webhook' as const, target: url }],
      channels: { webhook: postWebhook, email: () => Promise.resolve(), log: () => undefined },
      webhookSecret: 'shh',
    };
    const first = await runEscalation(deps);
    expect(first.some((e) => e.level === 1)).toBe(true);
    expect(await runEscalation(deps)).toEqual([]);
    server.close();
    expect(received).toHaveLength(1);
    expect(received[0]!.signature).toBe(signBody('shh', received[0]!.body));
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      level: 1,
      alarm: { condition: 'POWER_LOSS', deviceId: dev.deviceId },
    });
  });

  async function conditions(siteId: string): Promise<string[]> {
    return (await listAlarms(db(), { siteIds: [siteId], limit: 50 }))
      .map((a) => a.condition)
      .sort();
  }
});
