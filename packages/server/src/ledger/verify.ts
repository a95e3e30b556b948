import { readLedgerHead, readLedgerPage, readFirstEventAfter } from '../db/repos/ledger-repo.js';
import type { Queryable } from '../db/sql-client.js';
import { GENESIS_HASH, hashEvent, type LedgerEvent, type LedgerHead } from './chain.js';

export type LedgerFaultKind = 'HASH_MISMATCH' | 'BROKEN_LINK' | 'SEQ_GAP' | 'HEAD_MISMATCH';

/** The first bad event: its position, its unit when the row exists, and what is wrong. */
export interface LedgerFault {
  kind: LedgerFaultKind;
  seq: number;
  din: string | null;
  message: string;
}

export interface LedgerVerification {
  ok: boolean;
  eventsChecked: number;
  head: LedgerHead;
  fault: LedgerFault | null;
}

const PAGE_SIZE = 5_000;

/** Checks one event against the expected position and predecessor; null when it is sound. */
function checkEvent(e: LedgerEvent, expectedSeq: number, prevHash: string): LedgerFault | null {
  if (e.seq !== expectedSeq) {
    return {
      kind: 'SEQ_GAP',
      seq: expectedSeq,
      din: null,
      message: `event seq ${expectedSeq} is missing (the next event is seq ${e.seq}, unit ${e.din})`,
    };
  }
  if (e.prevHash !== prevHash) {
    return {
      kind: 'BROKEN_LINK',
      seq: e.seq,
      din: e.din,
      message: `event seq ${e.seq} (unit ${e.din}) does not link to the hash of seq ${e.seq - 1}`,
    };
  }
  if (hashEvent(e) !== e.hash) {
    return {
      kind: 'HASH_MISMATCH',
      seq: e.seq,
      din: e.din,
      message: `event seq ${e.seq} (unit ${e.din}, ${e.type}) was altered: its hash does not match its content`,
    };
  }
  return null;
}

/** The chain ended at `lastSeq`/`lastHash`: compare with the head and look for rows beyond it. */
async function checkHead(
  db: Queryable,
  head: LedgerHead,
  lastSeq: number,
  lastHash: string,
): Promise<LedgerFault | null> {
  if (lastSeq < head.lastSeq) {
    const seq = lastSeq + 1;
    const message = `event seq ${seq} is missing: the ledger head records events up to seq ${head.lastSeq}`;
    return { kind: 'HEAD_MISMATCH', seq, din: null, message };
  }
  if (lastHash !== head.lastHash) {
    const message = `the ledger head's hash does not match event seq ${lastSeq}`;
    return { kind: 'HEAD_MISMATCH', seq: lastSeq, din: null, message };
  }
  // A committed append advances the head in the same transaction, so an event read before the
  // head that still lies beyond it was not written through the ledger.
  const beyond = await readFirstEventAfter(db, head.lastSeq);
  if (beyond && beyond.seq > (await readLedgerHead(db)).lastSeq) {
    const message = `event seq ${beyond.seq} (unit ${beyond.din}) lies beyond the ledger head (seq ${head.lastSeq})`;
    return { kind: 'HEAD_MISMATCH', seq: beyond.seq, din: beyond.din, message };
  }
  return null;
}

/**
 * Walks the whole chain in seq order (keyset pages, constant memory) and reports the first bad
 * event: an edited row (hash mismatch), a re-linked or reordered row (broken link), a deleted
 * row (gap in seq), or deleted/forged newest rows (head mismatch). Events appended while the
 * walk runs are outside the head read at its start and are left for the next run.
 */
export async function verifyLedger(db: Queryable): Promise<LedgerVerification> {
  const head = await readLedgerHead(db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await readLedgerPage(db, expectedSeq - 1, PAGE_SIZE, head.lastSeq);
    for (const event of page) {
      const fault = checkEvent(event, expectedSeq, prevHash);
      if (fault) return { ok: false, eventsChecked: expectedSeq - 1, head, fault };
      expectedSeq += 1;
      prevHash = event.hash;
    }
    if (page.length < PAGE_SIZE) break;
  }
  const fault = await checkHead(db, head, expectedSeq - 1, prevHash);
  return { ok: fault === null, eventsChecked: expectedSeq - 1, head, fault };
}
