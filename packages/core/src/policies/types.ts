import { allBloodGroups, type BloodGroup } from '../blood-group.js';

/**
 * Inventory policies work on plain views of stock so that the live server (reading its tables)
 * and the digital twin (reading its own state) call the very same functions. Times are minutes on
 * any monotonic clock the caller chooses; groups are indexed 0..7 in `allBloodGroups` order so the
 * hot loops of the simulator do not compare objects.
 */
export type GroupIndex = number;

export const GROUP_COUNT = allBloodGroups.length;

export const groupIndex = (g: BloodGroup): GroupIndex =>
  allBloodGroups.findIndex((x) => x.abo === g.abo && x.rhd === g.rhd);

export const groupAt = (i: GroupIndex): BloodGroup => {
  const g = allBloodGroups[i];
  if (!g) throw new RangeError(`no blood group at index ${i}`);
  return g;
};

/** One unit as policies see it: identity, ABO/RhD group and the minute it expires. */
export interface StockUnit {
  readonly id: number;
  readonly group: GroupIndex;
  readonly expiresAt: number;
}

/** Stock of one component at one site: per group index, units sorted by expiry (FEFO order). */
export type GroupedStock<U extends StockUnit = StockUnit> = readonly (readonly U[])[];

export const MINUTES_PER_DAY = 1440;

/** Index of the first unit in a FEFO-sorted list that expires after `time` (binary search). */
export const firstExpiringAfter = (units: readonly StockUnit[], time: number): number => {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((units[mid] as StockUnit).expiresAt <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
