import {
  countIssuable,
  routeEmergency,
  selectUnitsForIssue,
  selectUnitsForReservation,
  type StockSource,
} from '@hemonet/core';
import { UNKNOWN_GROUP, type PatientRequest } from './demand.js';
import type { SimUnit } from './inventory.js';
import type { Delivery, SimState } from './state.js';
import { travel } from './world.js';

/** Donor groups and protection identity for a request (unknown group → emergency group O). */
const donorsFor = (st: SimState, r: PatientRequest) =>
  r.group === UNKNOWN_GROUP
    ? { donorOrder: st.world.emergencyRedCellGroups, recipientGroup: -1, emergency: true }
    : {
        donorOrder: st.world.donorOrder[r.component]?.[r.group] ?? [],
        recipientGroup: r.group,
        emergency: r.urgent,
      };

const issueAt = (
  st: SimState,
  site: number,
  r: PatientRequest,
  quantity: number,
  now: number,
): SimUnit[] => {
  const d = donorsFor(st, r);
  const stock = st.stocks[site]?.groups(r.component) ?? [];
  const { units } = selectUnitsForIssue({ now, quantity, ...d, stock }, st.policy.issueOptions);
  st.stocks[site]?.remove(units);
  return units;
};

/**
 * A patient request at a hospital: issue FEFO from local stock; route any shortfall from the
 * nearest sources the policy allows; reserve extra crossmatched units for grouped red-cell
 * patients and release them after the hold time. Time-to-blood is recorded for urgent requests.
 */
export const handleRequest = (st: SimState, r: PatientRequest): void => {
  const m = st.metrics;
  const local = issueAt(st, r.site, r, r.quantity, st.now);
  assertSafeTransfusion(st, r, local, st.now);
  m.transfuse(r.site, local, st.now, st.world.shelfLifeMinutes);
  m.requested[r.component] = (m.requested[r.component] ?? 0) + r.quantity;
  let supplied = local.length;
  let minutes = 0;
  const shortfall = r.quantity - local.length;
  if (shortfall > 0) {
    const routed = routeShortfall(st, r, shortfall);
    supplied += routed.quantity;
    minutes = routed.minutes;
    if (routed.quantity < shortfall && r.urgent)
      m.unmetUrgent[r.component] = (m.unmetUrgent[r.component] ?? 0) + 1;
  }
  m.supplied[r.component] = (m.supplied[r.component] ?? 0) + supplied;
  if (r.crossmatched) {
    m.crossmatched[r.component] = (m.crossmatched[r.component] ?? 0) + supplied;
    m.crossmatchedUsed[r.component] = (m.crossmatchedUsed[r.component] ?? 0) + supplied;
  }
  if (r.urgent && supplied === r.quantity) m.timeToBlood[r.component]?.push(minutes);
  if (r.crossmatchExtras > 0) reserveExtras(st, r);
};

const routeShortfall = (st: SimState, r: PatientRequest, shortfall: number) => {
  const t = st.world.scenario.transport;
  const dispatch = r.urgent ? t.emergencyDispatchMinutes : t.rushDispatchMinutes;
  return routeFromSources(st, r, shortfall, dispatch, { kind: 'transfuse' });
};

/** Units a hospital lacks, from the nearest compatible stock the policy lets it draw on. */
const routeFromSources = (
  st: SimState,
  r: PatientRequest,
  shortfall: number,
  dispatch: number,
  delivery: Exclude<Delivery, { kind: 'stock' }>,
): { quantity: number; minutes: number } => {
  const d = donorsFor(st, r);
  const sources: StockSource[] = st.policy.sources(st, r.site).map((s) => ({
    siteId: s,
    travelMinutes: travel(st.world, s, r.site),
    available: countIssuable(
      st.stocks[s]?.groups(r.component) ?? [],
      st.now + dispatch + travel(st.world, s, r.site),
      d.recipientGroup,
      d.donorOrder,
      d.emergency,
      st.policy.issueOptions,
    ),
  }));
  const route = routeEmergency(sources, shortfall);
  let quantity = 0;
  for (const leg of route.legs) {
    const arrival = st.now + dispatch + leg.travelMinutes;
    const units =
      delivery.kind === 'transfuse'
        ? issueAt(st, leg.siteId, r, leg.quantity, arrival)
        : reserveAt(st, leg.siteId, r, leg.quantity, arrival, delivery.releaseAt - arrival);
    assertSafeTransfusion(st, r, units, arrival);
    st.metrics.add(leg.siteId, r.component, 'shippedOut', units.length);
    st.inTransit[r.component] = (st.inTransit[r.component] ?? 0) + units.length;
    st.queue.push(arrival, {
      kind: 'arrival',
      site: r.site,
      units,
      delivery,
    });
    quantity += units.length;
  }
  if (route.legs.length > 0)
    st.metrics.emergencyRuns[r.component] = (st.metrics.emergencyRuns[r.component] ?? 0) + 1;
  return { quantity, minutes: dispatch + route.etaMinutes };
};

/**
 * The twin's safety invariant, checked on every unit it transfuses: in date when it reaches the
 * patient and compatible by core's table (group O for a patient not yet grouped). A policy that
 * breaks it is a bug, so the run stops rather than report figures built on unsafe issues.
 */
export const assertSafeTransfusion = (
  st: Pick<SimState, 'world'>,
  r: PatientRequest,
  units: readonly SimUnit[],
  at: number,
): void => {
  const allowed =
    r.group === UNKNOWN_GROUP
      ? st.world.emergencyRedCellGroups
      : (st.world.donorOrder[r.component]?.[r.group] ?? []);
  for (const u of units) {
    if (u.expiresAt <= at || u.component !== r.component || !allowed.includes(u.group))
      throw new Error(
        `unsafe transfusion: unit ${u.id} (component ${u.component}, group ${u.group}, expires ${u.expiresAt}) for a group ${r.group} patient at ${at}`,
      );
  }
};

const reserveAt = (
  st: SimState,
  site: number,
  r: PatientRequest,
  quantity: number,
  now: number,
  holdMinutes: number,
): SimUnit[] => {
  const stock = st.stocks[site]?.groups(r.component) ?? [];
  const { units } = selectUnitsForReservation(
    { now, quantity, ...donorsFor(st, r), emergency: false, stock },
    holdMinutes,
    st.policy.issueOptions,
  );
  st.stocks[site]?.remove(units);
  return units;
};

/**
 * Crossmatched units beyond need are held for the patient, then released (C:T ratio > 1). What
 * the hospital cannot reserve from its own stock comes by rush delivery from the sources its
 * policy allows, so a policy that keeps less stock does not get away with smaller reservations.
 */
const reserveExtras = (st: SimState, r: PatientRequest): void => {
  const hold = st.world.scenario.demand.crossmatch.holdHours * 60;
  const units = reserveAt(st, r.site, r, r.crossmatchExtras, st.now, hold);
  let reserved = units.length;
  if (units.length > 0) {
    st.heldAdd(r.site, r.component, units.length);
    st.queue.push(st.now + hold, { kind: 'release', site: r.site, units });
  }
  const missing = r.crossmatchExtras - units.length;
  if (missing > 0) {
    const rush = st.world.scenario.transport.rushDispatchMinutes;
    const releaseAt = st.now + hold;
    reserved += routeFromSources(st, r, missing, rush, { kind: 'reserve', releaseAt }).quantity;
  }
  st.metrics.crossmatched[r.component] = (st.metrics.crossmatched[r.component] ?? 0) + reserved;
};
