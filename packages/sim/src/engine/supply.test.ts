import { describe, expect, it } from 'vitest';
import { createPolicy } from '../policies/registry.js';
import { worldOf } from '../run.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import type { PatientRequest } from './demand.js';
import { handleArrival, handleRelease } from './logistics.js';
import { handleRequest } from './requests.js';
import { SimState } from './state.js';
import { dailyCollections, type SupplyInputs } from './supply.js';
import { CENTER, MINUTES } from './world.js';

const RED = 0;
const O_POS = 0;
const tiny = loadScenario('tiny');

/** The tiny site layout with red-cell demand of 10 U/day and a centre that steers collections. */
const steeredWorld = (supply: Partial<Scenario['supply']>) => {
  const hospitals = tiny.hospitals.map((h) => ({
    ...h,
    demandPerDay: { ...h.demandPerDay, redCells: 10 },
  }));
  return worldOf({
    ...tiny,
    hospitals,
    supply: { ...tiny.supply, collectionGain: 0.5, ...supply },
  });
};

const redCollected = (world: ReturnType<typeof worldOf>, stockDays: number, day = 10) => {
  const inputs: SupplyInputs = {
    day,
    weekday: 0,
    centerStock: (c, g) => (c === RED && g === O_POS ? stockDays * 10 : 0),
    demandPerDay: (c, g) => (c === RED && g === O_POS ? 10 : 0),
  };
  const st = new SimState(world, createPolicy('isolated', world), 1);
  const cols = dailyCollections(world, inputs, st.streams.supply);
  return cols.find((c) => c.component === RED && c.group === O_POS)?.count ?? 0;
};

describe('donor turnout and the centre steering it', () => {
  const supply = {
    targetDaysOfCover: { ...tiny.supply.targetDaysOfCover, redCells: 10 },
    appealBelowDaysOfCover: 7,
    steerableShare: 0.3,
  };

  it('collects the turnout between the warning level and the target', () => {
    expect(redCollected(steeredWorld(supply), 8)).toBe(10);
  });

  it('appeals raise a short group above turnout; surplus only postpones the group-drive share', () => {
    const world = steeredWorld(supply);
    // 3.5 days against a warning level of 7: 1 + 0.5 × (7 − 3.5) / 7 = 1.25
    expect(redCollected(world, 3.5)).toBe(13);
    // 40 days against a target of 10: drives cut to 0.25, walk-ins (70%) still come: 0.7 + 0.075
    expect(redCollected(world, 40)).toBe(8);
  });

  it('campaigns multiply turnout while they run', () => {
    const campaigns = [{ name: 'drive', start: tiny.startDate, days: 5, factor: 1.3 }];
    const world = steeredWorld({ ...supply, campaigns });
    expect(redCollected(world, 8, 2)).toBe(13);
    expect(redCollected(world, 8, 5)).toBe(10);
  });
});

/** A routine O RhD-positive patient at site 1 who needs 2 units and has 2 more crossmatched. */
const twoNeededTwoReserved: PatientRequest = {
  site: 1,
  component: RED,
  group: O_POS,
  quantity: 2,
  urgent: false,
  crossmatched: true,
  crossmatchExtras: 2,
  time: 0,
};

describe('crossmatch reservations', () => {
  it('hold the extra units out of free stock for the hold time, then return them', () => {
    const world = steeredWorld({});
    const st = new SimState(world, createPolicy('isolated', world), 1);
    const stock = st.stocks[1];
    for (let id = 1; id <= 6; id++)
      stock?.add({ id, component: RED, group: O_POS, expiresAt: id * MINUTES.day });
    st.now = 0;
    handleRequest(st, twoNeededTwoReserved);
    expect(stock?.countGroup(RED, O_POS)).toBe(2);
    expect(st.onSite(1, RED)).toBe(4);
    const release = st.queue.pop();
    expect(release?.time).toBe(world.scenario.demand.crossmatch.holdHours * MINUTES.hour);
    if (release?.item.kind !== 'release') throw new Error('expected the reservation release');
    st.now = release.time;
    handleRelease(st, release.item.site, release.item.units);
    // units 3 and 4 (the oldest after the two transfused) come back older; unit 3 expired on hold
    expect(stock?.countGroup(RED, O_POS)).toBe(3);
    expect(st.metrics.get(1, RED, 'expired')).toBe(1);
    expect(st.onSite(CENTER, RED)).toBe(0);
    expect(st.metrics.crossmatched[RED]).toBe(4);
    expect(st.metrics.crossmatchedUsed[RED]).toBe(2);
  });

  it('what the hospital cannot reserve itself comes from the centre by rush delivery, then is held', () => {
    const world = steeredWorld({});
    const st = new SimState(world, createPolicy('isolated', world), 1);
    for (let id = 1; id <= 3; id++)
      st.stocks[1]?.add({ id, component: RED, group: O_POS, expiresAt: 30 * MINUTES.day });
    st.stocks[CENTER]?.add({ id: 9, component: RED, group: O_POS, expiresAt: 20 * MINUTES.day });
    st.now = 0;
    handleRequest(st, twoNeededTwoReserved);
    expect(st.metrics.crossmatched[RED]).toBe(4);
    const arrival = st.queue.pop();
    if (arrival?.item.kind !== 'arrival') throw new Error('expected the rush delivery');
    expect(arrival.item.units.map((u) => u.id)).toEqual([9]);
    st.now = arrival.time;
    handleArrival(st, arrival.item.site, arrival.item.units, arrival.item.delivery);
    expect(st.onSite(1, RED)).toBe(2); // one reserved locally, one delivered into the reservation
    expect(st.stocks[1]?.countGroup(RED, O_POS)).toBe(0);
    const releases = [st.queue.pop(), st.queue.pop()];
    for (const r of releases) {
      expect(r?.item.kind).toBe('release');
      expect(r?.time).toBe(world.scenario.demand.crossmatch.holdHours * MINUTES.hour);
    }
  });

  it('under the network rule reserve only units still usable after the hold', () => {
    const base = steeredWorld({}).scenario;
    const network = { ...base.policies.network, reservationSpareHours: 72 };
    const world = worldOf({ ...base, policies: { ...base.policies, network } });
    const st = new SimState(world, createPolicy('network', world), 1);
    const spare = 72 * MINUTES.hour;
    const hold = world.scenario.demand.crossmatch.holdHours * MINUTES.hour;
    const stock = st.stocks[1];
    for (let id = 1; id <= 12; id++)
      stock?.add({ id, component: RED, group: O_POS, expiresAt: id * MINUTES.day });
    st.now = 0;
    handleRequest(st, twoNeededTwoReserved);
    const release = st.queue.pop();
    if (release?.item.kind !== 'release') throw new Error('expected the reservation release');
    for (const u of release.item.units) expect(u.expiresAt).toBeGreaterThan(hold + spare);
    // the two short-dated units after the transfused ones stay free for the next patients
    expect(
      stock
        ?.list(RED, O_POS)
        .slice(0, 2)
        .map((u) => u.id),
    ).toEqual([3, 4]);
  });
});
