import { z } from 'zod';
import { contactSchema, type Contact } from './notify.js';
import { smtpConfigSchema, type SmtpConfig } from './smtp.js';

/** Without configured contacts every escalation step is at least written to the server log. */
const logEveryLevel: Contact[] = [0, 1, 2, 3].map((level) => ({
  level,
  siteId: null,
  channel: 'log',
  target: 'server log',
}));

const envSchema = z.object({
  /** JSON array of contacts: `[{"level":1,"siteId":"H01","channel":"webhook","target":"https://…"}]`. */
  HEMONET_ALARM_CONTACTS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return logEveryLevel;
      try {
        return z.array(contactSchema).parse(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `HEMONET_ALARM_CONTACTS: ${String(error)}` });
        return z.NEVER;
      }
    }),
  /** Key of the `X-Hemonet-Signature` HMAC on escalation webhooks. */
  HEMONET_WEBHOOK_SECRET: z.string().default(''),
  /** Relay of the email channel: `smtp://user:pass@host:587` or `smtps://…:465`. */
  HEMONET_SMTP_URL: smtpConfigSchema.shape.url.optional(),
  /** Sender of escalation emails: `alarms@bank.example` or `Hemonet <alarms@bank.example>`. */
  HEMONET_SMTP_FROM: smtpConfigSchema.shape.from.optional(),
});

/** An email contact without a relay could never be reached: refuse it at startup, not at 3 a.m. */
const withRelay = envSchema.superRefine((e, ctx) => {
  if (e.HEMONET_SMTP_URL && !e.HEMONET_SMTP_FROM)
    ctx.addIssue({
      code: 'custom',
      message: 'HEMONET_SMTP_FROM is required with HEMONET_SMTP_URL',
    });
  if (!e.HEMONET_SMTP_URL && e.HEMONET_ALARM_CONTACTS.some((c) => c.channel === 'email'))
    ctx.addIssue({ code: 'custom', message: 'email contacts need HEMONET_SMTP_URL' });
});

/** Escalation contacts, webhook key and SMTP relay from the environment (validated at the edge). */
export function escalationFromEnv(env: Record<string, string | undefined>): {
  contacts: Contact[];
  webhookSecret: string;
  smtp: SmtpConfig | null;
} {
  const parsed = withRelay.parse(env);
  const url = parsed.HEMONET_SMTP_URL;
  const from = parsed.HEMONET_SMTP_FROM;
  return {
    contacts: parsed.HEMONET_ALARM_CONTACTS,
    webhookSecret: parsed.HEMONET_WEBHOOK_SECRET,
    smtp: url && from ? { url, from } : null,
  };
}
