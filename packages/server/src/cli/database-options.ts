import type { Command } from 'commander';
import { resolveDatabaseConfig, type DatabaseConfig } from '../config.js';

/** `--data DIR` / `--database-url URL`, shared by every command that opens the database. */
export const addDatabaseOptions = (command: Command): Command =>
  command
    .option('--data <dir>', 'embedded PGlite data directory (default ./data, env HEMONET_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL connection URL (env DATABASE_URL)');

export const databaseConfigFrom = (
  opts: { data?: string; databaseUrl?: string },
  env: Record<string, string | undefined>,
): DatabaseConfig => resolveDatabaseConfig({ data: opts.data, databaseUrl: opts.databaseUrl }, env);
