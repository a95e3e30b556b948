import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Queryable, SqlClient } from './sql-client.js';

/** Next to this module in src/ (tests, typecheck) and in dist/ (copied by scripts/copy-assets.mjs). */
export const defaultMigrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Arbitrary constant ("hemo"): the advisory-lock key every replica agrees on. */
const MIGRATION_LOCK_KEY = 0x68656d6f;
const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`migration file name must look like 0001_name.sql: ${file}`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    migrations.push({ version: Number(match[1]), name: match[2] ?? file, sql, checksum });
  }
  return migrations;
}

/**
 * Serialises migration runners across processes: two replicas starting together both wait here,
 * and the second then sees the first one's work in schema_migrations. A transaction-scoped lock
 * needs no cleanup if the process dies. Harmless on PGlite, which has one connection anyway.
 */
const lockMigrations = (tx: Queryable) =>
  tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);

async function ensureMigrationsTable(db: SqlClient): Promise<void> {
  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
}

/** Applies one migration unless already applied; returns whether it ran. */
async function applyMigration(db: SqlClient, m: Migration): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockMigrations(tx);
    const { rows } = await tx.query<{ checksum: string }>(
      'SELECT checksum FROM schema_migrations WHERE version = $1',
      [m.version],
    );
    const applied = rows[0];
    if (applied) {
      // Forward-only: an applied migration is history; changing its file would fork the schema.
      if (applied.checksum !== m.checksum) {
        throw new Error(`migration ${m.version}_${m.name} changed after it was applied`);
      }
      return false;
    }
    await tx.exec(m.sql);
    await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      m.version,
      m.name,
      m.checksum,
    ]);
    return true;
  });
}

/**
 * Brings the schema up to date: every pending migration in version order, each in its own
 * transaction. Returns the versions applied by this call (empty when already current).
 */
export async function migrate(db: SqlClient, dir = defaultMigrationsDir): Promise<number[]> {
  const migrations = await loadMigrations(dir);
  await ensureMigrationsTable(db);
  const applied: number[] = [];
  for (const m of migrations) {
    if (await applyMigration(db, m)) applied.push(m.version);
  }
  return applied;
}
