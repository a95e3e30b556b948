import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createPgClient } from './pg-client.js';
import { loadMigrations, migrate } from './migrate.js';
import { createTestDatabase } from './test-support/databases.js';
import { describeDatabases } from './test-support/databases.js';

describeDatabases('migrations', ({ kind }) => {
  it('applies every migration once and is idempotent', async () => {
    const db = await createTestDatabase(kind, false);
    try {
      const all = (await loadMigrations()).map((m) => m.version);
      expect(await migrate(db.client)).toEqual(all);
      expect(await migrate(db.client)).toEqual([]);
      const { rows } = await db.client.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(all);
    } finally {
      await db.drop();
    }
  });

  it('refuses a migration file changed after it was applied', async () => {
    const db = await createTestDatabase(kind, false);
    const dir = await mkdtemp(join(tmpdir(), 'hemonet-migrations-'));
    try {
      await writeFile(join(dir, '0001_t.sql'), 'CREATE TABLE t (a int);');
      await migrate(db.client, dir);
      await writeFile(join(dir, '0001_t.sql'), 'CREATE TABLE t (a int, b int);');
      await expect(migrate(db.client, dir)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true });
      await db.drop();
    }
  });

  if (kind === 'postgres') {
    it('lets replicas that start together migrate without racing', async () => {
      const db = await createTestDatabase(kind, false);
      const replicas = [1, 2, 3].map(() =>
        createPgClient({ connectionString: db.url ?? '', schema: db.schema ?? '' }),
      );
      try {
        const applied = await Promise.all(replicas.map((r) => migrate(r)));
        const total = applied.reduce((n, versions) => n + versions.length, 0);
        expect(total).toBe((await loadMigrations()).length);
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
        await db.drop();
      }
    });
  }
});
