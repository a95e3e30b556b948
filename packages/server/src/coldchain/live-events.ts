import type { AlarmRow } from '../db/repos/alarms-repo.js';
import type { LiveEvent } from '../live/bus.js';

/** The public shape of an alarm (API and live stream). */
export const alarmView = (a: AlarmRow) => ({
  id: a.id,
  deviceId: a.deviceId,
  siteId: a.siteId,
  locationId: a.locationId,
  condition: a.condition,
  severity: a.severity,
  status: a.status,
  startedAt: a.startedAt.toISOString(),
  raisedAt: a.raisedAt.toISOString(),
  endedAt: a.endedAt?.toISOString() ?? null,
  minValue: a.minValue,
  maxValue: a.maxValue,
  detectedAt: a.detectedAt.toISOString(),
  acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  acknowledgedBy: a.acknowledgedBy,
  comment: a.ackComment,
  resolvedAt: a.resolvedAt?.toISOString() ?? null,
  closedAt: a.closedAt?.toISOString() ?? null,
  escalationLevel: a.escalationLevel,
});
export type AlarmView = ReturnType<typeof alarmView>;

export type AlarmEventType =
  'alarm.raised' | 'alarm.updated' | 'alarm.acknowledged' | 'alarm.escalated' | 'alarm.closed';

export const alarmEvent = (type: AlarmEventType, a: AlarmRow, at: Date): LiveEvent => ({
  type,
  siteId: a.siteId,
  at: at.toISOString(),
  data: alarmView(a),
});

export const deviceFaultEvent = (
  deviceId: string,
  siteId: string,
  code: string,
  at: Date,
): LiveEvent => ({
  type: 'device.fault',
  siteId,
  at: at.toISOString(),
  data: { deviceId, code },
});
