import type { Queryable } from '../sql-client.js';

/**
 * Refreshes the planner statistics of every table. PostgreSQL's autovacuum does this on its own,
 * but it can lag far behind a bulk load, and PGlite (single-user, embedded) has no autovacuum at
 * all: with stale statistics the planner estimates a unit's events as a large fraction of the
 * ledger and picks parallel scans and JIT for what is an index lookup of a few rows.
 */
export async function refreshPlannerStatistics(db: Queryable): Promise<void> {
  await db.exec('ANALYZE');
}

/**
 * Bring a database that has just taken a bulk load to the steady state a live server runs in:
 * vacuum (visibility map, so index-only scans stay index-only) and analyse every table, then
 * flush dirty pages, so that read latencies measured next are not those of the background work
 * (autovacuum, checkpoint) that follows millions of inserts.
 */
export async function settleAfterBulkLoad(db: Queryable): Promise<void> {
  await db.exec('VACUUM (ANALYZE)');
  await db.exec('CHECKPOINT');
}

/** Donations recorded, the size of a city for sampling an already filled database. */
export async function countDonations(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM donations');
  return rows[0]?.n ?? 0;
}
