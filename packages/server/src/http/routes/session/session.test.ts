import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../../commands/users.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { buildApp } from '../../app.js';
import { createHarness, testDeps, type Harness } from '../../test-support/harness.js';

describeDatabases('session', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  it('logs in, answers who am I, and revokes the token on logout', async () => {
    const { password } = await addUser(
      h.deps,
      { username: 'nurse.h1', role: 'clinician', siteId: 'H1' },
      'test',
    );
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nurse.h1', password },
    });
    expect(login.statusCode).toBe(200);
    const { token } = login.json<{ token: string }>();
    expect(login.cookies.find((c) => c.name === 'hemonet_session')?.httpOnly).toBe(true);
    const auth = { authorization: `Bearer ${token}` };
    const me = await h.app.inject({ method: 'GET', url: '/api/session', headers: auth });
    expect(me.json()).toMatchObject({ username: 'nurse.h1', role: 'clinician', siteId: 'H1' });
    const byCookie = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { hemonet_session: token },
    });
    expect(byCookie.statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/session', headers: auth })).statusCode,
    ).toBe(204);
    const after = await h.app.inject({ method: 'GET', url: '/api/session', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    await addUser(
      h.deps,
      { username: 'bb.h2', role: 'hospital_blood_bank', siteId: 'H2', password: 'right-password' },
      'test',
    );
    for (const payload of [
      { username: 'bb.h2', password: 'wrong' },
      { username: 'nobody', password: 'x' },
    ]) {
      const res = await h.app.inject({ method: 'POST', url: '/api/session', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('expires tokens after their lifetime', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const deps = {
      ...(await testDeps(db(), () => now)),
      http: { ...h.deps.http, sessionTtlMs: 60_000 },
    };
    const app = await buildApp(deps);
    const { password } = await addUser(
      deps,
      { username: 'courier.h1', role: 'courier', siteId: 'H1' },
      'test',
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'courier.h1', password },
    });
    const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(
      200,
    );
    now = new Date(now.getTime() + 61_000);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(
      401,
    );
    await app.close();
  });

  it('rate-limits login attempts', async () => {
    const app = await buildApp({
      ...(await testDeps(db())),
      http: { ...h.deps.http, loginRateLimit: { max: 3, windowMs: 60_000 } },
    });
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'x', password: 'y' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
    await app.close();
  });

  it('rejects a malformed login body with VALIDATION_FAILED', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 3 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});
