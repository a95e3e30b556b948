import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertStorageLocation } from '../db/repos/storage-locations-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { availableRedCells, expectOk } from '../http/test-support/chain.js';
import { createHarness, type Harness } from '../http/test-support/harness.js';
import { createLocalBus } from '../live/bus.js';
import { localTime } from '../time-zone.js';
import { registerDevice, type DeviceCredentialsOut } from './device-registry.js';
import { startColdChain, type ColdChain } from './runtime.js';
import { temperaturePack } from './test-support/fixtures.js';
import { eventually, recordEvents, type SseRecorder } from './test-support/sse.js';

/** A configured release rule (issue 4: "red cells: one excursion only, up to 5 h, 1–10 °C"). */
const redCellRule = { maxReleases: 1, maxHours: 5, coreMinC: 1, coreMaxC: 10 };
const base = Math.floor(Date.now() / 60_000) * 60_000 - 3 * 3_600_000;
const at = (seconds: number) => new Date(base + seconds * 1000);

describeDatabases('automatic hold of units touched by an excursion', ({ db }) => {
  let now = at(0);
  const clock = () => now;
  const bus = createLocalBus();
  const escalations: string[] = [];
  let h: Harness;
  let chain: ColdChain;
  let sse: SseRecorder;
  let device: DeviceCredentialsOut;
  let client: mqtt.MqttClient;

  beforeAll(async () => {
    h = await createHarness(db(), {
      clock,
      live: bus,
      lifecycle: { ruleOverrides: { RED_CELLS: { excursionRelease: redCellRule } } },
    });
    // The test clock runs well past an hour: keep the staff signed in.
    h.deps.http.sessionTtlMs = 24 * 3_600_000;
    chain = await startColdChain({
      db: db(),
      bus,
      clock,
      metrics: h.deps.metrics,
      lifecycle: h.deps.lifecycle,
      mqtt: { kind: 'embedded', port: 0, host: '127.0.0.1', fallbackToFreePort: false },
      workerIntervalMs: 100,
      escalation: { contacts: [{ level: 1, siteId: 'BC', channel: 'log', target: 'duty' }] },
      log: (line) => escalations.push(line),
    });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    sse = await recordEvents(
      (h.app.server.address() as AddressInfo).port,
      await h.token('center_staff', 'BC'),
    );
    await insertStorageLocation(
      db(),
      { id: 'BC-RC1', siteId: 'BC', name: 'Red cell fridge 1', kind: 'fridge' },
      now,
    );
    device = await registerDevice(
      { db: db(), clock },
      { siteId: 'BC', kind: 'fridge', locationId: 'BC-RC1', excursionDelayS: 300 },
    );
    client = await mqtt.connectAsync(`mqtt://127.0.0.1:${chain.mqttPort}`, {
      username: device.deviceId,
      password: device.secret,
    });
  });
  afterAll(async () => {
    await client.endAsync();
    sse.close();
    await chain.stop();
    await h.close();
  });

  const staff = (url: string, payload?: object) =>
    h.as('center_staff', 'BC', { method: payload ? 'POST' : 'GET', url, payload });
  const statusOf = async (din: string) =>
    (await staff(`/api/units/${din}`)).json<{ status: string }>().status;
  const publish = (points: Array<[number, number]>) =>
    client.publishAsync(
      device.topic,
      temperaturePack(points.map(([s, c]) => [Math.floor(base / 1000) + s, c])),
      { qos: 1 },
    );
  /** 8 °C (above the 2–6 °C red-cell range; another value if given) every minute over [from, to) s. */
  const warm = (from: number, to: number, celsius = 8): Array<[number, number]> =>
    Array.from({ length: (to - from) / 60 }, (_, i) => [from + i * 60, celsius]);

  it('holds exactly the units present during the excursion, and closes only after dispositions', async () => {
    const [stays, leftBefore, putAfter] = await Promise.all(
      ['G123417654801', 'G123417654802', 'G123417654803'].map((d) => availableRedCells(h, d)),
    );
    for (const din of [stays!, leftBefore!])
      expectOk(await staff(`/api/units/${din}/store`, { locationId: 'BC-RC1' }));
    now = at(60);
    expectOk(await staff(`/api/units/${leftBefore}/remove`, {}));
    // The excursion: 8 °C from +180 s; the 300 s delay passes at +480 s.
    now = at(600);
    await publish([[120, 4], ...warm(180, 1500)]);
    const raised = (await sse.waitFor(
      'alarm.raised',
      (d) => (d as { condition: string }).condition === 'TEMPERATURE_EXCURSION',
    )) as { id: number; startedAt: string };
    expect(raised.startedAt).toBe(at(180).toISOString());
    await eventually(async () => (await statusOf(stays!)) === 'held');
    await publish([[1500, 4]]);
    now = at(1600);
    expectOk(await staff(`/api/units/${putAfter}/store`, { locationId: 'BC-RC1' }));
    // Unacknowledged for more than 15 min: the level-1 contact is told.
    await eventually(() =>
      escalations.some((l) => l.startsWith('[Hemonet L1] TEMPERATURE_EXCURSION')),
    );
    await sse.waitFor('alarm.escalated');
    const alarms = (await staff('/api/alarms?site=BC')).json<{
      items: Array<{ id: number; status: string }>;
    }>();
    expect(alarms.items.find((a) => a.id === raised.id)?.status).toBe('resolved');
    expect(await statusOf(stays!)).toBe('held');
    expect(await statusOf(leftBefore!)).toBe('available');
    expect(await statusOf(putAfter!)).toBe('available');
    const trace = (await staff(`/api/units/${stays}/trace`)).body;
    expect(trace).toContain('TEMPERATURE_EXCURSION');
    expect(trace).toContain(`alarm ${raised.id}`);
    // the hold note gives the start as the site reads it (BC: Asia/Shanghai, the default zone)
    expect(trace).toContain(localTime(at(180), 'Asia/Shanghai'));
    // Its own thermal history: 8 °C from +180 s to +1500 s while in the fridge.
    expect((await staff(`/api/units/${stays}/thermal-history`)).json()).toMatchObject({
      minC: 4,
      maxC: 8,
      timeOutOfRangeMs: 1_320_000,
      timeOutOfControlledStorageMs: 0,
    });
    expect((await staff(`/api/units/${leftBefore}/thermal-history`)).json()).toMatchObject({
      maxC: null,
      timeOutOfRangeMs: 0,
      timeOutOfControlledStorageMs: 1_540_000,
    });
    const units = (await staff(`/api/alarms/${raised.id}/units`)).json<{ items: unknown[] }>();
    expect(units.items).toEqual([expect.objectContaining({ din: stays, disposition: null })]);

    const ack = (comment: string) => staff(`/api/alarms/${raised.id}/acknowledge`, { comment });
    expect((await ack(' ')).statusCode).toBe(422);
    expectOk(await ack('fridge door found ajar, closed'));
    const close = () => staff(`/api/alarms/${raised.id}/close`, {});
    expect((await close()).json()).toMatchObject({ error: { code: 'UNITS_AWAITING_DISPOSITION' } });
    expect((await staff(`/api/units/${stays}/hold-release`, {})).json()).toMatchObject({
      error: { code: 'ALARM_DISPOSITION_REQUIRED' },
    });
    const release = await staff(`/api/alarms/${raised.id}/units/${stays}/disposition`, {
      decision: 'release',
    });
    expectOk(release);
    expect(release.json()).toMatchObject({ status: 'available' });
    expect((await close()).json()).toMatchObject({ status: 'closed' });
  });

  it('discards on the next excursion a unit already released once after an excursion', async () => {
    const din = 'G123417654801-E9010V00';
    expect(await statusOf(din)).toBe('available');
    now = at(2400);
    await publish([...warm(2000, 2400), [2400, 4]]);
    const second = (await sse.waitFor('alarm.raised', (d) => {
      const a = d as { startedAt: string; condition: string };
      return a.condition === 'TEMPERATURE_EXCURSION' && a.startedAt === at(2000).toISOString();
    })) as { id: number };
    await eventually(async () => (await statusOf(din)) === 'held');
    const decide = (decision: string) =>
      staff(`/api/alarms/${second.id}/units/${din}/disposition`, { decision });
    const refused = await decide('release');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: { code: 'EXCURSION_RELEASE_REFUSED', details: { reason: 'PREVIOUS_EXCURSION' } },
    });
    expect((await decide('discard')).json()).toMatchObject({ status: 'discarded' });
    expect((await decide('discard')).statusCode).toBe(409);
    // The unit stored after the first excursion was in the fridge during this one: its first release.
    const other = 'G123417654803-E9010V00';
    const released = await staff(`/api/alarms/${second.id}/units/${other}/disposition`, {
      decision: 'release',
    });
    expect(released.json()).toMatchObject({ status: 'available' });
    await sse.waitFor(
      'alarm.unit_disposed',
      (d) => (d as { alarmId: number }).alarmId === second.id,
    );
    expectOk(
      await staff(`/api/alarms/${second.id}/acknowledge`, { comment: 'compressor serviced' }),
    );
    expect((await staff(`/api/alarms/${second.id}/close`, {})).json()).toMatchObject({
      status: 'closed',
    });
  });

  it('lets an alarm close once its held unit was discarded through the plain discard route', async () => {
    const din = 'G123417654803-E9010V00'; // released once after the second excursion
    now = at(3400);
    await publish([...warm(3000, 3300), [3300, 4]]);
    const third = (await sse.waitFor('alarm.raised', (d) => {
      const a = d as { startedAt: string; condition: string };
      return a.condition === 'TEMPERATURE_EXCURSION' && a.startedAt === at(3000).toISOString();
    })) as { id: number };
    await eventually(async () => (await statusOf(din)) === 'held');
    expect((await staff(`/api/units/${din}/hold-release`, {})).statusCode).toBe(422);
    expectOk(await staff(`/api/units/${din}/discard`, { reason: 'TEMPERATURE_EXCURSION' }));
    expectOk(await staff(`/api/alarms/${third.id}/acknowledge`, { comment: 'probe checked' }));
    expect((await staff(`/api/alarms/${third.id}/close`, {})).json()).toMatchObject({
      status: 'closed',
    });
  });

  /** An excursion at `celsius` over [from, to) s; resolves with its raised alarm. */
  const excursion = async (from: number, to: number, celsius = 8) => {
    now = at(to + 100);
    await publish([...warm(from, to, celsius), [to, 4]]);
    return (await sse.waitFor('alarm.raised', (d) => {
      const a = d as { startedAt: string; condition: string };
      return a.condition === 'TEMPERATURE_EXCURSION' && a.startedAt === at(from).toISOString();
    })) as { id: number };
  };
  const dispositionUnder = async (alarmId: number, din: string) =>
    (await staff(`/api/alarms/${alarmId}/units`))
      .json<{ items: Array<{ din: string; disposition: string | null }> }>()
      .items.find((u) => u.din === din)?.disposition;

  it('decides a unit held through two excursions once, on both, and closes both alarms', async () => {
    const din = await availableRedCells(h, 'G123417654804');
    now = at(3500);
    expectOk(await staff(`/api/units/${din}/store`, { locationId: 'BC-RC1' }));
    const first = await excursion(3600, 4000);
    await eventually(async () => (await statusOf(din)) === 'held');
    const second = await excursion(4400, 4800);
    const pendingUnder = (alarmId: number) => dispositionUnder(alarmId, din);
    // Still held from the first excursion, the unit awaits a decision under the second one too.
    await eventually(async () => (await pendingUnder(second.id)) === null);
    for (const alarm of [first, second])
      expectOk(await staff(`/api/alarms/${alarm.id}/acknowledge`, { comment: 'door alarm fixed' }));
    expect((await staff(`/api/alarms/${second.id}/close`, {})).json()).toMatchObject({
      error: { code: 'UNITS_AWAITING_DISPOSITION' },
    });
    const released = await staff(`/api/alarms/${first.id}/units/${din}/disposition`, {
      decision: 'release',
    });
    expect(released.json()).toMatchObject({ status: 'available' });
    expect(await pendingUnder(first.id)).toBe('released');
    expect(await pendingUnder(second.id)).toBe('released');
    for (const alarm of [first, second])
      expect((await staff(`/api/alarms/${alarm.id}/close`, {})).json()).toMatchObject({
        status: 'closed',
      });
  });

  it('judges a release on every excursion the unit went through: 8 °C then 12 °C is refused', async () => {
    const din = await availableRedCells(h, 'G123417654805');
    now = at(5000);
    expectOk(await staff(`/api/units/${din}/store`, { locationId: 'BC-RC1' }));
    const mild = await excursion(5100, 5500);
    await eventually(async () => (await statusOf(din)) === 'held');
    const hot = await excursion(5900, 6300, 12); // above the 10 °C the release rule allows
    await eventually(async () => (await dispositionUnder(hot.id, din)) === null);
    const release = await staff(`/api/alarms/${mild.id}/units/${din}/disposition`, {
      decision: 'release',
    });
    expect(release.json()).toMatchObject({
      error: { code: 'EXCURSION_RELEASE_REFUSED', details: { maxC: 12 } },
    });
    const discard = await staff(`/api/alarms/${mild.id}/units/${din}/disposition`, {
      decision: 'discard',
    });
    expect(discard.json()).toMatchObject({ status: 'discarded' });
    expect(await dispositionUnder(hot.id, din)).toBe('discarded');
  });
});
