import {
  GROUP_COUNT,
  groupIndex,
  MINUTES_PER_DAY,
  planRedistribution,
  type BloodGroup,
  type ComponentClass,
  type RedistributionSite,
  type TravelNeighbour,
} from '@hemonet/core';
import { listTravelTimesWithin } from '../db/repos/site-directory-repo.js';
import { listSites } from '../db/repos/sites-repo.js';
import { countIssuedUnits, listIssuableStock, type FreeUnit } from '../db/repos/stock-repo.js';
import type { CommandDeps } from './deps.js';
import {
  groupedStock,
  NETWORK_REDISTRIBUTION,
  toPolicyMinutes,
  type PolicyUnit,
} from './network-policy.js';

/** Usage is estimated from the issues of the last four weeks (every weekday four times). */
export const USAGE_WINDOW_DAYS = 28;

export interface RedistributionProposal {
  din: string;
  bloodGroup: BloodGroup;
  expiresAt: Date;
  fromSiteId: string;
  toSiteId: string;
  travelMinutes: number;
}

type Candidate = PolicyUnit<FreeUnit>;

/**
 * Which free units should move to another hospital to be transfused before they expire, by core's
 * `planRedistribution`, the rotation the digital twin runs. Only hospitals take part, as in the
 * twin: the center's stock goes out by ordering, and it transfuses nothing. Proposals only: a
 * person decides and creates the shipment.
 */
export const proposeRedistribution = async (
  deps: CommandDeps,
  componentClass: ComponentClass,
): Promise<RedistributionProposal[]> => {
  const at = deps.clock();
  const since = new Date(at.getTime() - USAGE_WINDOW_DAYS * MINUTES_PER_DAY * 60_000);
  const [sites, stock, issued, travel] = await Promise.all([
    listSites(deps.db),
    listIssuableStock(deps.db, { componentClass, at }),
    countIssuedUnits(deps.db, { componentClass, since }),
    listTravelTimesWithin(deps.db, NETWORK_REDISTRIBUTION.maxTravelMinutes),
  ]);
  // Core numbers sites; the index into `hospitals` is the number.
  const hospitals = sites.filter((s) => s.kind === 'hospital').map((s) => s.id);
  const siteNumber = new Map(hospitals.map((id, i) => [id, i]));
  const neighbours = neighboursOf(travel, siteNumber);
  const usage = usagePerDay(issued, siteNumber);
  const units = stockBySiteAndGroup(stock, siteNumber);
  const proposals: RedistributionProposal[] = [];
  for (let g = 0; g < GROUP_COUNT; g++) {
    const transfers = planRedistribution({
      now: toPolicyMinutes(at),
      sites: hospitals.map((_, s): RedistributionSite<Candidate> => ({
        siteId: s,
        units: units[s]?.[g] ?? [],
        usagePerDay: usage[s]?.[g] ?? 0,
      })),
      neighbours: (s) => neighbours[s] ?? [],
      ...NETWORK_REDISTRIBUTION,
    });
    for (const { unit, toSiteId, travelMinutes } of transfers) {
      const { din, siteId, abo, rhd, expiresAt } = unit.row;
      const to = hospitals[toSiteId] ?? '';
      proposals.push({
        din,
        bloodGroup: { abo, rhd },
        expiresAt,
        fromSiteId: siteId,
        toSiteId: to,
        travelMinutes,
      });
    }
  }
  return proposals.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
};

/** Per site number, its peers nearest first (the rows come ordered by origin, then minutes). */
const neighboursOf = (
  travel: readonly { fromSiteId: string; toSiteId: string; minutes: number }[],
  siteNumber: ReadonlyMap<string, number>,
): TravelNeighbour[][] => {
  const out = Array.from({ length: siteNumber.size }, (): TravelNeighbour[] => []);
  for (const t of travel) {
    const from = siteNumber.get(t.fromSiteId);
    const to = siteNumber.get(t.toSiteId);
    if (from === undefined || to === undefined) continue;
    out[from]?.push({ siteId: to, travelMinutes: t.minutes });
  }
  return out;
};

/** Per site number and group index: units issued in the window ÷ its days. */
const usagePerDay = (
  issued: readonly {
    siteId: string;
    abo: BloodGroup['abo'];
    rhd: BloodGroup['rhd'];
    issued: number;
  }[],
  siteNumber: ReadonlyMap<string, number>,
): number[][] => {
  const out = Array.from({ length: siteNumber.size }, () => new Array<number>(GROUP_COUNT).fill(0));
  for (const row of issued) {
    const s = siteNumber.get(row.siteId);
    const perGroup = s === undefined ? undefined : out[s];
    if (perGroup) perGroup[groupIndex(row)] = row.issued / USAGE_WINDOW_DAYS;
  }
  return out;
};

/** Per site number and group index: free units, FEFO (the rows come in expiry order). Ids are
 * row positions in the whole city's list, so ties between sites break as the rows came. */
const stockBySiteAndGroup = (
  stock: readonly FreeUnit[],
  siteNumber: ReadonlyMap<string, number>,
): Candidate[][][] => {
  const position = new Map(stock.map((row, i) => [row, i]));
  const bySite = Array.from({ length: siteNumber.size }, (): FreeUnit[] => []);
  for (const row of stock) bySite[siteNumber.get(row.siteId) ?? -1]?.push(row);
  return bySite.map((rows) => groupedStock(rows, (row) => position.get(row) ?? 0));
};
