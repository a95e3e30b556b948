import pg from 'pg';
import type { Queryable, QueryResult, SqlClient, SqlParam } from './sql-client.js';

/** bigint (int8) as a JS number, as the PGlite adapter does: ledger seq and counts stay < 2^53. */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export interface PgClientOptions {
  connectionString: string;
  /** Pool size; each open transaction holds one connection. */
  max?: number;
  /** Runs every connection with this search_path (test suites isolate themselves in a schema). */
  schema?: string;
}

const asQueryable = (client: pg.PoolClient | pg.Pool): Queryable => ({
  query: async <T>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>> => {
    const result = await client.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as T[] };
  },
  exec: async (script: string): Promise<void> => {
    // Without parameters node-postgres uses the simple protocol, which accepts several statements.
    await client.query(script);
  },
});

/** PostgreSQL server deployment (`--database-url` / DATABASE_URL) through a node-postgres Pool. */
export function createPgClient(options: PgClientOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // Every statement of a transaction must run on the same pooled connection.
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is discarded instead of returned to the pool.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
