import { describe, expect, it } from 'vitest';
import { applyUnitEvent } from './apply.js';
import {
  discardReasonCatalogue,
  expiresInStockStatuses,
  isAvoidableDiscard,
} from './discard-reasons.js';
import { availableUnit, codeOf, ctx, days } from './test-support/factories.js';
import { legalEvents } from './transitions.js';
import { discardReasons } from './types.js';

describe('discard reasons', () => {
  it('separates avoidable wastage from inevitable discards', () => {
    const avoidable = discardReasons.filter(isAvoidableDiscard);
    expect(avoidable).toEqual([
      'OUTDATED',
      'TEMPERATURE_EXCURSION',
      'DAMAGED',
      'RETURNED_OUT_OF_TIME',
      'OTHER',
    ]);
    expect(Object.keys(discardReasonCatalogue)).toEqual(discardReasons);
  });

  it('an expiry is the OUTDATED fate, refused before the expiry time', () => {
    const unit = availableUnit({ expiresAt: days(35) });
    expect(codeOf(() => applyUnitEvent(unit, { type: 'EXPIRED' }, ctx(days(34))))).toBe(
      'NOT_EXPIRED',
    );
    const expired = applyUnitEvent(unit, { type: 'EXPIRED' }, ctx(days(35)));
    expect(expired.fate).toMatchObject({ status: 'expired', reason: 'OUTDATED' });
  });

  it('a discard for OUTDATED is refused on a unit still in date', () => {
    const unit = availableUnit({ expiresAt: days(35) });
    const discard = { type: 'DISCARDED' as const, reason: 'OUTDATED' as const };
    expect(codeOf(() => applyUnitEvent(unit, discard, ctx(days(1))))).toBe('NOT_EXPIRED');
    expect(applyUnitEvent(unit, discard, ctx(days(36))).fate?.reason).toBe('OUTDATED');
  });

  it('every status the expiry job sweeps accepts EXPIRED', () => {
    for (const s of expiresInStockStatuses) expect(legalEvents(s)).toContain('EXPIRED');
  });
});
