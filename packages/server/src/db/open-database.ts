import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@hemonet/core';
import type { DatabaseConfig } from '../config.js';
import { acquireDataDirLock, assertDataDirFree } from './data-dir-lock.js';
import { migrate } from './migrate.js';
import { createPgClient } from './pg-client.js';
import { createPgliteClient } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';

export interface OpenDatabaseOptions {
  /**
   * 'hold': this process is the server and claims the embedded data directory until close();
   * 'check' (default): a one-off command that refuses a directory a running server holds.
   */
  lock?: 'hold' | 'check';
  /** PostgreSQL pool size. */
  poolSize?: number;
  /**
   * false: refuse an embedded data directory that holds no database yet, instead of creating an
   * empty one (a read-only command pointed at the wrong place must say so, not report "empty").
   */
  create?: boolean;
}

/**
 * Opens the configured database and brings its schema up to date: the one way the server and
 * every data command get a SqlClient. close() also releases the data-directory lock.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: OpenDatabaseOptions = {},
): Promise<SqlClient> {
  if (config.kind === 'postgres') {
    const db = createPgClient({ connectionString: config.url, max: options.poolSize ?? 10 });
    return migrateOrClose(db);
  }
  let release: () => Promise<void> = () => Promise.resolve();
  if (options.lock === 'hold') release = await acquireDataDirLock(config.dataDir);
  else await assertDataDirFree(config.dataDir);
  if (options.create === false && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
    await release();
    throw new DomainError(
      'DATABASE_NOT_FOUND',
      `no Hemonet database in ${resolve(config.dataDir)}`,
      {
        dataDir: resolve(config.dataDir),
      },
    );
  }
  try {
    const db = await createPgliteClient({ dataDir: config.dataDir });
    const migrated = await migrateOrClose(db);
    return {
      ...migrated,
      close: async () => {
        await migrated.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

async function migrateOrClose(db: SqlClient): Promise<SqlClient> {
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
