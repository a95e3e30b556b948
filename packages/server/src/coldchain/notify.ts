import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { localTime } from '../time-zone.js';
import type { AlarmView } from './live-events.js';

/** A contact reached when an alarm climbs to `level` (0: on raise). `siteId` null: every site. */
export const contactSchema = z.object({
  level: z.number().int().nonnegative(),
  siteId: z.string().nullable().default(null),
  channel: z.enum(['webhook', 'email', 'log']),
  /** URL (webhook), address (email) or a label (log). */
  target: z.string().min(1),
});
export type Contact = z.infer<typeof contactSchema>;

export interface Notification {
  alarm: AlarmView;
  level: number;
  at: string;
  /** The alarm site's IANA zone: people read times in it (instants stay UTC in JSON). */
  siteTimeZone: string;
}

export interface Channels {
  webhook(url: string, body: string, signature: string): Promise<void>;
  email(to: string, subject: string, text: string): Promise<void>;
  log(line: string): void;
}

/** Receivers verify `X-Hemonet-Signature: sha256=<hex HMAC-SHA256 of the raw body>` (GitHub-style). */
export const signBody = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Webhooks over fetch with a timeout; a non-2xx answer is a failure. */
export async function postWebhook(url: string, body: string, signature: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hemonet-signature': signature },
    body,
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
}

/** Email and log text for people on call: times in the alarm site's own zone. */
export function describeAlarm(n: Notification): { subject: string; text: string } {
  const a = n.alarm;
  const local = (iso: string) => localTime(new Date(iso), n.siteTimeZone);
  const subject = `[Hemonet L${n.level}] ${a.condition} at ${a.siteId} (${a.deviceId})`;
  const text = [
    `Alarm ${a.id}: ${a.condition} (${a.severity}) on device ${a.deviceId}, location ${a.locationId ?? '-'}, site ${a.siteId}.`,
    `Started ${local(a.startedAt)}, raised ${local(a.raisedAt)}, not acknowledged; escalation level ${n.level}.`,
    a.minValue !== null ? `Readings from ${a.minValue} to ${a.maxValue}.` : '',
  ].join('\n');
  return { subject, text };
}

/** Sends one notification through one contact's channel; resolves with the outcome. */
export async function notifyContact(
  channels: Channels,
  webhookSecret: string,
  contact: Contact,
  n: Notification,
): Promise<{ ok: boolean; detail: string | null }> {
  try {
    if (contact.channel === 'webhook') {
      const body = JSON.stringify({ type: 'alarm.escalated', ...n });
      await channels.webhook(contact.target, body, signBody(webhookSecret, body));
    } else if (contact.channel === 'email') {
      const { subject, text } = describeAlarm(n);
      await channels.email(contact.target, subject, text);
    } else {
      channels.log(describeAlarm(n).subject);
    }
    return { ok: true, detail: null };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
