import type { JsonObject, LedgerEvent, LedgerHead } from '../../ledger/chain.js';
import type { Queryable } from '../sql-client.js';

interface EventRow {
  seq: number;
  din: string;
  type: string;
  site_id: string;
  actor: string;
  at: Date;
  payload: JsonObject;
  prev_hash: string;
  hash: string;
}

const EVENT_COLUMNS = 'seq, din, type, site_id, actor, at, payload, prev_hash, hash';

const toEvent = (r: EventRow): LedgerEvent => ({
  seq: r.seq,
  din: r.din,
  type: r.type,
  siteId: r.site_id,
  actor: r.actor,
  at: r.at,
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});

interface HeadRow {
  last_seq: number;
  last_hash: string;
}

const toHead = (r: HeadRow | undefined): LedgerHead => {
  if (!r) throw new Error('ledger_head row is missing: the database was not migrated');
  return { lastSeq: r.last_seq, lastHash: r.last_hash };
};

/**
 * Locks the chain head until the transaction ends. Every appender takes this lock, so appends
 * from any number of processes are serialised and each one links to the true previous event.
 */
export async function lockLedgerHead(tx: Queryable): Promise<LedgerHead> {
  const { rows } = await tx.query<HeadRow>(
    'SELECT last_seq, last_hash FROM ledger_head WHERE id FOR UPDATE',
  );
  return toHead(rows[0]);
}

export async function readLedgerHead(db: Queryable): Promise<LedgerHead> {
  const { rows } = await db.query<HeadRow>('SELECT last_seq, last_hash FROM ledger_head WHERE id');
  return toHead(rows[0]);
}

/**
 * Inserts chained events and moves the head to `head` in one statement (a multi-row insert of
 * server-side unnested arrays): one round trip for any batch size.
 */
export async function insertLedgerEvents(
  tx: Queryable,
  events: readonly LedgerEvent[],
  head: LedgerHead,
): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `WITH appended AS (
       INSERT INTO unit_events (${EVENT_COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                            $6::timestamptz[], $7::jsonb[], $8::text[], $9::text[])
     )
     UPDATE ledger_head SET last_seq = $10, last_hash = $11 WHERE id`,
    [
      events.map((e) => e.seq),
      events.map((e) => e.din),
      events.map((e) => e.type),
      events.map((e) => e.siteId),
      events.map((e) => e.actor),
      events.map((e) => e.at),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.prevHash),
      events.map((e) => e.hash),
      head.lastSeq,
      head.lastHash,
    ],
  );
}

/** Keyset page of the chain in (afterSeq, uptoSeq]: constant memory however long the ledger is. */
export async function readLedgerPage(
  db: Queryable,
  afterSeq: number,
  limit: number,
  uptoSeq: number,
): Promise<LedgerEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM unit_events WHERE seq > $1 AND seq <= $3 ORDER BY seq LIMIT $2`,
    [afterSeq, limit, uptoSeq],
  );
  return rows.map(toEvent);
}

export async function readFirstEventAfter(db: Queryable, seq: number): Promise<LedgerEvent | null> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM unit_events WHERE seq > $1 ORDER BY seq LIMIT 1`,
    [seq],
  );
  const row = rows[0];
  return row ? toEvent(row) : null;
}

/** A unit's events in ledger order (index unit_events_din_seq_idx). */
export async function readUnitEvents(db: Queryable, din: string): Promise<LedgerEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM unit_events WHERE din = $1 ORDER BY seq`,
    [din],
  );
  return rows.map(toEvent);
}
