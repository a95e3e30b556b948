import {
  defaultEscalationPolicy,
  type EscalationPolicy,
  type LifecycleOptions,
} from '@hemonet/core';
import type { Registry } from 'prom-client';
import type { SqlClient } from '../db/sql-client.js';
import type { LiveBus } from '../live/bus.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../mqtt/embedded-broker.js';
import { startExternalSubscriber, type ExternalSubscriber } from '../mqtt/external-subscriber.js';
import { ingestMetrics } from '../mqtt/ingest-metrics.js';
import { DeviceDirectory } from './device-directory.js';
import { createIngestion, type Ingestion } from './ingestion.js';
import { postWebhook, type Channels, type Contact } from './notify.js';
import { smtpEmail, type SmtpConfig } from './smtp.js';
import { startColdChainWorker, type RetentionPolicy } from './worker.js';

export type MqttMode =
  | { kind: 'embedded'; port: number; host?: string; fallbackToFreePort: boolean }
  | { kind: 'external'; url: string; clientId: string; connections?: number; group?: string };

export interface ColdChainOptions {
  db: SqlClient;
  bus: LiveBus;
  clock: () => Date;
  metrics: Registry;
  /** The same lifecycle rules the API applies (jurisdiction, overrides). */
  lifecycle: LifecycleOptions;
  mqtt: MqttMode;
  workerIntervalMs?: number;
  escalation?: {
    policy?: EscalationPolicy;
    contacts?: Contact[];
    webhookSecret?: string;
    /** Relay of the email channel; without one, email notifications are recorded as failed. */
    smtp?: SmtpConfig | null;
  };
  /**
   * Default: raw readings 90 days (longer than the 30 days a late reading may lag); hourly
   * aggregates 30 years, the retention of traceability data (Directive 2005/61/EC as transposed
   * in UK SI 2005/50 reg 8(3)), since a unit's storage temperatures are part of its record.
   */
  retention?: RetentionPolicy;
  log: (message: string, details?: Record<string, unknown>) => void;
}

export interface ColdChain {
  /** Port of the embedded broker (null with an external broker). */
  mqttPort: number | null;
  ingestion: Ingestion;
  stop(): Promise<void>;
}

const channelsFor = (log: ColdChainOptions['log'], smtp: SmtpConfig | null): Channels => ({
  webhook: postWebhook,
  email: smtp
    ? smtpEmail(smtp)
    : () => Promise.reject(new Error('no SMTP relay configured (HEMONET_SMTP_URL)')),
  log: (line) => log(line),
});

/**
 * Cold-chain supervision as serve runs it: device messages (embedded broker or external broker)
 * → batched ingestion and alarm evaluation → the background worker (sensor silence, automatic
 * holds, escalation), kicked after every alarm commit. `stop()` stops taking messages first.
 */
export async function startColdChain(o: ColdChainOptions): Promise<ColdChain> {
  const directory = new DeviceDirectory(o.lifecycle.jurisdiction ?? 'CN');
  const metrics = ingestMetrics(o.metrics);
  const worker = startColdChainWorker(
    {
      db: o.db,
      bus: o.bus,
      clock: o.clock,
      directory,
      metrics,
      lifecycle: o.lifecycle,
      policy: o.escalation?.policy ?? defaultEscalationPolicy,
      contacts: o.escalation?.contacts ?? [],
      channels: channelsFor(o.log, o.escalation?.smtp ?? null),
      webhookSecret: o.escalation?.webhookSecret ?? '',
      log: o.log,
      retention: o.retention ?? { rawDays: 90, hourlyDays: 30 * 366 },
    },
    o.workerIntervalMs ?? 10_000,
  );
  const ingestion = createIngestion({
    db: o.db,
    directory,
    lookbackMs: 24 * 3_600_000,
    bus: o.bus,
    metrics,
    clock: o.clock,
    onAlarms: () => worker.kick(),
    log: o.log,
  });
  const source = await startSource(o, ingestion);
  worker.kick();
  return {
    mqttPort: 'port' in source ? source.port : null,
    ingestion,
    stop: async () => {
      await source.close();
      await ingestion.stop();
      await worker.stop();
    },
  };
}

async function startSource(
  o: ColdChainOptions,
  ingestion: Ingestion,
): Promise<EmbeddedBroker | ExternalSubscriber> {
  const m = o.mqtt;
  if (m.kind === 'external')
    return startExternalSubscriber({
      url: m.url,
      clientId: m.clientId,
      connections: m.connections ?? 8,
      group: m.group,
      accept: (message) => ingestion.accept(message),
      log: o.log,
    });
  const start = (port: number) =>
    startEmbeddedBroker({
      port,
      host: m.host,
      db: o.db,
      onPublish: (device, packet, done) =>
        ingestion.accept({
          deviceId: device.deviceId,
          siteId: device.siteId,
          payload: packet.payload as Buffer,
          receivedAt: Date.now(),
          ack: done,
        }),
      onRefused: (reason, clientId) => o.log('mqtt client refused', { reason, clientId }),
    });
  try {
    return await start(m.port);
  } catch (error) {
    if (!m.fallbackToFreePort || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
      throw error;
    const broker = await start(0);
    o.log(`MQTT port ${m.port} is taken; the embedded broker listens on ${broker.port} instead`);
    return broker;
  }
}
