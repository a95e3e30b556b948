import {
  allocateFromCenter,
  GROUP_COUNT,
  planRedistribution,
  replenishmentOrder,
  type RedistributionTransfer,
} from '@hemonet/core';
import { componentSpec } from '../engine/demand.js';
import type { SimUnit } from '../engine/inventory.js';
import { CENTER, COMPONENTS, MINUTES, type World } from '../engine/world.js';
import type { NetworkReplenishment } from '../scenario/schema.js';
import type { PolicyView, SimPolicy, StandingOrder } from './types.js';

/** Red cells and platelets are worth rotating; frozen plasma and cryo keep for a year. */
const ROTATED_COMPONENTS = [0, 1];

/**
 * Hemonet's network policy: every decision is a core policy function. Hospitals order to a
 * target from the weekday forecast, the centre gives its oldest units to the fastest users and
 * cuts orders by shortage tier, units at risk move to a site that will use them, and urgent
 * requests draw on the nearest compatible stock, centre or peer.
 */
export const createNetworkPolicy = (world: World): SimPolicy => {
  const p = world.scenario.policies.network;
  const r = p.replenishment;
  const rules: NetworkReplenishment[] = [r.redCells, r.platelets, r.plasma, r.cryo];
  return {
    name: 'network',
    issueOptions: {
      protectedGroups: world.protectedGroups,
      releaseProtectedWithinMinutes: p.releaseProtectedWithinHours * MINUTES.hour,
      preferExpiringSubstituteWithinMinutes: p.preferExpiringSubstituteWithinHours * MINUTES.hour,
      reservationSpareMinutes: p.reservationSpareHours * MINUTES.hour,
    },
    orders: (view) => forecastOrders(view, rules),
    allocate: (view, c, stock, orders) =>
      allocateFromCenter({
        stock,
        orders,
        networkDaysOfCover: networkCover(view, c),
        tiers: tiersOf(p.shortageTiers, c),
      }),
    redistribute: (view) => ROTATED_COMPONENTS.flatMap((c) => rotate(view, c)),
    sources: (view, hospital) => [
      CENTER,
      ...(view.world.neighbours[hospital] ?? []).map((n) => n.siteId),
    ],
  };
};

const tiersOf = (t: World['scenario']['policies']['network']['shortageTiers'], c: number) =>
  [t.redCells, t.platelets, t.plasma, t.cryo][c] ?? [];

/** Weekday forecast of one group at one site: NB means and variances (requests come in batches). */
const forecastFor = (view: PolicyView, site: number, c: number, g: number) => {
  const spec = componentSpec(view.world.scenario.demand.components, c);
  const avg = spec.weekdayFactors.reduce((a, b) => a + b, 0) / 7;
  const mu = view.usagePerDay(site, c, g);
  const mean = spec.weekdayFactors.map((f) => (mu * f) / avg);
  const variance = mean.map(
    (m, w) => m * spec.unitsPerRequest + (m * m) / (spec.dispersion[w] ?? 1),
  );
  return { mean, variance };
};

const forecastOrders = (
  view: PolicyView,
  rules: readonly NetworkReplenishment[],
): StandingOrder[] => {
  const out: StandingOrder[] = [];
  for (let site = 1; site < view.world.sites.length; site++) {
    const stock = view.stocks[site];
    for (let c = 0; c < COMPONENTS && stock; c++) {
      const rule = rules[c] as NetworkReplenishment;
      for (let g = 0; g < GROUP_COUNT; g++) {
        const use = view.usagePerDay(site, c, g);
        const stocked = use > 0 && use >= rule.stockIfDailyUseAtLeast;
        const quantity = replenishmentOrder({
          forecast: forecastFor(view, site, c, g),
          firstWeekday: view.weekday,
          coverDays: rule.coverDays,
          safetyFactor: rule.safetyFactor,
          position: stock.countGroup(c, g) + view.inbound(site, c, g),
          minLevel: stocked ? rule.minUnits : 0,
          maxLevel: stocked ? Number.MAX_SAFE_INTEGER : 0,
        });
        if (quantity > 0) out.push({ site, component: c, group: g, quantity });
      }
    }
  }
  return out;
};

/** Network stock over network daily demand of a component: drives the shortage tiers. */
const networkCover = (view: PolicyView, c: number): number => {
  let stock = 0;
  let demand = 0;
  for (let s = 0; s < view.world.sites.length; s++) {
    stock += view.stocks[s]?.count(c) ?? 0;
    for (let g = 0; g < GROUP_COUNT; g++) demand += view.usagePerDay(s, c, g);
  }
  return demand > 0 ? stock / demand : Number.POSITIVE_INFINITY;
};

const rotate = (view: PolicyView, c: number): RedistributionTransfer<SimUnit>[] => {
  const t = view.world.scenario.transport;
  const minRemaining =
    view.world.scenario.policies.network.minRemainingHoursOnArrival * MINUTES.hour;
  const out: RedistributionTransfer<SimUnit>[] = [];
  for (let g = 0; g < GROUP_COUNT; g++) {
    const sites = [];
    for (let s = 1; s < view.world.sites.length; s++) {
      sites.push({
        siteId: s,
        units: view.stocks[s]?.list(c, g) ?? [],
        usagePerDay: view.usagePerDay(s, c, g),
      });
    }
    const moves = planRedistribution({
      now: view.now,
      sites,
      neighbours: (id) => view.world.neighbours[id] ?? [],
      maxTravelMinutes: t.maxTransferMinutes,
      minRemainingMinutesOnArrival: minRemaining,
    });
    out.push(...moves);
  }
  return out;
};
