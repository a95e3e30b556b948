import { PGlite, type Transaction } from '@electric-sql/pglite';
import { Mutex } from './mutex.js';
import type { Queryable, QueryResult, SqlClient, SqlParam } from './sql-client.js';

/** PGlite serialises Date inside arrays with toString(); ISO 8601 is what PostgreSQL parses exactly. */
const toPgliteParam = (p: SqlParam): unknown =>
  p instanceof Date ? p.toISOString() : Array.isArray(p) ? p.map(toPgliteParam) : p;

const toParams = (params?: readonly SqlParam[]): unknown[] | undefined =>
  params?.map(toPgliteParam);

const wrapTransaction = (tx: Transaction): Queryable => ({
  async query<T>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>> {
    const result = await tx.query<T>(sql, toParams(params));
    return { rows: result.rows };
  },
  async exec(script: string): Promise<void> {
    await tx.exec(script);
  },
});

export interface PgliteClient extends SqlClient {
  /** The whole data directory as an uncompressed tarball (see `loadDataDir`). */
  dump(): Promise<Blob>;
}

/** bigint columns (ledger seq, counts) fit in a double for any realistic ledger (< 2^53 rows). */
const parsers = { 20: (value: string) => Number(value) };

/**
 * Embedded PostgreSQL (WASM) in this process: the default store. `dataDir` undefined keeps the
 * database in memory (tests); `loadDataDir` starts from a dump (a migrated test template).
 */
export async function createPgliteClient(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<PgliteClient> {
  const db = await PGlite.create(options.dataDir ?? 'memory://', {
    parsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return wrapPglite(db);
}

/**
 * PGlite has exactly one connection, so every statement and every transaction goes through one
 * FIFO mutex: concurrent callers queue instead of interleaving their statements inside another
 * caller's transaction.
 */
function wrapPglite(db: PGlite): PgliteClient {
  const mutex = new Mutex();
  return {
    kind: 'pglite',
    query: <T>(sql: string, params?: readonly SqlParam[]) =>
      mutex.run(async () => ({ rows: (await db.query<T>(sql, toParams(params))).rows })),
    exec: (script: string) =>
      mutex.run(async () => {
        await db.exec(script);
      }),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      mutex.run(() => db.transaction((tx) => fn(wrapTransaction(tx)))),
    dump: () => mutex.run(() => db.dumpDataDir('none')),
    close: () => mutex.run(() => db.close()),
  };
}
