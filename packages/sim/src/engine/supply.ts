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

/** Month factor of whole-blood collections (term-time group donation drives), if configured. */
export const monthlyFactor = (world: World, day: number): number => {
  const f = world.scenario.supply.monthlyFactors;
  if (!f) return 1;
  const month = new Date((dayNumber(world.scenario.startDate) + day) * DAY_MS).getUTCMonth();
  return (f[month] ?? 1) / (f.reduce((a, b) => a + b, 0) / 12);
};

export interface SupplyInputs {
  readonly day: number;
  readonly weekday: number;
  /** Centre stock per component and group. */
  readonly centerStock: (component: number, group: number) => number;
  /** Expected network demand per component and group, units per day. */
  readonly demandPerDay: (component: number, group: number) => number;
}

/**
 * A day of collections at the blood centre. Whole-blood donations (hence red cells, plasma and
 * cryo) follow weekday and seasonal patterns with day-to-day noise; the centre steers donor
 * recruitment per group towards its target days of stock; apheresis platelets are booked the
 * same way. With random arrivals, exactly 1 + 2 × 8 draws per day whatever the state: common random numbers.
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
  const base = wf * seasonalFactor(world, inp.day) * monthlyFactor(world, inp.day) * noise;
  const k = s.steerableShare;
  const arrivals = (mean: number): number =>
    s.randomArrivals ? rng.poisson(mean) : Math.round(mean);
  const out: Collection[] = [];
  const steer = (c: number, g: number, target: number): number =>
    collectionMultiplier(
      inp.centerStock(c, g) / Math.max(1e-9, inp.demandPerDay(c, g)),
      target,
      s.collectionGain,
    );
  for (let g = 0; g < GROUP_COUNT; g++) {
    const red = arrivals(
      inp.demandPerDay(0, g) * base * (1 - k + k * steer(0, g, s.targetDaysOfCover.redCells)),
    );
    const plt = arrivals(
      inp.demandPerDay(PLATELETS, g) *
        wf *
        noise *
        steer(PLATELETS, g, s.targetDaysOfCover.platelets),
    );
    out.push(
      { component: 0, group: g, count: red },
      { component: PLATELETS, group: g, count: plt },
    );
    out.push(
      byProduct(
        inp,
        PLASMA,
        g,
        red * s.plasmaPerRedCellUnit,
        steer(PLASMA, g, s.targetDaysOfCover.plasma),
      ),
      byProduct(inp, CRYO, g, red * s.cryoPerRedCellUnit, steer(CRYO, g, s.targetDaysOfCover.cryo)),
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
