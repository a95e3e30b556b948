import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open-database.js';
import { createPgClient } from '../db/pg-client.js';
import type { DatabaseKind, SqlClient } from '../db/sql-client.js';

export interface BenchDatabaseOptions {
  database: DatabaseKind;
  /** Use this PostgreSQL database as is (it must be one you can fill and keep). */
  databaseUrl?: string;
  /** Use this PGlite directory as is. */
  dataDir?: string;
  /** PostgreSQL server on which to create and drop a throwaway database. */
  adminUrl: string;
}

export interface BenchDatabase {
  db: SqlClient;
  /** Where the data went, for the report. */
  location: string;
  dispose(): Promise<void>;
}

async function throwawayPostgres(adminUrl: string): Promise<BenchDatabase> {
  const name = `hemonet_bench_${process.pid}_${Date.now()}`;
  const admin = createPgClient({ connectionString: adminUrl, max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Writers plus one for the reader: each open transaction holds a connection.
  const db = await openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 20 });
  return {
    db,
    location: `postgres ${url.host}/${name} (dropped afterwards)`,
    dispose: async () => {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

async function throwawayPglite(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'hemonet-bench-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: dir }, { lock: 'hold' });
  return {
    db,
    location: `pglite ${dir} (removed afterwards)`,
    dispose: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The database a benchmark fills: a given one, or a throwaway one created and removed here. */
export async function openBenchDatabase(o: BenchDatabaseOptions): Promise<BenchDatabase> {
  if (o.database === 'postgres') {
    if (!o.databaseUrl) return throwawayPostgres(o.adminUrl);
    const db = await openDatabase({ kind: 'postgres', url: o.databaseUrl }, { poolSize: 20 });
    return { db, location: `postgres ${new URL(o.databaseUrl).host}`, dispose: () => db.close() };
  }
  if (!o.dataDir) return throwawayPglite();
  const db = await openDatabase({ kind: 'pglite', dataDir: o.dataDir }, { lock: 'hold' });
  return { db, location: `pglite ${o.dataDir}`, dispose: () => db.close() };
}
