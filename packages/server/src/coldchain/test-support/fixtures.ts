import { Registry } from 'prom-client';
import { upsertSite } from '../../db/repos/sites-repo.js';
import { insertStorageLocation } from '../../db/repos/storage-locations-repo.js';
import type { SqlClient } from '../../db/sql-client.js';
import { createLocalBus, type LiveBus, type LiveEvent } from '../../live/bus.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../mqtt/embedded-broker.js';
import { ingestMetrics, type IngestMetrics } from '../../mqtt/ingest-metrics.js';
import { DeviceDirectory } from '../device-directory.js';
import {
  registerDevice,
  type DeviceCredentialsOut,
  type RegisterDeviceInput,
} from '../device-registry.js';
import { createIngestion, type Ingestion } from '../ingestion.js';
import type { AlarmChange } from '../evaluate-device.js';

let counter = 0;

/** A site with one fridge location, unique per call so suites can share a database. */
export async function seedSite(
  db: SqlClient,
  at = new Date(),
): Promise<{ siteId: string; locationId: string }> {
  counter++;
  const siteId = `S${process.pid % 10000}x${counter}`;
  await upsertSite(db, { id: siteId, name: `Site ${siteId}`, kind: 'hospital', region: 'test' });
  const locationId = `${siteId}-F1`;
  await insertStorageLocation(db, { id: locationId, siteId, name: 'Fridge 1', kind: 'fridge' }, at);
  return { siteId, locationId };
}

export async function seedDevice(
  db: SqlClient,
  overrides: Partial<RegisterDeviceInput> = {},
  clock: () => Date = () => new Date(),
): Promise<DeviceCredentialsOut & { locationId: string }> {
  const { siteId, locationId } = await seedSite(db, clock());
  const creds = await registerDevice(
    { db, clock },
    { siteId, kind: 'fridge', locationId, ...overrides },
  );
  return { ...creds, locationId };
}

export interface Pipeline {
  broker: EmbeddedBroker;
  ingestion: Ingestion;
  bus: LiveBus;
  metrics: IngestMetrics;
  events: LiveEvent[];
  alarmChanges: AlarmChange[];
  close(): Promise<void>;
}

/** Embedded broker + ingestion on an ephemeral port, as serve wires them. */
export async function startPipeline(
  db: SqlClient,
  clock: () => Date = () => new Date(),
): Promise<Pipeline> {
  const bus = createLocalBus();
  const metrics = ingestMetrics(new Registry());
  const events: LiveEvent[] = [];
  const alarmChanges: AlarmChange[] = [];
  bus.subscribe((e) => events.push(e));
  const ingestion = createIngestion({
    db,
    directory: new DeviceDirectory('CN'),
    lookbackMs: 24 * 3_600_000,
    bus,
    metrics,
    clock,
    onAlarms: (c) => alarmChanges.push(...c),
    log: (message, details) => console.error(message, details),
  });
  const broker = await startEmbeddedBroker({
    port: 0,
    host: '127.0.0.1',
    db,
    onPublish: (device, packet, done) =>
      ingestion.accept({
        deviceId: device.deviceId,
        siteId: device.siteId,
        payload: packet.payload as Buffer,
        receivedAt: Date.now(),
        ack: done,
      }),
  });
  return {
    broker,
    ingestion,
    bus,
    metrics,
    events,
    alarmChanges,
    close: async () => {
      await broker.close();
      await ingestion.stop();
      await bus.close();
    },
  };
}

/** A SenML pack of temperatures at the given epoch-second times. */
export const temperaturePack = (points: Array<[number, number]>): string =>
  JSON.stringify(points.map(([t, v]) => ({ n: 'temperature', u: 'Cel', v, t })));
