import { isDomainError } from '@hemonet/core';
import { claimDueUnits } from '../db/repos/expiry-repo.js';
import type { CommandDeps } from './deps.js';
import { recordEachUnitEvent } from './record-unit-events.js';

export const EXPIRY_ACTOR = 'system:expiry';

export interface ExpirySweep {
  /** Units whose EXPIRED fate this sweep recorded. */
  expired: number;
  /** Units claimed but refused by core (changed meanwhile): left for their own fate. */
  skipped: number;
}

/**
 * Records the final fate of every unit that reached its expiry time in stock: an EXPIRED event
 * (reason OUTDATED) through the lifecycle, in batches of `batchSize` units, each batch one
 * transaction. Idempotent: an expired unit is no longer in a stock status, so a second sweep (or
 * another replica's, which skips the rows this one holds) finds nothing to do. Time is `clock()`,
 * so a virtual clock drives it like the rest of the server.
 */
export const expireOutdatedUnits = async (
  deps: CommandDeps,
  batchSize = 500,
): Promise<ExpirySweep> => {
  const total: ExpirySweep = { expired: 0, skipped: 0 };
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      const due = await claimDueUnits(tx, { at: deps.clock(), limit: batchSize });
      const outcomes = await recordEachUnitEvent(
        tx,
        deps,
        due.map((u) => ({
          din: u.din,
          event: { type: 'EXPIRED' },
          ctx: { at: 'now', siteId: u.siteId, actor: EXPIRY_ACTOR },
        })),
      );
      const refused = outcomes.filter((o) => !o.ok);
      for (const o of refused) if (!isDomainError(o.error)) throw o.error;
      return { claimed: due.length, skipped: refused.length };
    });
    total.expired += batch.claimed - batch.skipped;
    total.skipped += batch.skipped;
    // A refused unit stays claimable only if core refuses it for good; stop rather than spin.
    if (batch.claimed < batchSize || batch.skipped === batch.claimed) return total;
  }
};
