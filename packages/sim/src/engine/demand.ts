import type { RandomStream } from './rng.js';
import { COMPONENTS, MINUTES, type World } from './world.js';

export const RED_CELLS = 0;
export const UNKNOWN_GROUP = -1;

export interface PatientRequest {
  readonly site: number;
  readonly component: number;
  /** Recipient group index, or UNKNOWN_GROUP for an urgent patient not yet grouped. */
  readonly group: number;
  /** Units the patient needs transfused. */
  readonly quantity: number;
  readonly urgent: boolean;
  /** Red cells for a grouped patient are crossmatched (emergency group-O units are not). */
  readonly crossmatched: boolean;
  /** Extra crossmatched units reserved then released (C:T ratio above 1). */
  readonly crossmatchExtras: number;
  readonly time: number;
}

const ROUTINE_START = 7 * 60;
const ROUTINE_SPAN = 12 * 60;

/** Mean of weekday factors, so a scenario's demandPerDay is the mean over a week. */
const weekMean = (f: readonly number[]): number => f.reduce((a, b) => a + b, 0) / f.length;

/**
 * One day of patient demand, drawn only from the demand streams and never from simulation state,
 * so every policy faces the same patients (common random numbers). Daily units per hospital and
 * component are negative binomial by weekday (Mirjalili 2022, calibration.md §2).
 */
export const generateDayRequests = (
  world: World,
  day: number,
  weekday: number,
  counts: RandomStream,
  detail: RandomStream,
): PatientRequest[] => {
  const out: PatientRequest[] = [];
  const components = world.scenario.demand.components;
  for (let site = 1; site < world.sites.length; site++) {
    for (let c = 0; c < COMPONENTS; c++) {
      const spec = componentSpec(components, c);
      const f = (spec.weekdayFactors[weekday] ?? 1) / weekMean(spec.weekdayFactors);
      const mean = (world.sites[site]?.demandPerDay[c] ?? 0) * f;
      const size = spec.dispersion[weekday] ?? 1;
      // size 0 = fixed demand (hand-checkable scenarios); otherwise negative binomial
      let units = size > 0 ? counts.negativeBinomial(mean, size) : Math.round(mean);
      while (units > 0) {
        const quantity = Math.min(spec.unitsPerRequest, units);
        units -= quantity;
        out.push(drawRequest(world, day, site, c, quantity, spec.urgentShare, detail));
      }
    }
  }
  return out;
};

type ComponentSpec = World['scenario']['demand']['components']['redCells'];

export const componentSpec = (
  components: World['scenario']['demand']['components'],
  c: number,
): ComponentSpec =>
  [components.redCells, components.platelets, components.plasma, components.cryo][
    c
  ] as ComponentSpec;

const drawRequest = (
  world: World,
  day: number,
  site: number,
  component: number,
  quantity: number,
  urgentShare: number,
  detail: RandomStream,
): PatientRequest => {
  const urgent = detail.uniform() < urgentShare;
  const offset = urgent
    ? detail.uniform() * MINUTES.day
    : ROUTINE_START + detail.uniform() * ROUTINE_SPAN;
  const unknown = detail.uniform() < world.scenario.demand.urgentUnknownGroupShare;
  const group =
    urgent && unknown && component === RED_CELLS
      ? UNKNOWN_GROUP
      : detail.pick(world.groupCumulative);
  const ct = world.scenario.demand.crossmatch.ctRatio;
  const extrasDraw = detail.uniform();
  // Every red-cell request of a grouped patient is crossmatched, urgent ones included (immediate
  // spin; massive-bleeding orders are where over-ordering is largest), so the scenario's C:T is
  // the hospital-wide ratio that audits report. Emergency group-O units go uncrossmatched.
  const crossmatched = group !== UNKNOWN_GROUP && component === RED_CELLS;
  const crossmatchExtras = crossmatched ? Math.floor(quantity * (ct - 1) + extrasDraw) : 0;
  return {
    site,
    component,
    group,
    quantity,
    urgent,
    crossmatched,
    crossmatchExtras,
    time: day * MINUTES.day + Math.floor(offset),
  };
};
