import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationFromEnv } from './escalation-config.js';
import type { AlarmView } from './live-events.js';
import { notifyContact, type Channels, type Notification } from './notify.js';
import { smtpEmail } from './smtp.js';

interface Delivered {
  from: string;
  to: string[];
  data: string;
}

const alarm: AlarmView = {
  id: 42,
  deviceId: 'dev-fridge-1',
  siteId: 'H01',
  locationId: 'H01-FRIDGE-1',
  condition: 'TEMPERATURE_EXCURSION',
  severity: 'critical',
  status: 'raised',
  startedAt: '2026-11-24T02:00:00.000Z',
  raisedAt: '2026-11-24T02:10:00.000Z',
  endedAt: null,
  minValue: 7.5,
  maxValue: 9.25,
  detectedAt: '2026-11-24T02:10:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  comment: null,
  resolvedAt: null,
  closedAt: null,
  escalationLevel: 1,
};
const notification: Notification = {
  alarm,
  level: 1,
  at: '2026-11-24T02:25:00.000Z',
  siteTimeZone: 'Asia/Shanghai',
};

describe('escalation email over SMTP', () => {
  const delivered: Delivered[] = [];
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, done) =>
        auth.username === 'hemonet' && auth.password === 's3cr/t'
          ? done(null, { user: auth.username })
          : done(new Error('bad credentials')),
      onRcptTo: (address, _session, done) =>
        address.address.endsWith('@refused.example')
          ? done(new Error('mailbox unavailable'))
          : done(),
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const mailFrom = session.envelope.mailFrom;
          delivered.push({
            from: mailFrom ? mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    url = `smtp://hemonet:${encodeURIComponent('s3cr/t')}@127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(resolve)));

  const channels = (email: Channels['email']): Channels => ({
    webhook: () => Promise.reject(new Error('unused')),
    email,
    log: () => undefined,
  });
  const send = (to: string, serverUrl = url) =>
    notifyContact(
      channels(smtpEmail({ url: serverUrl, from: 'Hemonet <alarms@bank.example>' })),
      '',
      { level: 1, siteId: 'H01', channel: 'email', target: to },
      notification,
    );

  it("sends the alarm details, in the site's local time, authenticated, from the configured sender", async () => {
    expect(await send('duty@h01.example')).toEqual({ ok: true, detail: null });
    const mail = delivered.at(-1)!;
    expect(mail.from).toBe('alarms@bank.example');
    expect(mail.to).toEqual(['duty@h01.example']);
    expect(mail.data).toContain(
      'Subject: [Hemonet L1] TEMPERATURE_EXCURSION at H01 (dev-fridge-1)',
    );
    // times as the site reads them: 02:00 UTC is 10:00 in Shanghai
    for (const detail of ['Alarm 42', 'H01-FRIDGE-1', '2026-11-24 10:00 Asia/Shanghai', '7.5'])
      expect(mail.data).toContain(detail);
    expect(mail.data).toContain('9.25');
  });

  it('records a refused recipient, bad credentials or an unreachable relay as a failure', async () => {
    const count = delivered.length;
    const refused = await send('nobody@refused.example');
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/mailbox unavailable/);
    const wrongPassword = url.replace(encodeURIComponent('s3cr/t'), 'wrong');
    const denied = await send('duty@h01.example', wrongPassword);
    expect(denied.ok).toBe(false);
    expect(denied.detail).toMatch(/bad credentials/);
    expect(await send('duty@h01.example', 'smtp://127.0.0.1:1')).toMatchObject({ ok: false });
    expect(delivered).toHaveLength(count);
  });
});

describe('SMTP relay from the environment', () => {
  const email = '[{"level":1,"siteId":null,"channel":"email","target":"duty@h01.example"}]';

  it('reads the relay and sender, and needs both', () => {
    const env = {
      HEMONET_SMTP_URL: 'smtps://u:p@mail.example:465',
      HEMONET_SMTP_FROM: 'a@b.example',
    };
    expect(escalationFromEnv({ ...env, HEMONET_ALARM_CONTACTS: email }).smtp).toEqual({
      url: 'smtps://u:p@mail.example:465',
      from: 'a@b.example',
    });
    expect(escalationFromEnv({}).smtp).toBeNull();
    expect(() => escalationFromEnv({ HEMONET_SMTP_URL: env.HEMONET_SMTP_URL })).toThrow(
      /HEMONET_SMTP_FROM/,
    );
    expect(() => escalationFromEnv({ ...env, HEMONET_SMTP_URL: 'http://mail.example' })).toThrow(
      /smtp/,
    );
  });

  it('refuses email contacts without a relay', () => {
    expect(() => escalationFromEnv({ HEMONET_ALARM_CONTACTS: email })).toThrow(/HEMONET_SMTP_URL/);
  });
});
