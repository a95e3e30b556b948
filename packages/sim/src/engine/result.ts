import { simComponents, type SimComponent } from '../scenario/schema.js';
import { flowKinds, type FlowKind } from './metrics.js';
import type { SimState } from './state.js';
import { CENTER, COMPONENTS } from './world.js';

export interface ComponentOutcome {
  /** Units that entered the network from collection: the outdate-rate denominator. */
  readonly produced: number;
  readonly expired: number;
  readonly expiredAtCenter: number;
  readonly outdateRate: number;
  readonly requested: number;
  readonly supplied: number;
  readonly fillRate: number;
  readonly transfused: number;
  /** Mean days from collection to transfusion. */
  readonly meanAgeAtTransfusionDays: number;
  readonly sdAgeAtTransfusionDays: number;
  readonly urgentRequests: number;
  readonly unmetUrgentRequests: number;
  readonly timeToBloodMedian: number;
  readonly timeToBloodP95: number;
  readonly transfers: number;
  readonly emergencyRuns: number;
  /** Units crossmatched ÷ those of them transfused: the realised C:T (0 where none are). */
  readonly crossmatchToTransfusion: number;
}

export type SiteFlow = Record<FlowKind | 'opening' | 'closing', number>;

export interface ReplicationResult {
  readonly policy: string;
  readonly seed: number;
  readonly days: number;
  readonly components: Record<SimComponent, ComponentOutcome>;
  /** flows[site][component]: opening + received = shippedOut + transfused + expired + discarded + closing. */
  readonly flows: SiteFlow[][];
  readonly inTransit: { readonly opening: number[]; readonly closing: number[] };
  readonly series: { readonly centerStock: number[][]; readonly hospitalStock: number[][] };
  readonly siteCodes: string[];
}

/** Quantile with linear interpolation; NaN for an empty sample. */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
};

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

const ageSd = (m: SimState['metrics'], c: number): number => {
  const n = m.total(c, 'transfused');
  if (n < 2) return 0;
  const mean = (m.ageAtTransfusionDays[c] ?? 0) / n;
  return Math.sqrt(Math.max(0, (m.ageSquaresAtTransfusion[c] ?? 0) / n - mean * mean));
};

const outcome = (st: SimState, c: number): ComponentOutcome => {
  const m = st.metrics;
  const produced = m.produced[c] ?? 0;
  const expired = m.total(c, 'expired');
  const requested = m.requested[c] ?? 0;
  const supplied = m.supplied[c] ?? 0;
  const ttb = m.timeToBlood[c] ?? [];
  return {
    produced,
    expired,
    expiredAtCenter: m.get(CENTER, c, 'expired'),
    outdateRate: ratio(expired, produced),
    requested,
    supplied,
    fillRate: requested > 0 ? supplied / requested : 1,
    transfused: m.total(c, 'transfused'),
    meanAgeAtTransfusionDays: ratio(m.ageAtTransfusionDays[c] ?? 0, m.total(c, 'transfused')),
    sdAgeAtTransfusionDays: ageSd(m, c),
    urgentRequests: ttb.length + (m.unmetUrgent[c] ?? 0),
    unmetUrgentRequests: m.unmetUrgent[c] ?? 0,
    timeToBloodMedian: quantile(ttb, 0.5),
    timeToBloodP95: quantile(ttb, 0.95),
    transfers: m.transfers[c] ?? 0,
    emergencyRuns: m.emergencyRuns[c] ?? 0,
    crossmatchToTransfusion: ratio(m.crossmatched[c] ?? 0, m.crossmatchedUsed[c] ?? 0),
  };
};

const siteFlow = (st: SimState, s: number, c: number): SiteFlow => {
  const flow = {
    opening: st.opening[s * COMPONENTS + c] ?? 0,
    closing: st.onSite(s, c),
  } as SiteFlow;
  for (const k of flowKinds) flow[k] = st.metrics.get(s, c, k);
  return flow;
};

export const buildResult = (
  st: SimState,
  policy: string,
  opts: { days: number; seed: number },
): ReplicationResult => ({
  policy,
  seed: opts.seed,
  days: opts.days,
  components: Object.fromEntries(simComponents.map((name, c) => [name, outcome(st, c)])) as Record<
    SimComponent,
    ComponentOutcome
  >,
  flows: st.world.sites.map((_, s) => simComponents.map((_c, c) => siteFlow(st, s, c))),
  inTransit: { opening: [...st.openingInTransit], closing: [...st.inTransit] },
  series: { centerStock: st.metrics.centerStock, hospitalStock: st.metrics.hospitalStock },
  siteCodes: st.world.sites.map((s) => s.code),
});
