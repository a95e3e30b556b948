import { GROUP_COUNT, type CenterAllocation, type SiteOrder } from '@hemonet/core';
import type { SimUnit } from '../engine/inventory.js';
import { CENTER, COMPONENTS, type World } from '../engine/world.js';
import type { ParRule } from '../scenario/schema.js';
import type { PolicyView, SimPolicy, StandingOrder } from './types.js';

const parRules = (w: World): ParRule[] => {
  const p = w.scenario.policies.isolated.par;
  return [p.redCells, p.platelets, p.plasma, p.cryo];
};

/**
 * Fixed par level per hospital, component and group: days of average use, at least a minimum
 * once the group is stocked at all (fixed-par ordering is the common hospital practice that
 * inventory studies compare against, e.g. Gunpinar & Centeno 2015, calibration.md §1b).
 */
export const parLevel = (rule: ParRule, usagePerDay: number): number =>
  usagePerDay < rule.stockIfDailyUseAtLeast || usagePerDay <= 0
    ? 0
    : Math.max(rule.minUnits, Math.ceil(rule.parDays * usagePerDay));

/**
 * Today's practice: each hospital orders up to its own par every morning, sees nobody else's
 * stock and shares nothing; the centre ships oldest first in the order orders arrive; urgent and
 * rush requests can only be served by the centre.
 */
export const createIsolatedPolicy = (world: World): SimPolicy => {
  const rules = parRules(world);
  let day = 0;
  return {
    name: 'isolated',
    issueOptions: {
      protectedGroups: world.protectedGroups,
      releaseProtectedWithinMinutes: 0,
      preferExpiringSubstituteWithinMinutes: 0,
    },
    orders: (view) => {
      day++;
      return standingOrders(view, rules);
    },
    allocate: (_view, _c, stock, orders) => firstInFirstOut(stock, orders, day),
    redistribute: () => [],
    sources: () => [CENTER],
  };
};

const standingOrders = (view: PolicyView, rules: readonly ParRule[]): StandingOrder[] => {
  const out: StandingOrder[] = [];
  for (let site = 1; site < view.world.sites.length; site++) {
    const stock = view.stocks[site];
    if (!stock) continue;
    for (let c = 0; c < COMPONENTS; c++) {
      for (let g = 0; g < GROUP_COUNT; g++) {
        const par = parLevel(rules[c] as ParRule, view.usagePerDay(site, c, g));
        const quantity = par - stock.countGroup(c, g) - view.inbound(site, c, g);
        if (quantity > 0) out.push({ site, component: c, group: g, quantity });
      }
    }
  }
  return out;
};

/** Oldest units first, orders filled whole in turn; the starting hospital rotates daily. */
const firstInFirstOut = (
  stock: readonly SimUnit[],
  orders: readonly SiteOrder[],
  day: number,
): CenterAllocation<SimUnit>[] => {
  let next = 0;
  const out: CenterAllocation<SimUnit>[] = [];
  for (let k = 0; k < orders.length; k++) {
    const o = orders[(k + day) % orders.length] as SiteOrder;
    const n = Math.min(o.quantity, stock.length - next);
    out.push({ siteId: o.siteId, units: stock.slice(next, next + n) });
    next += n;
  }
  return out;
};
