import {
  alarmSeverity,
  foldReadings,
  planBatch,
  reconcileAlarms,
  refold,
  type Episode,
  type EpisodeTransition,
  type MonitorState,
  type Reading,
} from '@hemonet/core';
import {
  deviceAlarmsSince,
  insertAlarm,
  openAlarm,
  updateAlarmEpisode,
  type AlarmRow,
} from '../db/repos/alarms-repo.js';
import { deviceReadingsSince } from '../db/repos/readings-repo.js';
import type { Queryable } from '../db/sql-client.js';
import type { KnownDevice } from './device-directory.js';

export interface AlarmChange {
  type: 'raised' | 'updated';
  alarm: AlarmRow;
}

interface EvalContext {
  tx: Queryable;
  known: KnownDevice;
  now: Date;
  changes: AlarmChange[];
}

/**
 * Folds one device's new readings (sorted, already inserted in this transaction) into its saved
 * engine state and persists the alarm changes. Late readings trigger a refold over `lookbackMs`.
 */
export async function evaluateDevice(
  tx: Queryable,
  known: KnownDevice,
  state: MonitorState,
  sorted: readonly Reading[],
  lookbackMs: number,
  now: Date,
): Promise<{ state: MonitorState; changes: AlarmChange[] }> {
  const ctx: EvalContext = { tx, known, now, changes: [] };
  const plan = planBatch(state, sorted, lookbackMs);
  if (plan.mode === 'incremental') {
    for (const t of foldReadings(known.profile, state, sorted)) await applyTransition(ctx, t);
    return { state, changes: ctx.changes };
  }
  const history = await deviceReadingsSince(tx, known.device.id, plan.fromAt);
  const re = refold(known.profile, state, plan.fromAt, history);
  const persisted = (await deviceAlarmsSince(tx, known.device.id, plan.fromAt)).map((a) => ({
    row: a,
    condition: a.condition,
    startedAt: a.startedAt.getTime(),
    raisedAt: a.raisedAt.getTime(),
    endedAt: a.endedAt?.getTime() ?? null,
  }));
  const { create, update } = reconcileAlarms(persisted, re.episodes);
  for (const e of create) await raise(ctx, e);
  for (const u of update) record(ctx, await updateAlarmEpisode(tx, u.alarm.row.id, u.episode, now));
  return { state: re.state, changes: ctx.changes };
}

async function applyTransition(ctx: EvalContext, t: EpisodeTransition): Promise<void> {
  if (t.type === 'raised') return raise(ctx, t.episode);
  const open = await openAlarm(ctx.tx, ctx.known.device.id, t.episode.condition);
  if (open) record(ctx, await updateAlarmEpisode(ctx.tx, open.id, t.episode, ctx.now));
}

async function raise(ctx: EvalContext, episode: Episode): Promise<void> {
  const d = ctx.known.device;
  const row = await insertAlarm(
    ctx.tx,
    {
      deviceId: d.id,
      siteId: d.siteId,
      locationId: d.locationId,
      severity: alarmSeverity(episode.condition),
      episode,
    },
    ctx.now,
  );
  if (row) {
    ctx.changes.push({ type: 'raised', alarm: row });
    return;
  }
  // An open alarm of this condition exists already (one open alarm per device and condition).
  const open = await openAlarm(ctx.tx, d.id, episode.condition);
  if (open)
    record(
      ctx,
      await updateAlarmEpisode(
        ctx.tx,
        open.id,
        { ...episode, startedAt: Math.min(episode.startedAt, open.startedAt.getTime()) },
        ctx.now,
      ),
    );
}

function record(ctx: EvalContext, row: AlarmRow | null): void {
  if (row) ctx.changes.push({ type: 'updated', alarm: row });
}
