import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertReadings } from '../db/repos/readings-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { availableRedCells, expectOk } from '../http/test-support/chain.js';
import { createHarness, testDeps, type Harness } from '../http/test-support/harness.js';
import { registerDevice } from './device-registry.js';

const MIN = 60_000;
const base = Math.floor(Date.now() / MIN) * MIN - 12 * 60 * MIN;
const at = (minutes: number) => new Date(base + minutes * MIN);

interface ReceiptUnit {
  din: string;
  journey: {
    decision: string;
    reasons: string[];
    evidence: Record<string, unknown>;
  } | null;
}

describeDatabases('logger-gated receipt of a shipment', ({ db }) => {
  let now = at(0);
  let h: Harness;
  let box: string;
  let fridge: string;
  let otherSiteBox: string;

  beforeAll(async () => {
    const http = { ...(await testDeps(db())).http, sessionTtlMs: 24 * 60 * MIN };
    h = await createHarness(db(), { clock: () => now, http });
    const register = (siteId: string, kind: 'transport_box' | 'fridge') =>
      registerDevice({ db: db(), clock: () => now }, { siteId, kind, reportingIntervalS: 300 });
    box = (await register('BC', 'transport_box')).deviceId;
    fridge = (await register('BC', 'fridge')).deviceId;
    otherSiteBox = (await register('H2', 'transport_box')).deviceId;
  });
  afterAll(() => h.close());

  const staff = (url: string, payload?: object) =>
    h.as('center_staff', 'BC', { method: payload ? 'POST' : 'GET', url, payload });
  /** The box logs `celsius(minute)` every 5 minutes over [from, to] minutes. */
  const log = (from: number, to: number, celsius: (minute: number) => number) =>
    insertReadings(
      db(),
      Array.from({ length: (to - from) / 5 + 1 }, (_, i) => from + i * 5).map((m) => ({
        deviceId: box,
        siteId: 'BC',
        name: 'temperature' as const,
        at: at(m).getTime(),
        value: celsius(m),
      })),
    );
  /** Ships one unit BC → H1 in the box at `departure`, receives it an hour later. */
  const journey = async (din: string, departure: number, logged: () => Promise<unknown>) => {
    now = at(departure);
    const shipped = await staff('/api/shipments', {
      toSiteId: 'H1',
      dins: [din],
      boxDeviceId: box,
    });
    expectOk(shipped, 201);
    const { id } = shipped.json<{ id: string }>();
    await logged();
    now = at(departure + 60);
    const receipt = await h.as('hospital_blood_bank', 'H1', {
      method: 'POST',
      url: `/api/shipments/${id}/receipt`,
      payload: { scans: [din] },
    });
    expectOk(receipt);
    const unit = (await staff(`/api/units/${din}`)).json<{ status: string }>();
    return { id, status: unit.status, ...receipt.json<{ units: ReceiptUnit[] }>().units[0]! };
  };

  it('refuses a box that is not a transport-box logger of the dispatching site', async () => {
    const din = await availableRedCells(h, 'G123417657004');
    for (const [boxDeviceId, code] of [
      [fridge, 'DEVICE_NOT_TRANSPORT_BOX'],
      [otherSiteBox, 'DEVICE_AT_OTHER_SITE'],
      ['no-such-box', 'DEVICE_NOT_FOUND'],
    ] as const) {
      const res = await staff('/api/shipments', { toSiteId: 'H1', dins: [din], boxDeviceId });
      expect(res.json()).toMatchObject({ error: { code } });
    }
    expect((await staff(`/api/units/${din}`)).json()).toMatchObject({ status: 'available' });
  });

  it('accepts into stock a journey logged within the transport range', async () => {
    const din = await availableRedCells(h, 'G123417657001');
    const r = await journey(din, 60, () => log(60, 120, () => 5));
    expect(r.status).toBe('available');
    expect(r.journey).toMatchObject({
      decision: 'accept',
      reasons: [],
      evidence: { minC: 5, maxC: 5, readingsCount: 13, timeOutOfRangeMs: 0 },
    });
    const history = (await staff(`/api/units/${din}/thermal-history`)).json<{
      unmonitoredMs: number;
      segments: Array<{ place: string | null; unmonitoredMs: number; maxC: number | null }>;
    }>();
    // The hour in the box is monitored by its logger.
    expect(history.segments).toContainEqual(
      expect.objectContaining({ place: `shipment:${r.id}`, unmonitoredMs: 0, maxC: 5 }),
    );
  });

  it('holds red cells that spent 40 minutes at 14 °C, with the evidence kept', async () => {
    const din = await availableRedCells(h, 'G123417657002');
    const warm = (m: number) => (m >= 190 && m < 230 ? 14 : 5);
    const r = await journey(din, 180, () => log(180, 240, warm));
    expect(r.status).toBe('held');
    const evidence = {
      minC: 5,
      maxC: 14,
      readingsCount: 13,
      timeOutOfRangeMs: 40 * MIN,
      longestGapMs: 5 * MIN,
      durationMs: 60 * MIN,
    };
    expect(r.journey).toMatchObject({ decision: 'hold', reasons: ['OUT_OF_RANGE'], evidence });
    const trace = (await staff(`/api/units/${din}/trace`)).body;
    expect(trace).toContain('TEMPERATURE_EXCURSION');
    expect(trace).toContain(`transport box ${box}`);
    const history = (await staff(`/api/units/${din}/thermal-history`)).json<unknown>();
    expect(history).toMatchObject({
      maxC: 14,
      timeOutOfRangeMs: 40 * MIN,
      journeys: [{ shipmentId: r.id, decision: 'hold', evidence }],
    });
  });

  it('holds the units of a silent logger, saying so', async () => {
    const din = await availableRedCells(h, 'G123417657003');
    const r = await journey(din, 300, () => Promise.resolve());
    expect(r.status).toBe('held');
    expect(r.journey).toMatchObject({
      decision: 'hold',
      reasons: ['NO_LOGGER_READINGS'],
      evidence: { readingsCount: 0, minC: null, maxC: null, longestGapMs: 60 * MIN },
    });
    const history = (await staff(`/api/units/${din}/thermal-history`)).json<{
      segments: Array<{ place: string | null; unmonitoredMs: number }>;
    }>();
    expect(history.segments).toContainEqual(
      expect.objectContaining({ place: `shipment:${r.id}`, unmonitoredMs: 60 * MIN }),
    );
  });
});
