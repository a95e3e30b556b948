import { applyAlarmAction, DomainError, silenceDueAt, type AlarmLifecycle } from '@hemonet/core';
import {
  getAlarm,
  insertAlarm,
  saveAlarmLifecycle,
  type AlarmRow,
} from '../db/repos/alarms-repo.js';
import { silentCandidates } from '../db/repos/device-status-repo.js';
import { countUndisposed } from '../db/repos/unit-presence-repo.js';
import type { Queryable, SqlClient } from '../db/sql-client.js';
import type { LiveBus } from '../live/bus.js';
import type { DeviceDirectory } from './device-directory.js';
import { alarmEvent } from './live-events.js';

export interface AlarmServiceDeps {
  db: SqlClient;
  bus: LiveBus;
  clock: () => Date;
}

const lifecycleOf = (a: AlarmRow): AlarmLifecycle => ({
  status: a.status,
  acknowledgedAt: a.acknowledgedAt?.getTime() ?? null,
  acknowledgedBy: a.acknowledgedBy,
  comment: a.ackComment,
  resolvedAt: a.resolvedAt?.getTime() ?? null,
  closedAt: a.closedAt?.getTime() ?? null,
});

async function transition(
  deps: AlarmServiceDeps,
  id: number,
  act: (tx: Queryable, a: AlarmRow, now: number) => Promise<AlarmLifecycle>,
  type: 'alarm.acknowledged' | 'alarm.closed',
): Promise<AlarmRow> {
  const now = deps.clock();
  const saved = await deps.db.transaction(async (tx) => {
    const alarm = await getAlarm(tx, id, true);
    if (!alarm) throw new DomainError('ALARM_NOT_FOUND', `no alarm ${id}`);
    return saveAlarmLifecycle(tx, id, await act(tx, alarm, now.getTime()));
  });
  if (!saved) throw new DomainError('ALARM_NOT_FOUND', `no alarm ${id}`);
  await deps.bus.publish(alarmEvent(type, saved, now));
  return saved;
}

/** Acknowledge by a user, comment required (issue 4: raised → acknowledged). */
export const acknowledgeAlarm = (
  deps: AlarmServiceDeps,
  id: number,
  by: string,
  comment: string,
): Promise<AlarmRow> =>
  transition(
    deps,
    id,
    (_tx, a, at) =>
      Promise.resolve(applyAlarmAction(lifecycleOf(a), { type: 'ACKNOWLEDGE', at, by, comment })),
    'alarm.acknowledged',
  );

/** Close once the condition ended, someone acknowledged and every held unit has a disposition. */
export const closeAlarm = (deps: AlarmServiceDeps, id: number): Promise<AlarmRow> =>
  transition(
    deps,
    id,
    async (tx, a, at) =>
      applyAlarmAction(lifecycleOf(a), {
        type: 'CLOSE',
        at,
        unitsAwaitingDisposition: await countUndisposed(tx, a.id),
      }),
    'alarm.closed',
  );

/** SENSOR_SILENT for devices not heard from for their profile's N reporting intervals. */
export async function raiseSilenceAlarms(
  deps: AlarmServiceDeps,
  directory: DeviceDirectory,
): Promise<AlarmRow[]> {
  const now = deps.clock();
  const candidates = await silentCandidates(deps.db, now);
  const known = await directory.load(
    deps.db,
    candidates.map((c) => c.deviceId),
  );
  const raised: AlarmRow[] = [];
  for (const c of candidates) {
    const k = known.get(c.deviceId);
    if (!k) continue;
    const due = silenceDueAt(k.profile, c.lastSeenAt.getTime());
    if (due > now.getTime()) continue;
    const episode = {
      condition: 'SENSOR_SILENT' as const,
      startedAt: c.lastSeenAt.getTime(),
      raisedAt: due,
      endedAt: null,
      minValue: 0,
      maxValue: 0,
      dueAt: due,
    };
    const row = await insertAlarm(
      deps.db,
      {
        deviceId: c.deviceId,
        siteId: c.siteId,
        locationId: k.device.locationId,
        severity: 'critical',
        episode,
      },
      now,
    );
    if (row) {
      raised.push(row);
      await deps.bus.publish(alarmEvent('alarm.raised', row, now));
    }
  }
  return raised;
}
