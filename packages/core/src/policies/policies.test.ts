import { describe, expect, it } from 'vitest';
import { allocateFromCenter, tierFillFraction } from './allocation.js';
import { routeEmergency } from './emergency-routing.js';
import { planRedistribution, unitsAtRisk } from './redistribution.js';
import { negativeBinomialForecast, replenishmentOrder, targetLevel } from './replenishment.js';
import type { StockUnit } from './types.js';

const DAY = 1440;
const unit = (id: number, days: number): StockUnit => ({ id, group: 0, expiresAt: days * DAY });

describe('replenishment', () => {
  const forecast = negativeBinomialForecast(
    [10, 10, 10, 10, 10, 5, 5],
    [Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, Infinity],
  );
  it('targets forecast demand over the cover period plus z standard deviations', () => {
    // Friday + Saturday: mean 15, Poisson variance 15 → 15 + 2·√15 = 22.7 → 23
    const base = {
      forecast,
      firstWeekday: 4,
      coverDays: 2,
      safetyFactor: 2,
      minLevel: 0,
      maxLevel: 1000,
    };
    expect(targetLevel(base)).toBe(23);
    expect(replenishmentOrder({ ...base, position: 20 })).toBe(3);
    expect(replenishmentOrder({ ...base, position: 30 })).toBe(0);
  });
});

describe('centre allocation', () => {
  it('cuts orders by shortage tier and gives the oldest units to the fastest user', () => {
    const tiers = [
      { belowDaysOfCover: 5, fillFraction: 0.8 },
      { belowDaysOfCover: 2, fillFraction: 0.5 },
    ];
    expect(tierFillFraction(6, tiers)).toBe(1);
    expect(tierFillFraction(1, tiers)).toBe(0.5);
    const stock = [1, 2, 3, 4, 5, 6].map((d) => unit(d, d));
    const orders = [
      { siteId: 1, quantity: 2, usagePerDay: 1 },
      { siteId: 2, quantity: 2, usagePerDay: 9 },
    ];
    const out = allocateFromCenter({ stock, orders, networkDaysOfCover: 10, tiers });
    expect(out).toEqual([
      { siteId: 2, units: [stock[0], stock[1]] },
      { siteId: 1, units: [stock[2], stock[3]] },
    ]);
    const short = allocateFromCenter({
      stock: stock.slice(0, 3),
      orders,
      networkDaysOfCover: 10,
      tiers: [],
    });
    expect(short.reduce((a, x) => a + x.units.length, 0)).toBe(3);
  });
});

describe('redistribution', () => {
  it('moves units a site will not use in time to a nearby site that will', () => {
    const slow = { siteId: 1, units: [unit(1, 2), unit(2, 2), unit(3, 2)], usagePerDay: 1 };
    const busy = { siteId: 2, units: [], usagePerDay: 5 };
    const far = { siteId: 3, units: [], usagePerDay: 50 };
    expect(unitsAtRisk(slow, 0).map((u) => u.id)).toEqual([3]);
    const moves = planRedistribution({
      now: 0,
      sites: [slow, busy, far],
      neighbours: () => [
        { siteId: 2, travelMinutes: 30 },
        { siteId: 3, travelMinutes: 300 },
      ],
      maxTravelMinutes: 120,
      minRemainingMinutesOnArrival: 60,
    });
    expect(moves.map((m) => [m.unit.id, m.fromSiteId, m.toSiteId])).toEqual([[3, 1, 2]]);
  });
});

describe('emergency routing', () => {
  it('takes the nearest compatible stock first and reports the slowest leg', () => {
    const route = routeEmergency(
      [
        { siteId: 0, travelMinutes: 40, available: 10 },
        { siteId: 5, travelMinutes: 8, available: 1 },
        { siteId: 6, travelMinutes: 3, available: 0 },
      ],
      3,
    );
    expect(route.legs).toEqual([
      { siteId: 5, quantity: 1, travelMinutes: 8 },
      { siteId: 0, quantity: 2, travelMinutes: 40 },
    ]);
    expect(route.etaMinutes).toBe(40);
    expect(routeEmergency([], 2).shortfall).toBe(2);
  });
});
