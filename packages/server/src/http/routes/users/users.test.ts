import { afterAll, beforeAll, expect, it } from 'vitest';
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
});
