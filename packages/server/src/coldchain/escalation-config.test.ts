import { describe, expect, it } from 'vitest';
import { escalationFromEnv } from './escalation-config.js';

describe('escalation contacts from the environment', () => {
  it('logs every level when nothing is configured', () => {
    const { contacts, webhookSecret } = escalationFromEnv({});
    expect(contacts.map((c) => [c.level, c.channel])).toEqual([
      [0, 'log'],
      [1, 'log'],
      [2, 'log'],
      [3, 'log'],
    ]);
    expect(webhookSecret).toBe('');
  });

  it('reads contacts and the webhook key, and refuses a malformed list', () => {
    const env = {
      HEMONET_ALARM_CONTACTS:
        '[{"level":1,"siteId":"H01","channel":"webhook","target":"https://duty.example/hook"}]',
      HEMONET_WEBHOOK_SECRET: 'k',
    };
    expect(escalationFromEnv(env)).toEqual({
      contacts: [
        { level: 1, siteId: 'H01', channel: 'webhook', target: 'https://duty.example/hook' },
      ],
      webhookSecret: 'k',
      smtp: null,
    });
    expect(() => escalationFromEnv({ HEMONET_ALARM_CONTACTS: '[{"level":-1}]' })).toThrow(
      /HEMONET_ALARM_CONTACTS/,
    );
  });
});
