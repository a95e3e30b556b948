import { GROUP_COUNT } from '@hemonet/core';
import type { SimPolicy } from '../policies/types.js';
import { generateDayRequests } from './demand.js';
import type { SimUnit } from './inventory.js';
import {
  handleArrival,
  handleOrders,
  handleRedistribution,
  handleRelease,
  sweepExpired,
} from './logistics.js';
import { handleRequest } from './requests.js';
import { buildResult, type ReplicationResult } from './result.js';
import { SimState, type SimEvent } from './state.js';
import { dailyCollections } from './supply.js';
import { CENTER, COMPONENTS, MINUTES, type World } from './world.js';

/** Hospitals place standing orders in the morning; rotation runs after the midday stock count. */
const ORDER_MINUTE = 8 * 60;
const REDISTRIBUTION_MINUTE = 13 * 60;

export interface ReplicationOptions {
  readonly days: number;
  readonly seed: number;
}

/** Run one replication of a scenario under a policy; deterministic for a given seed. */
export const runReplication = (
  world: World,
  policy: SimPolicy,
  opts: ReplicationOptions,
): ReplicationResult => {
  const st = new SimState(world, policy, opts.seed);
  seedCenterStock(st);
  const warmup = world.scenario.warmupDays;
  const end = (warmup + opts.days) * MINUTES.day;
  st.queue.push(0, { kind: 'day', day: 0 });
  for (let next = st.queue.pop(); next && next.time < end; next = st.queue.pop()) {
    st.now = next.time;
    dispatch(st, next.item, warmup);
  }
  st.now = end;
  return buildResult(st, policy.name, opts);
};

const dispatch = (st: SimState, e: SimEvent, warmup: number): void => {
  switch (e.kind) {
    case 'day':
      return startDay(st, e.day, warmup);
    case 'orders':
      return handleOrders(st);
    case 'redistribute':
      return handleRedistribution(st);
    case 'request':
      return handleRequest(st, e.request);
    case 'arrival':
      return handleArrival(st, e.site, e.units, e.delivery);
    case 'release':
      return handleRelease(st, e.site, e.units);
  }
};

const startDay = (st: SimState, day: number, warmup: number): void => {
  if (day === warmup) st.startMeasuring();
  st.weekday = (st.world.startWeekday + day) % 7;
  sweepExpired(st);
  collect(st, day);
  if (day >= warmup) recordStock(st);
  const { demand, requestDetail } = st.streams;
  for (const request of generateDayRequests(st.world, day, st.weekday, demand, requestDetail)) {
    st.queue.push(request.time, { kind: 'request', request });
  }
  const start = day * MINUTES.day;
  st.queue.push(start + ORDER_MINUTE, { kind: 'orders' });
  st.queue.push(start + REDISTRIBUTION_MINUTE, { kind: 'redistribute' });
  st.queue.push(start + MINUTES.day, { kind: 'day', day: day + 1 });
};

/** Yesterday's collections, processed and released into centre stock this morning. */
const collect = (st: SimState, day: number): void => {
  const center = st.stocks[CENTER];
  if (!center) return;
  const collections = dailyCollections(
    st.world,
    {
      day,
      weekday: st.weekday,
      centerStock: (c, g) => center.countGroup(c, g),
      demandPerDay: (c, g) => st.networkDemand[c * GROUP_COUNT + g] ?? 0,
    },
    st.streams.supply,
  );
  const collectedAt = (day - 1) * MINUTES.day;
  for (const col of collections) {
    const expiresAt = collectedAt + (st.world.shelfLifeMinutes[col.component] ?? 0);
    for (let i = 0; i < col.count; i++)
      center.add(newUnit(st, col.component, col.group, expiresAt));
    st.metrics.add(CENTER, col.component, 'received', col.count);
    st.metrics.produced[col.component] = (st.metrics.produced[col.component] ?? 0) + col.count;
  }
};

const newUnit = (st: SimState, component: number, group: number, expiresAt: number): SimUnit => ({
  id: st.nextUnitId++,
  component,
  group,
  expiresAt,
});

/** Start the centre at its target days of cover, ages spread evenly (deterministic, no draws). */
const seedCenterStock = (st: SimState): void => {
  const s = st.world.scenario.supply.targetDaysOfCover;
  const target = [s.redCells, s.platelets, s.plasma, s.cryo];
  for (let c = 0; c < COMPONENTS; c++) {
    const life = st.world.shelfLifeMinutes[c] ?? 0;
    for (let g = 0; g < GROUP_COUNT; g++) {
      const n = Math.round((target[c] ?? 0) * (st.networkDemand[c * GROUP_COUNT + g] ?? 0));
      for (let i = 0; i < n; i++) {
        st.stocks[CENTER]?.add(newUnit(st, c, g, Math.round(life * (0.3 + (0.7 * (i + 0.5)) / n))));
      }
    }
  }
};

const recordStock = (st: SimState): void => {
  for (let c = 0; c < COMPONENTS; c++) {
    let hospitals = 0;
    for (let s = 1; s < st.stocks.length; s++) hospitals += st.onSite(s, c);
    st.metrics.centerStock[c]?.push(st.onSite(CENTER, c));
    st.metrics.hospitalStock[c]?.push(hospitals);
  }
};
