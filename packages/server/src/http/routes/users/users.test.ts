import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../../commands/users.js';
import { describeDatabases } from '../../../db/test-support/databases.js';
import { createHarness, type Harness } from '../../test-support/harness.js';

describeDatabases('users', ({ db }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(db());
  });
  afterAll(() => h.close());

  it('adds a user with a generated password that logs in, then disables it', async () => {
    const added = await h.as('admin', 'H1', {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'ward7.nurse', role: 'clinician', siteId: 'H1' },
    });
    expect(added.statusCode).toBe(201);
    const { password } = added.json<{ password: string }>();
    expect(password.length).toBeGreaterThanOrEqual(16);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ward7.nurse', password },
    });
    const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    expect((await h.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(
      200,
    );
    const disabled = await h.as('admin', 'H1', {
      method: 'POST',
      url: '/api/users/ward7.nurse/disable',
    });
    expect(disabled.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(
      401,
    );
  });

  it('keeps a hospital admin to its own site', async () => {
    const res = await h.as('admin', 'H1', {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'intruder', role: 'admin', siteId: 'H2' },
    });
    expect(res.statusCode).toBe(403);
    const list = await h.as('admin', 'H1', { method: 'GET', url: '/api/users?site=H2' });
    expect(list.json<{ items: { siteId: string }[] }>().items.every((u) => u.siteId === 'H1')).toBe(
      true,
    );
  });

  it('lets an auditor read users but not add them', async () => {
    expect((await h.as('auditor', 'H2', { method: 'GET', url: '/api/users' })).statusCode).toBe(
      200,
    );
    const res = await h.as('auditor', 'H2', {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x', role: 'clinician', siteId: 'H2' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('resets a password: shown once, old one refused, every session revoked, audited', async () => {
    const old = 'first-password-123';
    await addUser(
      h.deps,
      { username: 'reset.me', role: 'clinician', siteId: 'H1', password: old },
      't',
    );
    const login = (password: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'reset.me', password },
      });
    const headers = {
      authorization: `Bearer ${(await login(old)).json<{ token: string }>().token}`,
    };
    const reset = await h.as('admin', 'H1', {
      method: 'POST',
      url: '/api/users/reset.me/password-reset',
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const { username, password } = reset.json<{ username: string; password: string }>();
    expect(username).toBe('reset.me');
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect((await h.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(
      401,
    );
    expect((await login(old)).statusCode).toBe(401);
    expect((await login(password)).statusCode).toBe(200);
    const audit = await h.as('admin', 'H1', { method: 'GET', url: '/api/audit?entity=user' });
    const entry = audit
      .json<{ items: { action: string; entityId: string; actor: string }[] }>()
      .items.find((e) => e.action === 'PASSWORD_RESET');
    expect(entry).toMatchObject({ entityId: 'reset.me', actor: 'admin.h1' });
    expect(audit.body).not.toContain(password);
  });

  it("lets only an admin of the user's site (or the blood center) reset a password", async () => {
    await addUser(h.deps, { username: 'other.h2', role: 'clinician', siteId: 'H2' }, 't');
    const url = '/api/users/other.h2/password-reset';
    const byH1 = await h.as('admin', 'H1', { method: 'POST', url });
    expect(byH1.json()).toMatchObject({ error: { code: 'FORBIDDEN_SITE' } });
    const byNurse = await h.as('clinician', 'H2', { method: 'POST', url });
    expect(byNurse.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await h.as('admin', 'BC', { method: 'POST', url })).statusCode).toBe(200);
  });
});
