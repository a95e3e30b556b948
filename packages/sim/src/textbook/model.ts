import { SiteStock, type SimUnit } from '../engine/inventory.js';
import { createStreams } from '../engine/rng.js';
import { replicationSeeds } from '../run.js';
import { demandSampler, type DemandSpec } from './demand.js';

/**
 * The standard single-item perishable inventory model (Nahmias, "Perishable inventory theory: a
 * review", Operations Research 30(4), 1982; Nahmias, Perishable Inventory Systems, 2011), run
 * on the city twin's own stock: FEFO-ordered units with expiry times (SiteStock), its expiry
 * sweep and its random streams. Time is counted in periods; a unit arriving in period t can be
 * used in periods t … t+m−1 and expires at the end of period t+m−1.
 */
export interface TextbookParams {
  /** Shelf life m in periods (≥ 1). */
  readonly shelfLife: number;
  /** Lead time L in periods: the order placed at the start of t is usable from period t+L. */
  readonly leadTime: number;
  /** Base stock S on the inventory position (on hand + ordered and not yet arrived). */
  readonly baseStock: number;
  readonly issuing: 'fifo' | 'lifo';
  readonly demand: DemandSpec;
  /** Periods run from an empty system before counting starts. */
  readonly warmup: number;
  /** Periods counted after the warm-up. */
  readonly periods: number;
}

/** Totals of one replication over its counted periods. */
export interface TextbookTotals {
  readonly demand: number;
  readonly met: number;
  readonly ordered: number;
  readonly expired: number;
  /** Units carried into the next period that do not expire, summed over periods. */
  readonly holding: number;
}

// One item of one group: the twin's stock is indexed by component and group.
const ITEM = 0;
const GROUP = 0;

export const runTextbookReplication = (p: TextbookParams, seed: number): TextbookTotals => {
  const stream = createStreams(seed).demand;
  const draw = demandSampler(p.demand);
  const stock = new SiteStock();
  const shelf = stock.list(ITEM, GROUP);
  // arrivals[t mod (L+1)]: units usable from period t
  const arrivals = new Array<number>(p.leadTime + 1).fill(0);
  let onOrder = 0;
  let nextId = 0;
  const totals = { demand: 0, met: 0, ordered: 0, expired: 0, holding: 0 };
  for (let t = 0; t < p.warmup + p.periods; t++) {
    const counted = t >= p.warmup;
    const order = Math.max(0, p.baseStock - shelf.length - onOrder);
    const slot = t % arrivals.length;
    arrivals[(t + p.leadTime) % arrivals.length] =
      (arrivals[(t + p.leadTime) % arrivals.length] ?? 0) + order;
    onOrder += order;
    const arriving = arrivals[slot] ?? 0;
    arrivals[slot] = 0;
    onOrder -= arriving;
    for (let i = 0; i < arriving; i++) {
      const unit: SimUnit = {
        id: nextId++,
        group: GROUP,
        component: ITEM,
        expiresAt: t + p.shelfLife,
      };
      stock.add(unit);
    }
    const demand = draw(stream);
    const met = stock.issue(ITEM, GROUP, Math.min(demand, shelf.length), p.issuing).length;
    const expired = stock.sweepExpired(t + 1).length;
    if (counted) {
      totals.demand += demand;
      totals.met += met;
      totals.ordered += order;
      totals.expired += expired;
      totals.holding += shelf.length;
    }
  }
  return totals;
};

/** Every replication, seeds derived from one base seed as in the city twin. */
export const runTextbook = (
  p: TextbookParams,
  replications: number,
  seed: number,
): TextbookTotals[] =>
  replicationSeeds(seed, replications).map((s) => runTextbookReplication(p, s));
