import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Channels } from './notify.js';

/** Where escalation emails go out: an SMTP relay and the sender address. */
export interface SmtpConfig {
  /** `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  from: string;
}

export const smtpConfigSchema = z.object({
  url: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }),
  from: z.string().min(3).max(320),
});

/** A relay that does not answer within this long fails the attempt; the next level still runs. */
const TIMEOUT_MS = 10_000;

const transportOptions = (url: string) => {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  };
};

/**
 * The email channel over SMTP. One connection per message: escalations are rare, so a pool
 * would only hold idle connections the relay drops. A refused recipient is a failed attempt.
 */
export function smtpEmail(config: SmtpConfig): Channels['email'] {
  const transport = nodemailer.createTransport(transportOptions(config.url));
  return async (to, subject, text) => {
    const info = await transport.sendMail({ from: config.from, to, subject, text });
    if (info.accepted.length === 0) throw new Error(`SMTP relay accepted no recipient for ${to}`);
  };
}
