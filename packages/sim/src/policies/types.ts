import type {
  CenterAllocation,
  IssueOptions,
  RedistributionTransfer,
  SiteOrder,
} from '@hemonet/core';
import type { SiteStock, SimUnit } from '../engine/inventory.js';
import type { World } from '../engine/world.js';

/** What a policy may look at when it decides: the world and every site's current stock. */
export interface PolicyView {
  readonly world: World;
  readonly now: number;
  /** Weekday (Monday = 0) of the day being simulated. */
  readonly weekday: number;
  readonly stocks: readonly SiteStock[];
  /** Units on their way to a site for stock: inbound(site, component, group). */
  readonly inbound: (site: number, component: number, group: number) => number;
  /** Mean daily units of a group a site transfuses, per component (demand model expectation). */
  readonly usagePerDay: (site: number, component: number, group: number) => number;
}

export interface StandingOrder {
  readonly site: number;
  readonly component: number;
  readonly group: number;
  readonly quantity: number;
}

/**
 * A stock-management policy of the whole network. The simulator supplies the world (demand,
 * donations, transport); the policy decides orders, centre allocation, transfers and where urgent
 * requests may draw stock from. Add one by implementing this and registering it in registry.ts.
 */
export interface SimPolicy {
  readonly name: string;
  readonly issueOptions: IssueOptions;
  /** Daily standing orders of every hospital. */
  orders(view: PolicyView): StandingOrder[];
  /** Share the centre's units of one component and group among the day's orders. */
  allocate(
    view: PolicyView,
    component: number,
    stock: readonly SimUnit[],
    orders: readonly SiteOrder[],
  ): CenterAllocation<SimUnit>[];
  /** Daily transfers between hospitals (none for today's isolated practice). */
  redistribute(view: PolicyView): RedistributionTransfer<SimUnit>[];
  /** Sites a hospital may draw urgent or rush stock from (the centre, and peers if shared). */
  sources(view: PolicyView, hospital: number): readonly number[];
}
