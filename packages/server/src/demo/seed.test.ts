import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../db/test-support/databases.js';
import { verifyPassword } from '../auth/password.js';
import { findUserCredentials } from '../db/repos/users-repo.js';
import { verifyLedger } from '../ledger/verify.js';
import { readProductTable } from '../product-table-file.js';
import { seedDemoCity, type DemoResult } from './seed.js';

describeDatabases('demo city', ({ db }) => {
  let dir: string;
  let result: DemoResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hemonet-demo-'));
    const deps = {
      db: db(),
      clock: () => new Date(),
      lifecycle: {},
      products: await readProductTable(),
    };
    result = await seedDemoCity(deps, { donations: 240, credentialsDir: dir, batchSize: 80 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('seeds 39 sites with one user per role each, with working random passwords', async () => {
    expect(result.seeded).toBe(true);
    expect(result.credentials).toHaveLength(39 * 6);
    const file = JSON.parse(await readFile(result.credentialsFile, 'utf8')) as {
      username: string;
      password: string;
    }[];
    expect(file).toEqual(result.credentials);
    const sample = file[7];
    const stored = await findUserCredentials(db(), sample?.username ?? '');
    expect(await verifyPassword(sample?.password ?? '', stored?.passwordHash ?? '')).toBe(true);
    expect(new Set(file.map((c) => c.password)).size).toBe(file.length);
  });

  it('spreads units over realistic states, and the ledger verifies', async () => {
    const { rows } = await db().query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM units GROUP BY status',
    );
    const statuses = new Map(rows.map((r) => [r.status, r.n]));
    for (const s of [
      'available',
      'transfused',
      'processed',
      'in_transit',
      'reserved',
      'discarded',
      'expired',
    ]) {
      expect(statuses.get(s) ?? 0, s).toBeGreaterThan(0);
    }
    expect((await verifyLedger(db())).ok).toBe(true);
  });

  it('leaves an already seeded database alone', async () => {
    const deps = {
      db: db(),
      clock: () => new Date(),
      lifecycle: {},
      products: await readProductTable(),
    };
    expect((await seedDemoCity(deps, { donations: 10, credentialsDir: dir })).seeded).toBe(false);
  });
});
