import { insertLedgerEvents, lockLedgerHead } from '../db/repos/ledger-repo.js';
import type { Queryable } from '../db/sql-client.js';
import { chainEvents, type LedgerEvent, type LedgerEventDraft } from './chain.js';

/**
 * Appends drafts to the chain inside the caller's transaction: lock the head, hash and link the
 * drafts after it, insert them and advance the head in one statement. The head lock is held until
 * the caller commits, so take it as late as possible in the transaction (after validation and
 * unit row locks) to keep the serialised section short.
 */
export async function appendToLedger(
  tx: Queryable,
  drafts: readonly LedgerEventDraft[],
): Promise<LedgerEvent[]> {
  if (drafts.length === 0) return [];
  const head = await lockLedgerHead(tx);
  const chained = chainEvents(head, drafts);
  await insertLedgerEvents(tx, chained.events, chained.head);
  return chained.events;
}
