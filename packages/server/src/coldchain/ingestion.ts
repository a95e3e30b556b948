import { pingDatabase } from '../db/repos/health-repo.js';
import type { AlarmChange } from './evaluate-device.js';
import { ingestBatch, type BatchResult, type IngestDeps } from './ingest-batch.js';
import { alarmEvent, deviceFaultEvent } from './live-events.js';
import { BatchWriter, type PendingMessage } from '../mqtt/batch-writer.js';
import type { IngestMetrics } from '../mqtt/ingest-metrics.js';
import type { LiveBus } from '../live/bus.js';

export interface IngestionDeps extends IngestDeps {
  bus: LiveBus;
  metrics: IngestMetrics;
  clock: () => Date;
  maxBatch?: number;
  /** Told about every committed alarm change (the auto-hold worker listens). */
  onAlarms?: (changes: readonly AlarmChange[]) => void;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export interface Ingestion {
  /** One device message; `ack` runs once it is committed. */
  accept(message: PendingMessage): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Ingestion pipeline: batch writer → validate/store/evaluate → metrics and live events. */
export function createIngestion(deps: IngestionDeps): Ingestion {
  const writer = new BatchWriter((messages) => ingestBatch(deps, messages, deps.clock()), {
    maxBatch: deps.maxBatch ?? 2000,
    retryDelayMs: 500,
    onCommitted: (result, messages, seconds) => afterCommit(deps, result, messages, seconds),
    onFailed: (error, attempt) =>
      deps.log?.('ingestion batch failed, retrying', { error: String(error), attempt }),
    databaseAnswers: () => pingDatabase(deps.db),
    onPoison: (message, error) => {
      deps.metrics.rejected.inc({ code: 'INGEST_FAILED' });
      deps.log?.('poison message acknowledged without storing', {
        deviceId: message.deviceId,
        error: String(error),
      });
      publish(
        deps,
        deviceFaultEvent(message.deviceId, message.siteId, 'INGEST_FAILED', deps.clock()),
      );
    },
  });
  return {
    accept: (m) => writer.push(m),
    flush: () => writer.flush(),
    stop: () => writer.stop(),
  };
}

function afterCommit(
  deps: IngestionDeps,
  result: BatchResult,
  messages: readonly PendingMessage[],
  seconds: number,
): void {
  const m = deps.metrics;
  m.messages.inc(result.messages);
  m.readings.inc(result.stored);
  m.batchCommitSeconds.observe(seconds);
  const now = deps.clock();
  for (const r of result.rejected) m.rejected.inc({ code: r.code });
  const firstArrival = earliestArrivalByDevice(messages);
  for (const r of uniqueRejects(result.rejected)) {
    const siteId = messages.find((x) => x.deviceId === r.deviceId)?.siteId ?? null;
    if (siteId) publish(deps, deviceFaultEvent(r.deviceId, siteId, r.code, now));
  }
  for (const change of result.alarms) {
    const type = change.type === 'raised' ? 'alarm.raised' : 'alarm.updated';
    const arrived = firstArrival.get(change.alarm.deviceId);
    publish(deps, alarmEvent(type, change.alarm, now), () => {
      if (change.type === 'raised' && arrived !== undefined)
        m.alarmLatencySeconds.observe((Date.now() - arrived) / 1000);
    });
  }
  if (result.alarms.length > 0) deps.onAlarms?.(result.alarms);
}

function publish(
  deps: IngestionDeps,
  event: Parameters<LiveBus['publish']>[0],
  then?: () => void,
): void {
  deps.bus
    .publish(event)
    .then(then, (error: unknown) =>
      deps.log?.('live event not published', { error: String(error) }),
    );
}

function earliestArrivalByDevice(messages: readonly PendingMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of messages)
    out.set(m.deviceId, Math.min(out.get(m.deviceId) ?? Infinity, m.receivedAt));
  return out;
}

function uniqueRejects(rejected: BatchResult['rejected']): BatchResult['rejected'] {
  const seen = new Map<string, BatchResult['rejected'][number]>();
  for (const r of rejected) seen.set(r.deviceId, r);
  return [...seen.values()];
}
