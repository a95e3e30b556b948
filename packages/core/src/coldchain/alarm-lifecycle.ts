import { z } from 'zod';
import { DomainError } from '../errors.js';
import type { AlarmCondition, AlarmProfile } from './profile.js';

/**
 * An alarm's life: raised → acknowledged (by a user, with a comment) → resolved (the condition
 * ended) → closed (every affected unit has a disposition). The condition may end before anyone
 * acknowledges; closing still needs the acknowledgement.
 */
export const alarmStatuses = ['raised', 'acknowledged', 'resolved', 'closed'] as const;
export const alarmStatusSchema = z.enum(alarmStatuses);
export type AlarmStatus = z.infer<typeof alarmStatusSchema>;

export interface AlarmLifecycle {
  status: AlarmStatus;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  comment: string | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

export type AlarmAction =
  | { type: 'ACKNOWLEDGE'; at: number; by: string; comment: string }
  | { type: 'RESOLVE'; at: number }
  | { type: 'CLOSE'; at: number; unitsAwaitingDisposition: number };

export const newAlarmLifecycle = (): AlarmLifecycle => ({
  status: 'raised',
  acknowledgedAt: null,
  acknowledgedBy: null,
  comment: null,
  resolvedAt: null,
  closedAt: null,
});

/** Open alarms (at most one per device and condition) are those whose condition still holds. */
export const isOpenStatus = (s: AlarmStatus): boolean => s === 'raised' || s === 'acknowledged';

export function applyAlarmAction(a: AlarmLifecycle, action: AlarmAction): AlarmLifecycle {
  if (a.status === 'closed') throw new DomainError('ALARM_CLOSED', 'the alarm is closed');
  switch (action.type) {
    case 'ACKNOWLEDGE': {
      const comment = action.comment.trim();
      if (comment === '')
        throw new DomainError('ACK_COMMENT_REQUIRED', 'acknowledging an alarm needs a comment');
      if (a.acknowledgedAt !== null)
        throw new DomainError('ALARM_ALREADY_ACKNOWLEDGED', 'the alarm is already acknowledged');
      const status = a.status === 'raised' ? 'acknowledged' : a.status;
      return { ...a, status, acknowledgedAt: action.at, acknowledgedBy: action.by, comment };
    }
    case 'RESOLVE':
      if (!isOpenStatus(a.status)) return a;
      return { ...a, status: 'resolved', resolvedAt: action.at };
    case 'CLOSE':
      if (a.status !== 'resolved')
        throw new DomainError('ALARM_NOT_RESOLVED', 'the condition has not ended yet');
      if (a.acknowledgedAt === null)
        throw new DomainError('ALARM_NOT_ACKNOWLEDGED', 'acknowledge the alarm before closing it');
      if (action.unitsAwaitingDisposition > 0) {
        throw new DomainError(
          'UNITS_AWAITING_DISPOSITION',
          'every affected unit needs a release or discard first',
          {
            units: action.unitsAwaitingDisposition,
          },
        );
      }
      return { ...a, status: 'closed', closedAt: action.at };
  }
}

/** Warning-tier conditions (pre-alarm set points, battery) versus conditions that threaten units. */
export const alarmSeverity = (c: AlarmCondition): 'warning' | 'critical' =>
  c === 'TEMPERATURE_PRE_ALARM' || c === 'LOW_BATTERY' ? 'warning' : 'critical';

export const escalationPolicySchema = z.object({
  /** Level i is reached this long after the alarm was raised while nobody acknowledged it. */
  levelsAfterMs: z.array(z.number().nonnegative()).min(1),
});
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const defaultEscalationPolicy: EscalationPolicy = {
  levelsAfterMs: [0, 15 * 60_000, 30 * 60_000, 60 * 60_000],
};

/**
 * The contact level an alarm has reached at `now`: level 0 on raise, one more each step while it
 * stays unacknowledged. An acknowledged or closed alarm stops climbing (returns its level at ack).
 */
export function escalationLevel(
  alarm: { raisedAt: number; acknowledgedAt: number | null; closedAt: number | null },
  policy: EscalationPolicy,
  now: number,
): number {
  const until = Math.min(now, alarm.acknowledgedAt ?? Infinity, alarm.closedAt ?? Infinity);
  const elapsed = until - alarm.raisedAt;
  let level = 0;
  policy.levelsAfterMs.forEach((after, i) => {
    if (elapsed >= after) level = i;
  });
  return level;
}

/** SENSOR_SILENT is due when no message has arrived for N reporting intervals (arrival clock). */
export const silenceDueAt = (profile: AlarmProfile, lastArrivalAt: number): number =>
  lastArrivalAt + profile.silenceIntervals * profile.reportingIntervalMs;
