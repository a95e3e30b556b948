import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertStorageLocation } from '../../../db/repos/storage-locations-repo.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import {
  startPipeline,
  temperaturePack,
  type Pipeline,
} from '../../../coldchain/test-support/fixtures.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

/** Reads an SSE stream until an event of `type` arrives. */
function waitForEvent(port: number, token: string, type: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        path: '/api/events',
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const match = new RegExp(`event: ${type.replace('.', '\\.')}\\ndata: (.*)\\n`).exec(
            buffer,
          );
          if (match?.[1]) {
            req.destroy();
            resolve(JSON.parse(match[1]));
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describeDatabases('alarm and device routes', ({ db }) => {
  let h: Harness;
  let pipe: Pipeline;
  let port: number;
  beforeAll(async () => {
    pipe = await startPipeline(db());
    h = await createHarness(db(), { live: pipe.bus });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = (h.app.server.address() as AddressInfo).port;
    await insertStorageLocation(
      db(),
      { id: 'H1-FRIDGE', siteId: 'H1', name: 'Fridge', kind: 'fridge' },
      new Date(),
    );
  });
  afterAll(async () => {
    await h.close();
    await pipe.close();
  });

  it('registers a device, streams its alarm over SSE to its site, and lists it on /api/alarms', async () => {
    const created = await h.as('admin', 'BC', {
      method: 'POST',
      url: '/api/devices',
      payload: { siteId: 'H1', kind: 'fridge', locationId: 'H1-FRIDGE', excursionDelayS: 60 },
    });
    expect(created.statusCode).toBe(201);
    const dev = created.json<{ deviceId: string; secret: string; topic: string }>();
    expect(dev.topic).toBe(`hemonet/H1/devices/${dev.deviceId}/readings`);
    const seen = waitForEvent(port, await h.token('hospital_blood_bank', 'H1'), 'alarm.raised');
    await new Promise((r) => setTimeout(r, 100)); // the SSE subscription is in place
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${pipe.broker.port}`, {
      username: dev.deviceId,
      password: dev.secret,
    });
    const t = Math.floor(Date.now() / 1000) - 120;
    await client.publishAsync(
      dev.topic,
      temperaturePack([
        [t, 12],
        [t + 61, 12],
      ]),
      { qos: 1 },
    );
    await client.endAsync();
    expect(await seen).toMatchObject({ type: 'alarm.raised', siteId: 'H1' });
    const list = await h.as('hospital_blood_bank', 'H1', {
      method: 'GET',
      url: '/api/alarms?site=H1',
    });
    const alarms = list.json<{ items: Array<{ id: number; condition: string }> }>().items;
    const excursion = alarms.find((a) => a.condition === 'TEMPERATURE_EXCURSION');
    expect(excursion).toBeDefined();
    const other = await h.as('hospital_blood_bank', 'H2', {
      method: 'GET',
      url: '/api/alarms?site=H1',
    });
    expect(other.statusCode).toBe(403);
    const noComment = await h.as('hospital_blood_bank', 'H1', {
      method: 'POST',
      url: `/api/alarms/${excursion!.id}/acknowledge`,
      payload: { comment: '' },
    });
    expect(noComment.json()).toMatchObject({ error: { code: 'ACK_COMMENT_REQUIRED' } });
    const ack = await h.as('hospital_blood_bank', 'H1', {
      method: 'POST',
      url: `/api/alarms/${excursion!.id}/acknowledge`,
      payload: { comment: 'door fixed' },
    });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', comment: 'door fixed' });
    const devices = await h.as('hospital_blood_bank', 'H1', { method: 'GET', url: '/api/devices' });
    expect(
      devices
        .json<{ items: Array<{ id: string; status: { acceptedCount: number } }> }>()
        .items.find((d) => d.id === dev.deviceId)?.status.acceptedCount,
    ).toBe(2);
  });
});
