import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../auth/roles.js';
import { roles } from '../../auth/roles.js';
import { addUser } from '../../commands/users.js';
import { upsertSite, type Site } from '../../db/repos/sites-repo.js';
import type { SqlClient } from '../../db/sql-client.js';
import { readProductTable } from '../../product-table-file.js';
import { buildApp } from '../app.js';
import { createMetricsRegistry } from '../metrics.js';
import type { AppDeps, HemonetApp } from '../types.js';

/** The little city every HTTP test runs in: one center and two hospitals. */
export const testSites: readonly Site[] = [
  { id: 'BC', name: 'Blood Center', kind: 'center', region: 'test' },
  { id: 'H1', name: 'Hospital One', kind: 'hospital', region: 'test' },
  { id: 'H2', name: 'Hospital Two', kind: 'hospital', region: 'test' },
];

export interface Harness {
  app: HemonetApp;
  deps: AppDeps;
  /** A bearer token for the user holding `role` at `site` (created on first use). */
  token(role: Role, site: string): Promise<string>;
  /** `inject` as that user. */
  as(role: Role, site: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const products = readProductTable();

export const testDeps = async (
  db: SqlClient,
  clock: () => Date = () => new Date(),
): Promise<AppDeps> => ({
  db,
  clock,
  lifecycle: {},
  products: await products,
  metrics: createMetricsRegistry(),
  http: {
    sessionTtlMs: 60 * 60_000,
    loginRateLimit: { max: 1000, windowMs: 60_000 },
    secureCookies: false,
  },
});

export const createHarness = async (
  db: SqlClient,
  overrides: Partial<AppDeps> = {},
): Promise<Harness> => {
  for (const site of testSites) await upsertSite(db, site);
  const deps = { ...(await testDeps(db)), ...overrides };
  const app = await buildApp(deps);
  const tokens = new Map<string, Promise<string>>();
  const token = (role: Role, site: string): Promise<string> => {
    const key = `${role}@${site}`;
    let pending = tokens.get(key);
    if (!pending) {
      pending = loginAs(app, deps, role, site);
      tokens.set(key, pending);
    }
    return pending;
  };
  return {
    app,
    deps,
    token,
    as: async (role, site, options) =>
      app.inject({
        ...options,
        headers: { ...options.headers, authorization: `Bearer ${await token(role, site)}` },
      }),
    close: () => app.close(),
  };
};

const loginAs = async (
  app: HemonetApp,
  deps: AppDeps,
  role: Role,
  site: string,
): Promise<string> => {
  const username = `${role}.${site}`.toLowerCase();
  const { password } = await addUser(deps, { username, role, siteId: site }, 'test');
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
  return response.json<{ token: string }>().token;
};

export const allRoles = roles;
