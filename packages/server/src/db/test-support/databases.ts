import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate } from '../migrate.js';
import { createPgClient } from '../pg-client.js';
import { createPgliteClient } from '../pglite-client.js';
import type { DatabaseKind, SqlClient } from '../sql-client.js';

/** Set by .ci/run (and by developers) to also run every repository suite on PostgreSQL. */
export const testDatabaseUrl = process.env.HEMONET_TEST_DATABASE_URL;

export const testDatabaseKinds: DatabaseKind[] = testDatabaseUrl
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase {
  kind: DatabaseKind;
  client: SqlClient;
  /** PostgreSQL only: the schema holding this database (for a second client or the CLI). */
  schema: string | null;
  /** Connection string of the PostgreSQL server, null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

let template: Promise<Blob> | undefined;

/** A migrated PGlite data directory, made once per test worker: loading it skips initdb (~2 s). */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const client = await createPgliteClient();
    await migrate(client);
    const dump = await client.dump();
    await client.close();
    return dump;
  })();
  return template;
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new schema on the PostgreSQL test server
 * (cheap, needs no CREATEDB, and dropped with everything in it).
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  migrated = true,
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const client = await createPgliteClient(
      migrated ? { loadDataDir: await pgliteTemplate() } : {},
    );
    return { kind, client, schema: null, url: null, drop: () => client.close() };
  }
  if (!testDatabaseUrl) throw new Error('HEMONET_TEST_DATABASE_URL is not set');
  const url = testDatabaseUrl;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = createPgClient({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const client = createPgClient({ connectionString: url, schema });
  if (migrated) await migrate(client);
  const drop = async () => {
    await client.close();
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  };
  return { kind, client, schema, url, drop };
}

/**
 * Runs a suite once per available database (PGlite always, PostgreSQL when
 * HEMONET_TEST_DATABASE_URL is set). `fresh()` hands out further isolated databases for tests
 * that must own the whole ledger (tampering); all are dropped after the suite.
 */
export function describeDatabases(
  title: string,
  suite: (ctx: {
    kind: DatabaseKind;
    db: () => SqlClient;
    fresh: () => Promise<TestDatabase>;
  }) => void,
): void {
  for (const kind of testDatabaseKinds) {
    describe(`${title} [${kind}]`, () => {
      const owned: TestDatabase[] = [];
      let shared: TestDatabase | undefined;
      const fresh = async () => {
        const created = await createTestDatabase(kind);
        owned.push(created);
        return created;
      };
      beforeAll(async () => {
        shared = await fresh();
      });
      afterAll(async () => {
        await Promise.all(owned.map((d) => d.drop()));
      });
      const db = () => {
        if (!shared) throw new Error('database not ready (used outside a test?)');
        return shared.client;
      };
      suite({ kind, db, fresh });
    });
  }
}
