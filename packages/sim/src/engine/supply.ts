import { collectionMultiplier, GROUP_COUNT } from '@hemonet/core';
import { normalInverse, type RandomStream } from './rng.js';
import type { World } from './world.js';

export const PLATELETS = 1;
export const PLASMA = 2;
export const CRYO = 3;

export interface Collection {
  readonly component: number;
  readonly group: number;
  readonly count: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Collections fall around the Spring Festival (Nanning: 300 donors/day vs 400-500 needed). */
export const seasonalFactor = (world: World, day: number): number => {
  const sf = world.scenario.supply.springFestival;
  const offset = dayNumber(world.scenario.startDate) + day - dayNumber(sf.start);
  return offset >= 0 && offset < sf.days ? sf.factor : 1;
};

/** Month factor of whole-blood turnout (term-time group drives, school holidays), if configured. */
export const monthlyFactor = (world: World, day: number): number => {
  const f = world.scenario.supply.monthlyFactors;
  if (!f) return 1;
  const month = new Date((dayNumber(world.scenario.startDate) + day) * DAY_MS).getUTCMonth();
  return (f[month] ?? 1) / (f.reduce((a, b) => a + b, 0) / 12);
};

/** Dated collection campaigns (pre-holiday stocking drives, donor days): product of active ones. */
export const campaignFactor = (world: World, day: number): number => {
  const today = dayNumber(world.scenario.startDate) + day;
  let f = 1;
  for (const c of world.scenario.supply.campaigns) {
    const offset = today - dayNumber(c.start);
    if (offset >= 0 && offset < c.days) f *= c.factor;
  }
  return f;
};

export interface SupplyInputs {
  readonly day: number;
  readonly weekday: number;
  /** Centre stock per component and group. */
  readonly centerStock: (component: number, group: number) => number;
  /** Expected network demand per component and group, units per day. */
  readonly demandPerDay: (component: number, group: number) => number;
}

const RED_CELLS = 0;

/** Centre stock of all groups of a component over its network demand, in days. */
const totalCover = (inp: SupplyInputs, c: number): number => {
  let stock = 0;
  let demand = 0;
  for (let g = 0; g < GROUP_COUNT; g++) {
    stock += inp.centerStock(c, g);
    demand += inp.demandPerDay(c, g);
  }
  return stock / Math.max(1e-9, demand);
};

/**
 * A day of collections at the blood centre. Whole blood (hence red cells, plasma and cryo) comes
 * from donor turnout: a weekday pattern, school-term months, the Spring Festival dip, dated
 * campaigns and day-to-day noise; donors' groups follow the population. The centre steers it two
 * ways, both from its own stock: a group short of the target gets public appeals that raise that
 * group's turnout; when the whole stock is above target it postpones the share it can schedule
 * (group drives) — walk-in donors of a plentiful group are not turned away, and a drive cannot
 * choose donors' groups. Apheresis platelets are booked per group towards their target.
 * With random arrivals, exactly 1 + 2 × 8 draws per day whatever the state: common random numbers.
 */
export const dailyCollections = (
  world: World,
  inp: SupplyInputs,
  rng: RandomStream,
): Collection[] => {
  const s = world.scenario.supply;
  const wf =
    (s.weekdayFactors[inp.weekday] ?? 1) / (s.weekdayFactors.reduce((a, b) => a + b, 0) / 7);
  const noise = Math.max(0, 1 + s.dailyNoiseCv * normalInverse(rng.uniform()));
  const calendar =
    seasonalFactor(world, inp.day) * monthlyFactor(world, inp.day) * campaignFactor(world, inp.day);
  const target = s.targetDaysOfCover;
  const cut = collectionMultiplier(totalCover(inp, RED_CELLS), target.redCells, s.collectionGain);
  const postpone = 1 - s.steerableShare + s.steerableShare * Math.min(1, cut);
  const arrivals = (mean: number): number =>
    s.randomArrivals ? rng.poisson(mean) : Math.round(mean);
  const steer = (c: number, g: number, days: number): number =>
    collectionMultiplier(
      inp.centerStock(c, g) / Math.max(1e-9, inp.demandPerDay(c, g)),
      days,
      s.collectionGain,
    );
  const out: Collection[] = [];
  for (let g = 0; g < GROUP_COUNT; g++) {
    const appeal = Math.max(1, steer(RED_CELLS, g, s.appealBelowDaysOfCover ?? target.redCells));
    const red = arrivals(
      inp.demandPerDay(RED_CELLS, g) * wf * noise * calendar * appeal * postpone,
    );
    const plt = arrivals(
      inp.demandPerDay(PLATELETS, g) * wf * noise * steer(PLATELETS, g, target.platelets),
    );
    out.push(
      { component: RED_CELLS, group: g, count: red },
      { component: PLATELETS, group: g, count: plt },
      byProduct(inp, PLASMA, g, red * s.plasmaPerRedCellUnit, steer(PLASMA, g, target.plasma)),
      byProduct(inp, CRYO, g, red * s.cryoPerRedCellUnit, steer(CRYO, g, target.cryo)),
    );
  }
  return out;
};

/** Plasma and cryo are made from the day's whole blood only as far as clinical stock needs them;
 * the rest goes to fractionation and never enters clinical inventory. */
const byProduct = (
  inp: SupplyInputs,
  c: number,
  g: number,
  available: number,
  multiplier: number,
): Collection => ({
  component: c,
  group: g,
  count: Math.min(Math.floor(available), Math.round(inp.demandPerDay(c, g) * multiplier)),
});
