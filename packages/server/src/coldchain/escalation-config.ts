import { z } from 'zod';
import { contactSchema, type Contact } from './notify.js';

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
});

/** Escalation contacts and webhook key from the environment (validated at the edge). */
export function escalationFromEnv(env: Record<string, string | undefined>): {
  contacts: Contact[];
  webhookSecret: string;
} {
  const parsed = envSchema.parse(env);
  return { contacts: parsed.HEMONET_ALARM_CONTACTS, webhookSecret: parsed.HEMONET_WEBHOOK_SECRET };
}
