import { GROUP_COUNT, type GroupIndex, type TravelNeighbour } from '@hemonet/core';
import { simComponents, type Scenario } from '../scenario/schema.js';
import { buildCompatTables, shelfLivesMinutes } from './compat-table.js';

export const COMPONENTS = simComponents.length;
export const CENTER = 0;
export const MINUTES = { hour: 60, day: 1440 } as const;
/** Peers considered for redistribution and emergency routing, nearest first. */
const MAX_NEIGHBOURS = 24;

export interface SiteInfo {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** Mean units transfused per day per component (0 for the centre). */
  readonly demandPerDay: readonly number[];
}

/** Everything fixed for a run: sites, travel times, compatibility tables and demand parameters. */
export interface World {
  readonly scenario: Scenario;
  readonly sites: readonly SiteInfo[];
  readonly travelMinutes: Float64Array;
  readonly neighbours: readonly (readonly TravelNeighbour[])[];
  readonly groupShare: readonly number[];
  readonly groupCumulative: readonly number[];
  readonly shelfLifeMinutes: readonly number[];
  /** donorOrder[component][recipientGroup] → compatible donor groups, most preferred first. */
  readonly donorOrder: readonly (readonly (readonly GroupIndex[])[])[];
  /** Red-cell groups for an urgent patient whose group is not yet known. */
  readonly emergencyRedCellGroups: readonly GroupIndex[];
  readonly startWeekday: number;
  readonly protectedGroups: readonly GroupIndex[];
}

const EARTH_RADIUS_KM = 6371;

export const haversineKm = (a: SiteInfo, b: SiteInfo): number => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
};

/** Group shares: ABO mix × RhD mix, in `allBloodGroups` order (O+, O-, A+, A-, B+, B-, AB+, AB-). */
export const groupShares = (s: Scenario): number[] => {
  const abo = [s.bloodGroups.abo.O, s.bloodGroups.abo.A, s.bloodGroups.abo.B, s.bloodGroups.abo.AB];
  const total = abo.reduce((a, b) => a + b, 0);
  const neg = s.bloodGroups.rhdNegative;
  return abo.flatMap((p) => [(p / total) * (1 - neg), (p / total) * neg]);
};

const buildTravel = (s: Scenario, sites: readonly SiteInfo[]): Float64Array => {
  const n = sites.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const km = haversineKm(sites[i] as SiteInfo, sites[j] as SiteInfo) * s.transport.roadFactor;
      const minutes = Math.round((km / s.transport.roadSpeedKmh) * 60) + 5;
      m[i * n + j] = minutes;
      m[j * n + i] = minutes;
    }
  }
  return m;
};

const buildNeighbours = (s: Scenario, n: number, travel: Float64Array): TravelNeighbour[][] =>
  Array.from({ length: n }, (_, i) => {
    const list: TravelNeighbour[] = [];
    for (let j = 1; j < n; j++) {
      const t = travel[i * n + j] as number;
      if (j !== i && t <= s.transport.maxTransferMinutes)
        list.push({ siteId: j, travelMinutes: t });
    }
    list.sort((a, b) => a.travelMinutes - b.travelMinutes || a.siteId - b.siteId);
    return list.slice(0, MAX_NEIGHBOURS);
  });

export const weekdayOf = (isoDate: string): number =>
  (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;

export const buildWorld = (scenario: Scenario, sites: readonly SiteInfo[]): World => {
  const travelMinutes = buildTravel(scenario, sites);
  const groupShare = groupShares(scenario);
  let acc = 0;
  const compat = buildCompatTables();
  return {
    scenario,
    sites,
    travelMinutes,
    neighbours: buildNeighbours(scenario, sites.length, travelMinutes),
    groupShare,
    groupCumulative: groupShare.map((p) => (acc += p)),
    shelfLifeMinutes: shelfLivesMinutes(scenario),
    donorOrder: compat.donorOrder,
    emergencyRedCellGroups: compat.emergencyRedCellGroups,
    startWeekday: weekdayOf(scenario.startDate),
    protectedGroups: compat.protectedGroups,
  };
};

export const travel = (w: World, from: number, to: number): number =>
  w.travelMinutes[from * w.sites.length + to] as number;

export { GROUP_COUNT };
