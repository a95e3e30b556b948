import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../../commands/users.js';
import { listAudit } from '../../../db/repos/audit-repo.js';
import { buildApp } from '../../app.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('password change', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  const login = async (username: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  const bearer = async (username: string, password: string) => {
    const res = await login(username, password);
    expect(res.statusCode, res.body).toBe(200);
    return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
  };
  const whoAmI = async (headers: Record<string, string>) =>
    (await h.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode;
  const change = (headers: Record<string, string>, payload: object) =>
    h.app.inject({ method: 'POST', url: '/api/session/password', headers, payload });

  it('changes the password, keeps this session and revokes the others', async () => {
    const old = 'old-password-1234';
    await addUser(
      h.deps,
      { username: 'pw.h1', role: 'clinician', siteId: 'H1', password: old },
      't',
    );
    const here = await bearer('pw.h1', old);
    const elsewhere = await bearer('pw.h1', old);
    const res = await change(here, { currentPassword: old, newPassword: 'a brand new password' });
    expect(res.statusCode, res.body).toBe(204);
    expect(await whoAmI(here)).toBe(200);
    expect(await whoAmI(elsewhere)).toBe(401);
    expect((await login('pw.h1', old)).statusCode).toBe(401);
    expect((await login('pw.h1', 'a brand new password')).statusCode).toBe(200);
    const [entry] = await listAudit(h.deps.db, {
      actor: 'pw.h1',
      entity: 'user',
      limit: 1,
      offset: 0,
      order: 'desc',
    });
    expect(entry).toMatchObject({
      action: 'PASSWORD_CHANGED',
      details: { otherSessionsRevoked: 1 },
    });
    expect(JSON.stringify(entry)).not.toContain('brand new');
  });

  it('refuses a wrong current password like a bad login and changes nothing', async () => {
    const pw = 'right-password-1234';
    await addUser(h.deps, { username: 'pw.h2', role: 'courier', siteId: 'H2', password: pw }, 't');
    const here = await bearer('pw.h2', pw);
    const elsewhere = await bearer('pw.h2', pw);
    const res = await change(here, { currentPassword: 'guess', newPassword: 'attacker password' });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INVALID_CREDENTIALS');
    expect(await whoAmI(here)).toBe(200);
    expect(await whoAmI(elsewhere)).toBe(200);
    expect((await login('pw.h2', pw)).statusCode).toBe(200);
    expect((await login('pw.h2', 'attacker password')).statusCode).toBe(401);
  });

  it('refuses a weak new password with 400 WEAK_PASSWORD, naming the rule', async () => {
    const pw = 'current-password-1';
    await addUser(
      h.deps,
      { username: 'weak.password.user', role: 'auditor', siteId: 'BC', password: pw },
      't',
    );
    const headers = await bearer('weak.password.user', pw);
    for (const [newPassword, rule] of [
      ['short', 'TOO_SHORT'],
      [pw, 'SAME_AS_CURRENT'],
      ['WEAK.PASSWORD.USER', 'SAME_AS_USERNAME'],
    ] as const) {
      const res = await change(headers, { currentPassword: pw, newPassword });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'WEAK_PASSWORD', details: { rule } } });
    }
    expect((await login('weak.password.user', pw)).statusCode).toBe(200);
  });

  it('is rate limited like login, so it cannot be used to guess the current password', async () => {
    const app = await buildApp({
      ...h.deps,
      http: { ...h.deps.http, loginRateLimit: { max: 2, windowMs: 60_000 } },
    });
    const headers = { authorization: `Bearer ${await h.token('courier', 'H1')}` };
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers,
        payload: { currentPassword: 'guess', newPassword: 'some new password' },
      });
    for (let i = 0; i < 2; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    await app.close();
  });
});
