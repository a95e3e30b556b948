import type { StockUnit } from './types.js';

export interface SiteOrder {
  readonly siteId: number;
  readonly quantity: number;
  /** Expected units this site uses per day (of this component and group): who uses stock fastest. */
  readonly usagePerDay: number;
}

export interface ShortageTier {
  /** Applies when network days of cover fall below this. */
  readonly belowDaysOfCover: number;
  /** Fraction of each order that is filled under this tier (0-1). */
  readonly fillFraction: number;
}

export interface AllocationInput<U extends StockUnit> {
  /** Centre stock of one component and group, FEFO-sorted, unexpired. */
  readonly stock: readonly U[];
  readonly orders: readonly SiteOrder[];
  /** Network stock divided by network daily demand for this component. */
  readonly networkDaysOfCover: number;
  /** Tiers from mildest to most severe, e.g. amber/red alert levels of a national blood service. */
  readonly tiers: readonly ShortageTier[];
}

export interface CenterAllocation<U extends StockUnit> {
  readonly siteId: number;
  readonly units: U[];
}

/** The fraction of orders a shortage tier allows for the current days of cover. */
export const tierFillFraction = (daysOfCover: number, tiers: readonly ShortageTier[]): number => {
  let fraction = 1;
  for (const t of tiers)
    if (daysOfCover < t.belowDaysOfCover) fraction = Math.min(fraction, t.fillFraction);
  return fraction;
};

/**
 * Centre allocation: cut orders by the shortage tier, share what is left in proportion to the
 * orders, and hand the oldest units to the sites that use stock fastest, so short-dated units land
 * where they are transfused in time (allocation by remaining shelf life cut platelet expiry from
 * 3.81% to 0.14% in Korea, calibration.md §1a).
 */
export const allocateFromCenter = <U extends StockUnit>(
  input: AllocationInput<U>,
): CenterAllocation<U>[] => {
  const fraction = tierFillFraction(input.networkDaysOfCover, input.tiers);
  const wanted = input.orders.map((o) => Math.floor(o.quantity * fraction));
  const total = wanted.reduce((a, b) => a + b, 0);
  const scale = total > input.stock.length ? input.stock.length / total : 1;
  const grants = wanted.map((w) => Math.floor(w * scale));
  distributeRemainder(grants, wanted, input.stock.length);
  const bySpeed = input.orders
    .map((o, i) => ({ o, grant: grants[i] ?? 0 }))
    .sort((a, b) => b.o.usagePerDay - a.o.usagePerDay || a.o.siteId - b.o.siteId);
  let next = 0;
  return bySpeed.map(({ o, grant }) => {
    const units = input.stock.slice(next, next + grant);
    next += grant;
    return { siteId: o.siteId, units };
  });
};

/** Hand out units lost to rounding one at a time, in order, while stock lasts. */
const distributeRemainder = (
  grants: number[],
  wanted: readonly number[],
  available: number,
): void => {
  let left = available - grants.reduce((a, b) => a + b, 0);
  for (let i = 0; i < grants.length && left > 0; i++) {
    if ((grants[i] ?? 0) < (wanted[i] ?? 0)) {
      grants[i] = (grants[i] ?? 0) + 1;
      left--;
    }
  }
};
