import { GROUP_COUNT, type SiteOrder } from '@hemonet/core';
import type { StandingOrder } from '../policies/types.js';
import type { SimUnit } from './inventory.js';
import type { Delivery, SimState } from './state.js';
import { CENTER, travel } from './world.js';

/** Send units to a site's stock: leave the source now, arrive after dispatch and road time. */
const ship = (
  st: SimState,
  from: number,
  to: number,
  units: SimUnit[],
  dispatchMinutes: number,
): void => {
  if (units.length === 0) return;
  for (const u of units) {
    st.metrics.add(from, u.component, 'shippedOut');
    st.inboundAdd(to, u, 1);
  }
  st.queue.push(st.now + dispatchMinutes + travel(st.world, from, to), {
    kind: 'arrival',
    site: to,
    units,
    delivery: { kind: 'stock' },
  });
};

const appendTo = (m: Map<number, SimUnit[]>, key: number, units: readonly SimUnit[]): void => {
  const list = m.get(key);
  if (list) list.push(...units);
  else m.set(key, [...units]);
};

/** Daily standing orders, shared out by the policy's centre allocation, shipped by routine run. */
export const handleOrders = (st: SimState): void => {
  const byKey = new Map<number, StandingOrder[]>();
  for (const o of st.policy.orders(st)) {
    if (o.quantity <= 0) continue;
    const key = o.component * GROUP_COUNT + o.group;
    const list = byKey.get(key);
    if (list) list.push(o);
    else byKey.set(key, [o]);
  }
  const shipments = new Map<number, SimUnit[]>();
  for (const [key, orders] of [...byKey.entries()].sort((a, b) => a[0] - b[0])) {
    const c = Math.floor(key / GROUP_COUNT);
    const center = st.stocks[CENTER];
    if (!center) continue;
    const list = center.list(c, key % GROUP_COUNT);
    const siteOrders: SiteOrder[] = orders.map((o) => ({
      siteId: o.site,
      quantity: o.quantity,
      usagePerDay: st.usagePerDay(o.site, c, o.group),
    }));
    const allocations = st.policy.allocate(st, c, list, siteOrders);
    center.removeMany(allocations.flatMap((a) => a.units));
    for (const a of allocations) appendTo(shipments, a.siteId, a.units);
  }
  const dispatch = st.world.scenario.transport.routineDispatchMinutes;
  for (const [site, units] of shipments) ship(st, CENTER, site, units, dispatch);
};

/** Daily transfers of units at risk of expiring unused to sites that will use them in time. */
export const handleRedistribution = (st: SimState): void => {
  const moves = st.policy.redistribute(st);
  const bySource = new Map<number, SimUnit[]>();
  const byRoute = new Map<string, { from: number; to: number; units: SimUnit[] }>();
  for (const t of moves) {
    appendTo(bySource, t.fromSiteId, [t.unit]);
    const key = `${t.fromSiteId}>${t.toSiteId}`;
    const route = byRoute.get(key) ?? { from: t.fromSiteId, to: t.toSiteId, units: [] };
    route.units.push(t.unit);
    byRoute.set(key, route);
    st.metrics.transfers[t.unit.component] = (st.metrics.transfers[t.unit.component] ?? 0) + 1;
  }
  for (const [site, units] of bySource) st.stocks[site]?.removeMany(units);
  const dispatch = st.world.scenario.transport.routineDispatchMinutes;
  for (const r of byRoute.values()) ship(st, r.from, r.to, r.units, dispatch);
};

export const handleArrival = (
  st: SimState,
  site: number,
  units: readonly SimUnit[],
  delivery: Delivery,
): void => {
  for (const u of units) {
    st.metrics.add(site, u.component, 'received');
    if (delivery.kind === 'stock') {
      st.inboundAdd(site, u, -1);
      st.stocks[site]?.add(u);
      continue;
    }
    st.inTransit[u.component] = (st.inTransit[u.component] ?? 0) - 1;
    if (delivery.kind === 'transfuse')
      st.metrics.transfuse(site, [u], st.now, st.world.shelfLifeMinutes);
    else st.heldAdd(site, u.component, 1);
  }
  if (delivery.kind === 'reserve' && units.length > 0)
    st.queue.push(Math.max(delivery.releaseAt, st.now), {
      kind: 'release',
      site,
      units: [...units],
    });
};

/** Crossmatch hold over: units still in date go back to free stock, the others expired on hold. */
export const handleRelease = (st: SimState, site: number, units: readonly SimUnit[]): void => {
  for (const u of units) {
    st.heldAdd(site, u.component, -1);
    if (u.expiresAt <= st.now) st.metrics.add(site, u.component, 'expired');
    else st.stocks[site]?.add(u);
  }
};

/** Units that reached their expiry anywhere leave stock as outdated. */
export const sweepExpired = (st: SimState): void => {
  st.stocks.forEach((stock, site) => {
    for (const u of stock.sweepExpired(st.now)) st.metrics.add(site, u.component, 'expired');
  });
};
