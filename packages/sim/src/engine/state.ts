import { GROUP_COUNT } from '@hemonet/core';
import type { SimPolicy, PolicyView } from '../policies/types.js';
import type { PatientRequest } from './demand.js';
import { EventQueue } from './event-queue.js';
import { SiteStock, type SimUnit } from './inventory.js';
import { Metrics } from './metrics.js';
import { createStreams, type RandomStream, type StreamName } from './rng.js';
import { COMPONENTS, type World } from './world.js';

/**
 * Where units go when they arrive: into the site's stock (a routine delivery or a transfer), to the
 * patient now (an urgent or rush run), or into a crossmatch reservation held until `releaseAt`.
 */
export type Delivery =
  | { readonly kind: 'stock' }
  | { readonly kind: 'transfuse' }
  | { readonly kind: 'reserve'; readonly releaseAt: number };

export type SimEvent =
  | { readonly kind: 'day'; readonly day: number }
  | { readonly kind: 'orders' }
  | { readonly kind: 'redistribute' }
  | { readonly kind: 'request'; readonly request: PatientRequest }
  | {
      readonly kind: 'arrival';
      readonly site: number;
      readonly units: SimUnit[];
      readonly delivery: Delivery;
    }
  | { readonly kind: 'release'; readonly site: number; readonly units: SimUnit[] };

/** Mutable state of one replication. */
export class SimState implements PolicyView {
  readonly queue = new EventQueue<SimEvent>();
  readonly stocks: SiteStock[];
  /** Crossmatched units held for a patient, per site and component. */
  readonly held: Float64Array;
  /** Units travelling to a site for its stock, per site, component and group. */
  readonly inboundCounts: Float64Array;
  readonly inTransit = new Float64Array(COMPONENTS);
  /** Expected daily use per site, component and group (from the scenario's demand model). */
  readonly usage: Float64Array;
  readonly networkDemand = new Float64Array(COMPONENTS * GROUP_COUNT);
  readonly streams: Record<StreamName, RandomStream>;
  metrics: Metrics;
  opening: Float64Array;
  openingInTransit = new Float64Array(COMPONENTS);
  now = 0;
  weekday = 0;
  nextUnitId = 1;

  constructor(
    readonly world: World,
    readonly policy: SimPolicy,
    seed: number,
  ) {
    const n = world.sites.length;
    this.stocks = Array.from({ length: n }, () => new SiteStock());
    this.held = new Float64Array(n * COMPONENTS);
    this.inboundCounts = new Float64Array(n * COMPONENTS * GROUP_COUNT);
    this.usage = new Float64Array(n * COMPONENTS * GROUP_COUNT);
    this.fillUsage();
    this.streams = createStreams(seed);
    this.metrics = new Metrics(n);
    this.opening = new Float64Array(n * COMPONENTS);
  }

  private fillUsage(): void {
    for (let s = 0; s < this.world.sites.length; s++) {
      for (let c = 0; c < COMPONENTS; c++) {
        for (let g = 0; g < GROUP_COUNT; g++) {
          const u = (this.world.sites[s]?.demandPerDay[c] ?? 0) * (this.world.groupShare[g] ?? 0);
          this.usage[(s * COMPONENTS + c) * GROUP_COUNT + g] = u;
          this.networkDemand[c * GROUP_COUNT + g] =
            (this.networkDemand[c * GROUP_COUNT + g] ?? 0) + u;
        }
      }
    }
  }

  inbound(site: number, component: number, group: number): number {
    return this.inboundCounts[(site * COMPONENTS + component) * GROUP_COUNT + group] ?? 0;
  }

  usagePerDay(site: number, component: number, group: number): number {
    return this.usage[(site * COMPONENTS + component) * GROUP_COUNT + group] ?? 0;
  }

  inboundAdd(site: number, unit: SimUnit, n: number): void {
    const i = (site * COMPONENTS + unit.component) * GROUP_COUNT + unit.group;
    this.inboundCounts[i] = (this.inboundCounts[i] ?? 0) + n;
    this.inTransit[unit.component] = (this.inTransit[unit.component] ?? 0) + n;
  }

  heldAdd(site: number, component: number, n: number): void {
    const i = site * COMPONENTS + component;
    this.held[i] = (this.held[i] ?? 0) + n;
  }

  /** Units at a site: free plus held for patients. */
  onSite(site: number, component: number): number {
    return (
      (this.stocks[site]?.count(component) ?? 0) + (this.held[site * COMPONENTS + component] ?? 0)
    );
  }

  /** Start counting: fresh metrics and an opening-stock snapshot for the conservation check. */
  startMeasuring(): void {
    this.metrics = new Metrics(this.world.sites.length);
    for (let s = 0; s < this.world.sites.length; s++) {
      for (let c = 0; c < COMPONENTS; c++) this.opening[s * COMPONENTS + c] = this.onSite(s, c);
    }
    this.openingInTransit = this.inTransit.slice();
  }
}
