import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** prev_hash of the first event: there is no predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as the write path hands it to the ledger, before it has a place in the chain. */
export interface LedgerEventDraft {
  din: string;
  type: string;
  siteId: string;
  actor: string;
  at: Date;
  /**
   * What happened, as JSON. Dates may be left as Date objects: they serialise to ISO 8601
   * strings both in the hash (canonicalize calls toJSON) and in jsonb, which gives back exactly
   * those strings, so the hash recomputed at verify matches.
   */
  payload: object;
}

export interface LedgerEvent extends LedgerEventDraft {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface LedgerHead {
  lastSeq: number;
  lastHash: string;
}

/**
 * sha256 over the RFC 8785 (JCS) canonical JSON of every field that makes the event what it is,
 * including its position (seq) and its predecessor's hash: editing any field, moving a row or
 * re-linking it changes the hash. Canonical JSON makes the bytes independent of key order and of
 * how PostgreSQL's jsonb re-serialises the payload.
 */
export function hashEvent(event: Omit<LedgerEvent, 'hash'>): string {
  const canonical = canonicalize({
    seq: event.seq,
    prevHash: event.prevHash,
    din: event.din,
    type: event.type,
    siteId: event.siteId,
    actor: event.actor,
    at: event.at.toISOString(),
    payload: event.payload,
  });
  if (canonical === undefined) throw new Error('ledger event is not serialisable');
  return createHash('sha256').update(canonical).digest('hex');
}

/** Places drafts after `head`, linking each to its predecessor; returns the events and new head. */
export function chainEvents(
  head: LedgerHead,
  drafts: readonly LedgerEventDraft[],
): { events: LedgerEvent[]; head: LedgerHead } {
  let { lastSeq, lastHash } = head;
  const events = drafts.map((draft) => {
    const linked = { ...draft, seq: lastSeq + 1, prevHash: lastHash };
    const event = { ...linked, hash: hashEvent(linked) };
    lastSeq = event.seq;
    lastHash = event.hash;
    return event;
  });
  return { events, head: { lastSeq, lastHash } };
}
