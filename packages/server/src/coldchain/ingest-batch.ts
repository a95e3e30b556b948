import {
  compareReadings,
  defaultSenmlLimits,
  parseSenml,
  type MonitorState,
  type Reading,
  type SenmlLimits,
} from '@hemonet/core';
import { resolveSilence } from '../db/repos/alarms-repo.js';
import {
  applyStatusUpdates,
  lockMonitorStates,
  type StatusUpdate,
} from '../db/repos/device-status-repo.js';
import { insertReadings, type ReadingRow } from '../db/repos/readings-repo.js';
import type { SqlClient } from '../db/sql-client.js';
import type { DeviceDirectory, KnownDevice } from './device-directory.js';
import { evaluateDevice, type AlarmChange } from './evaluate-device.js';

/** One MQTT message from one device (already authenticated by the broker edge). */
export interface IngestMessage {
  deviceId: string;
  payload: Uint8Array;
  receivedAt: number;
}

export interface IngestDeps {
  db: SqlClient;
  directory: DeviceDirectory;
  /** How far back a refold re-reads history when late readings arrive. */
  lookbackMs: number;
  senmlLimits?: SenmlLimits;
}

export interface BatchResult {
  messages: number;
  rejected: Array<{ deviceId: string; code: string }>;
  stored: number;
  alarms: AlarmChange[];
}

interface DeviceBatch {
  readings: Reading[];
  rejected: number;
  lastRejectCode: string | null;
}

/** Validates every message, then stores readings, counters and alarms in one transaction. */
export async function ingestBatch(
  deps: IngestDeps,
  messages: readonly IngestMessage[],
  now: Date,
): Promise<BatchResult> {
  const byDevice = new Map<string, DeviceBatch>();
  const rejected: BatchResult['rejected'] = [];
  for (const m of messages) {
    const b = byDevice.get(m.deviceId) ?? { readings: [], rejected: 0, lastRejectCode: null };
    byDevice.set(m.deviceId, b);
    const parsed = parseSenml(m.payload, m.receivedAt, deps.senmlLimits ?? defaultSenmlLimits);
    if (parsed.ok) b.readings.push(...parsed.readings);
    else {
      b.rejected++;
      b.lastRejectCode = parsed.code;
      rejected.push({ deviceId: m.deviceId, code: parsed.code });
    }
  }
  const known = await deps.directory.load(deps.db, byDevice.keys());
  const { stored, alarms } = await deps.db.transaction(async (tx) => {
    const rows = readingRows(byDevice, known);
    const stored = await insertReadings(tx, rows);
    const states = await lockMonitorStates(tx, [...known.keys()]);
    const alarms: AlarmChange[] = [];
    const updates: StatusUpdate[] = [];
    for (const [id, k] of known) {
      const b = byDevice.get(id);
      const state = states.get(id);
      if (!b || !state) continue;
      updates.push(await evaluateBatch(tx, k, b, state, deps.lookbackMs, now, alarms));
    }
    await applyStatusUpdates(tx, updates, now);
    for (const row of await resolveSilence(tx, [...known.keys()], now))
      alarms.push({ type: 'updated', alarm: row });
    return { stored, alarms };
  });
  return { messages: messages.length, rejected, stored, alarms };
}

function readingRows(
  byDevice: Map<string, DeviceBatch>,
  known: Map<string, KnownDevice>,
): ReadingRow[] {
  const rows: ReadingRow[] = [];
  for (const [id, b] of byDevice) {
    const k = known.get(id);
    if (!k) continue; // a device deleted since it connected: nothing to attach readings to
    b.readings.sort(compareReadings);
    for (const r of b.readings) rows.push({ ...r, deviceId: id, siteId: k.device.siteId });
  }
  return rows;
}

async function evaluateBatch(
  tx: Parameters<typeof evaluateDevice>[0],
  k: KnownDevice,
  b: DeviceBatch,
  state: MonitorState,
  lookbackMs: number,
  now: Date,
  alarms: AlarmChange[],
): Promise<StatusUpdate> {
  const update: StatusUpdate = {
    deviceId: k.device.id,
    accepted: b.readings.length,
    rejected: b.rejected,
    lastRejectCode: b.lastRejectCode,
    lastReadingAt: b.readings.at(-1)?.at ?? null,
    lastTemperature: b.readings.findLast((r) => r.name === 'temperature')?.value ?? null,
    state: null,
  };
  if (b.readings.length === 0) return update;
  const result = await evaluateDevice(tx, k, state, b.readings, lookbackMs, now);
  alarms.push(...result.changes);
  return { ...update, state: result.state };
}
