import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Prometheus instruments of cold-chain ingestion and alarms (one set per registry). */
export interface IngestMetrics {
  readings: Counter;
  messages: Counter;
  rejected: Counter<'code'>;
  batchCommitSeconds: Histogram;
  /** Arrival of the message that crossed an alarm delay → alarm committed and published. */
  alarmLatencySeconds: Histogram;
  openAlarms: Gauge<'level'>;
}

const existing = <T>(registry: Registry, name: string): T | undefined =>
  registry.getSingleMetric(name) as T | undefined;

export function ingestMetrics(registry: Registry): IngestMetrics {
  const make = <T>(name: string, create: () => T): T => existing<T>(registry, name) ?? create();
  const registers = [registry];
  return {
    readings: make(
      'hemonet_readings_stored_total',
      () =>
        new Counter({
          name: 'hemonet_readings_stored_total',
          help: 'Readings committed to the database',
          registers,
        }),
    ),
    messages: make(
      'hemonet_mqtt_messages_total',
      () =>
        new Counter({
          name: 'hemonet_mqtt_messages_total',
          help: 'Device messages processed',
          registers,
        }),
    ),
    rejected: make(
      'hemonet_readings_rejected_total',
      () =>
        new Counter({
          name: 'hemonet_readings_rejected_total',
          help: 'Device payloads rejected, by reason',
          labelNames: ['code'],
          registers,
        }),
    ),
    batchCommitSeconds: make(
      'hemonet_ingest_batch_commit_seconds',
      () =>
        new Histogram({
          name: 'hemonet_ingest_batch_commit_seconds',
          help: 'Time to validate, store and evaluate one batch of readings',
          buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
          registers,
        }),
    ),
    alarmLatencySeconds: make(
      'hemonet_alarm_latency_seconds',
      () =>
        new Histogram({
          name: 'hemonet_alarm_latency_seconds',
          help: 'Arrival of the reading that raised an alarm until the alarm was published',
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers,
        }),
    ),
    openAlarms: make(
      'hemonet_open_alarms',
      () =>
        new Gauge({
          name: 'hemonet_open_alarms',
          help: 'Open alarms by escalation level',
          labelNames: ['level'],
          registers,
        }),
    ),
  };
}
