import { escalationLevel, type EscalationPolicy } from '@hemonet/core';
import {
  alarmsAwaitingAck,
  claimEscalation,
  recordNotification,
  type AlarmRow,
} from '../db/repos/alarms-repo.js';
import { findSiteTimeZone } from '../db/repos/sites-repo.js';
import type { SqlClient } from '../db/sql-client.js';
import type { LiveBus } from '../live/bus.js';
import { defaultTimeZone } from '../time-zone.js';
import { alarmEvent, alarmView } from './live-events.js';
import { notifyContact, type Channels, type Contact } from './notify.js';

export interface EscalationDeps {
  db: SqlClient;
  bus: LiveBus;
  clock: () => Date;
  policy: EscalationPolicy;
  contacts: readonly Contact[];
  channels: Channels;
  webhookSecret: string;
}

/**
 * One escalation pass: every unacknowledged alarm whose level (by time since it was detected) rose
 * is claimed by exactly one replica (an UPDATE guarded by the old level) and its contacts at the
 * new level are notified; each attempt is recorded.
 */
export async function runEscalation(
  deps: EscalationDeps,
): Promise<Array<{ alarmId: number; level: number }>> {
  const now = deps.clock();
  const escalated: Array<{ alarmId: number; level: number }> = [];
  for (const alarm of await alarmsAwaitingAck(deps.db)) {
    const level = escalationLevel(
      {
        raisedAt: alarm.detectedAt.getTime(),
        acknowledgedAt: null,
        closedAt: alarm.closedAt?.getTime() ?? null,
      },
      deps.policy,
      now.getTime(),
    );
    if (level <= alarm.escalationLevel || !(await claimEscalation(deps.db, alarm.id, level)))
      continue;
    await notifyLevel(deps, { ...alarm, escalationLevel: level }, level, now);
    escalated.push({ alarmId: alarm.id, level });
  }
  return escalated;
}

async function notifyLevel(
  deps: EscalationDeps,
  alarm: AlarmRow,
  level: number,
  now: Date,
): Promise<void> {
  const contacts = deps.contacts.filter(
    (c) => c.level === level && (c.siteId === null || c.siteId === alarm.siteId),
  );
  const siteTimeZone = (await findSiteTimeZone(deps.db, alarm.siteId)) ?? defaultTimeZone;
  const n = { alarm: alarmView(alarm), level, at: now.toISOString(), siteTimeZone };
  for (const contact of contacts) {
    const outcome = await notifyContact(deps.channels, deps.webhookSecret, contact, n);
    await recordNotification(
      deps.db,
      { alarmId: alarm.id, level, channel: contact.channel, target: contact.target, ...outcome },
      now,
    );
  }
  await deps.bus.publish(alarmEvent('alarm.escalated', alarm, now));
}
