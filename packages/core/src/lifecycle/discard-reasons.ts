import type { UnitStatus } from './types.js';

/**
 * Why a unit left the supply without being transfused, and whether that loss was avoidable.
 * Avoidable discards are the wastage a blood bank can act on (stock management, handling,
 * returns); inevitable ones come from the donation itself (a positive marker, a lookback, a
 * manufacturing defect). The split follows the UK Blood Stocks Management Scheme's wastage
 * categories (time-expired, out of temperature control, returned too late, broken or damaged bag
 * are all counted as wastage; https://www.bloodstocks.co.uk) and the AABB/ISBT convention that
 * outdate and wastage rates are reported per units issued.
 */
export const discardReasonCatalogue = {
  /** Reached its expiry time unused (the fate the expiry job records). */
  OUTDATED: { avoidable: true, label: 'outdated (expired unused)' },
  TEMPERATURE_EXCURSION: { avoidable: true, label: 'out of temperature control' },
  /** Broken, leaking or otherwise damaged bag. */
  DAMAGED: { avoidable: true, label: 'broken or damaged bag' },
  RETURNED_OUT_OF_TIME: { avoidable: true, label: 'returned too late to go back to stock' },
  LOOKBACK: { avoidable: false, label: 'withdrawn after a donor lookback' },
  TEST_POSITIVE: { avoidable: false, label: 'mandatory test positive or indeterminate' },
  QUALITY_FAILURE: { avoidable: false, label: 'manufacturing or quality control failure' },
  NOT_COLLECTED_COMPLETE: { avoidable: false, label: 'incomplete or underweight collection' },
  /** Counted as avoidable: a loss nobody explained is not one nobody could have prevented. */
  OTHER: { avoidable: true, label: 'other' },
} as const satisfies Record<string, { avoidable: boolean; label: string }>;

export type DiscardReason = keyof typeof discardReasonCatalogue;

export const isAvoidableDiscard = (reason: DiscardReason): boolean =>
  discardReasonCatalogue[reason].avoidable;

/**
 * Statuses in which a unit is still in the blood service's custody and so reaches its expiry
 * "in stock": the expiry job records EXPIRED for these. An issued unit is with a ward, whose
 * staff return, transfuse or discard it (a late return is RETURNED_OUT_OF_TIME).
 */
export const expiresInStockStatuses = [
  'collected',
  'in_processing',
  'quarantined',
  'available',
  'reserved',
  'in_transit',
  'held',
] as const satisfies readonly UnitStatus[];
