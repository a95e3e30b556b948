import { COMPONENTS } from './world.js';

/** Per-site, per-component flow counters; conservation: opening + received = out + closing. */
export const flowKinds = ['received', 'shippedOut', 'transfused', 'expired', 'discarded'] as const;
export type FlowKind = (typeof flowKinds)[number];
const FLOWS = flowKinds.length;
const FLOW_INDEX = Object.fromEntries(flowKinds.map((k, i) => [k, i])) as Record<FlowKind, number>;

export class Metrics {
  readonly flows: Float64Array;
  /** Units that entered the network from collection (the outdate-rate denominator). */
  readonly produced = new Float64Array(COMPONENTS);
  readonly requested = new Float64Array(COMPONENTS);
  readonly supplied = new Float64Array(COMPONENTS);
  readonly unmetUrgent = new Float64Array(COMPONENTS);
  readonly transfers = new Float64Array(COMPONENTS);
  readonly emergencyRuns = new Float64Array(COMPONENTS);
  /** Units crossmatched for grouped red-cell patients (supplied plus extra reservations), and
   * those of them transfused: their ratio is the realised C:T. */
  readonly crossmatched = new Float64Array(COMPONENTS);
  readonly crossmatchedUsed = new Float64Array(COMPONENTS);
  /** Sum of unit ages (days since collection) at transfusion, for the mean age at issue. */
  readonly ageAtTransfusionDays = new Float64Array(COMPONENTS);
  /** Sum of squared ages at transfusion, for their standard deviation (Amsterdam: 19.4 ± 7.0 d). */
  readonly ageSquaresAtTransfusion = new Float64Array(COMPONENTS);
  /** Minutes from each urgent request to compatible units at the patient's hospital. */
  readonly timeToBlood: number[][] = Array.from({ length: COMPONENTS }, () => []);
  /** Daily stock at the centre and summed over hospitals, per component. */
  readonly centerStock: number[][] = Array.from({ length: COMPONENTS }, () => []);
  readonly hospitalStock: number[][] = Array.from({ length: COMPONENTS }, () => []);

  constructor(readonly siteCount: number) {
    this.flows = new Float64Array(siteCount * COMPONENTS * FLOWS);
  }

  add(site: number, component: number, kind: FlowKind, n = 1): void {
    const i = (site * COMPONENTS + component) * FLOWS + FLOW_INDEX[kind];
    this.flows[i] = (this.flows[i] ?? 0) + n;
  }

  /** Count transfused units and their age (shelf life minus time left). */
  transfuse(
    site: number,
    units: readonly { component: number; expiresAt: number }[],
    now: number,
    shelfLife: readonly number[],
  ): void {
    for (const u of units) {
      this.add(site, u.component, 'transfused');
      const age = ((shelfLife[u.component] ?? 0) - (u.expiresAt - now)) / 1440;
      this.ageAtTransfusionDays[u.component] = (this.ageAtTransfusionDays[u.component] ?? 0) + age;
      this.ageSquaresAtTransfusion[u.component] =
        (this.ageSquaresAtTransfusion[u.component] ?? 0) + age * age;
    }
  }

  get(site: number, component: number, kind: FlowKind): number {
    return this.flows[(site * COMPONENTS + component) * FLOWS + FLOW_INDEX[kind]] as number;
  }

  total(component: number, kind: FlowKind): number {
    let n = 0;
    for (let s = 0; s < this.siteCount; s++) n += this.get(s, component, kind);
    return n;
  }
}
