import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerDevice, type DeviceCredentialsOut } from '../coldchain/device-registry.js';
import { startColdChain } from '../coldchain/runtime.js';
import { addUser } from '../commands/users.js';
import { upsertSite } from '../db/repos/sites-repo.js';
import { insertStorageLocation } from '../db/repos/storage-locations-repo.js';
import type { DatabaseKind, SqlClient } from '../db/sql-client.js';
import { buildApp } from '../http/app.js';
import { createLocalBus } from '../live/bus.js';
import { buildDeps } from '../main.js';
import { startEmbeddedBroker } from '../mqtt/embedded-broker.js';
import { openBenchDatabase } from './bench-database.js';
import { connectPublishers, pace, saturate, type Publishers } from './mqtt-load.js';
import { percentile } from './random.js';

export interface IngestBenchOptions {
  database: DatabaseKind;
  databaseUrl?: string;
  adminUrl: string;
  devices: number;
  seconds: number;
  inFlight: number;
  readingsPerPack: number;
  /** Background load while alarm latency is measured (issue 4: 10,000 readings/s). */
  latencyLoadPerSecond: number;
  latencySamples: number;
  log: (line: string) => void;
}

export interface IngestBenchReport {
  database: DatabaseKind;
  committedPerSecond: number;
  brokerOnlyPerSecond: number;
  ratio: number;
  alarmLatencyMs: { p50: number; p99: number; samples: number };
  rssMB: number;
  devices: number;
  readingsPerPack: number;
  inFlightPerDevice: number;
  seconds: number;
}

const SITE = 'BENCH';

async function provision(db: SqlClient, o: IngestBenchOptions): Promise<DeviceCredentialsOut[]> {
  const now = new Date();
  await upsertSite(db, { id: SITE, name: 'Bench', kind: 'hospital', region: 'bench' });
  await insertStorageLocation(
    db,
    { id: `${SITE}-F1`, siteId: SITE, name: 'Fridge', kind: 'fridge' },
    now,
  );
  const out: DeviceCredentialsOut[] = [];
  // Load devices first, then the devices whose first warm reading raises an alarm at once.
  for (let i = 0; i < o.devices + o.latencySamples; i++) {
    const alarming = i >= o.devices;
    out.push(
      await registerDevice(
        { db, clock: () => now },
        {
          siteId: SITE,
          kind: 'fridge',
          locationId: `${SITE}-F1`,
          excursionDelayS: alarming ? 0 : 600,
        },
      ),
    );
  }
  return out;
}

async function brokerOnly(db: SqlClient, devices: DeviceCredentialsOut[], o: IngestBenchOptions) {
  const broker = await startEmbeddedBroker({
    port: 0,
    host: '127.0.0.1',
    db,
    onPublish: (_d, _p, done) => done(),
  });
  const pubs = await connectPublishers(broker.port, devices);
  const rate = await saturate(pubs, o.devices, o);
  await pubs.close();
  await broker.close();
  return rate;
}

/** Times from publishing a reading that raises an alarm to its `alarm.raised` event on SSE. */
async function alarmLatencies(
  pubs: Publishers,
  events: Map<string, number>,
  devices: DeviceCredentialsOut[],
  o: IngestBenchOptions,
): Promise<number[]> {
  const load = pace(pubs, o.devices, o.latencyLoadPerSecond, o.readingsPerPack);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const out: number[] = [];
  for (let i = o.devices; i < devices.length; i++) {
    const id = devices[i]?.deviceId ?? '';
    const sent = Date.now();
    pubs.publish(i, 1, 9).catch(() => undefined);
    const deadline = sent + 5000;
    while (!events.has(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    const seen = events.get(id);
    if (seen !== undefined) out.push(seen - sent);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  load.stop();
  return out;
}

/** Follows `GET /api/events`, noting when each device's excursion alarm arrives. */
function followAlarms(port: number, token: string, seen: Map<string, number>): () => void {
  const req = httpRequest(
    { port, host: '127.0.0.1', path: '/api/events', headers: { authorization: `Bearer ${token}` } },
    (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          if (!block.startsWith('event: alarm.raised')) continue;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const alarm = data
            ? (JSON.parse(data) as { data: { deviceId: string; condition: string } }).data
            : null;
          if (alarm?.condition === 'TEMPERATURE_EXCURSION' && !seen.has(alarm.deviceId))
            seen.set(alarm.deviceId, Date.now());
        }
      });
    },
  );
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

/**
 * `hemonet bench ingest`: devices publish QoS 1 SenML packs over real MQTT to the embedded broker,
 * first acknowledged at once (broker only), then acknowledged after commit (committed), then at a
 * paced load while alarm latency is timed to the SSE stream. Publishers run in the same process.
 */
export async function runIngestBench(o: IngestBenchOptions): Promise<IngestBenchReport> {
  const bench = await openBenchDatabase(o);
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 200);
  try {
    const devices = await provision(bench.db, o);
    const brokerOnlyPerSecond = await brokerOnly(bench.db, devices, o);
    o.log(`broker only: ${Math.round(brokerOnlyPerSecond)} readings/s`);
    const live = createLocalBus();
    const deps = await buildDeps(bench.db, live);
    const chain = await startColdChain({
      db: bench.db,
      bus: live,
      clock: deps.clock,
      metrics: deps.metrics,
      lifecycle: {},
      mqtt: { kind: 'embedded', port: 0, host: '127.0.0.1', fallbackToFreePort: false },
      log: (m) => o.log(m),
    });
    const app = await buildApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const pubs = await connectPublishers(chain.mqttPort ?? 0, devices);
    const committedPerSecond = await saturate(pubs, o.devices, o);
    o.log(`committed: ${Math.round(committedPerSecond)} readings/s`);
    const token = await login(app, deps);
    const seen = new Map<string, number>();
    const stop = followAlarms((app.server.address() as AddressInfo).port, token, seen);
    const latencies = (await alarmLatencies(pubs, seen, devices, o)).sort((a, b) => a - b);
    stop();
    await pubs.close();
    await chain.stop();
    await app.close();
    return {
      database: o.database,
      committedPerSecond: Math.round(committedPerSecond),
      brokerOnlyPerSecond: Math.round(brokerOnlyPerSecond),
      ratio: Math.round((committedPerSecond / brokerOnlyPerSecond) * 100) / 100,
      alarmLatencyMs: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        samples: latencies.length,
      },
      rssMB: Math.round(rss / 2 ** 20),
      devices: o.devices,
      readingsPerPack: o.readingsPerPack,
      inFlightPerDevice: o.inFlight,
      seconds: o.seconds,
    };
  } finally {
    clearInterval(sampler);
    await bench.dispose();
  }
}

async function login(
  app: Awaited<ReturnType<typeof buildApp>>,
  deps: Awaited<ReturnType<typeof buildDeps>>,
) {
  const { password } = await addUser(
    deps,
    { username: 'bench', role: 'admin', siteId: SITE },
    'bench',
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'bench', password },
  });
  return res.json<{ token: string }>().token;
}
