import { firstExpiringAfter, type GroupedStock, type GroupIndex, type StockUnit } from './types.js';

export interface IssueOptions {
  /**
   * Groups whose stock is kept for recipients of that same group (O RhD-negative, "panda blood":
   * ≤0.5% of Han donors, domain.md §6). They go to other recipients only in an emergency or when
   * the unit would otherwise expire within `releaseProtectedWithinMinutes`.
   */
  readonly protectedGroups: readonly GroupIndex[];
  readonly releaseProtectedWithinMinutes: number;
  /**
   * Use a compatible substitute first when it expires within this window (it would be wasted
   * otherwise); 0 keeps strict preference order. ABO-identical first is the default practice.
   */
  readonly preferExpiringSubstituteWithinMinutes: number;
  /**
   * Crossmatch reservations (units held for a patient who may not need them) take only units that
   * will still have this long to live when the hold ends, so a unit that comes back can be used;
   * 0 or absent reserves first-expiry-first-out like any issue, today's practice.
   */
  readonly reservationSpareMinutes?: number;
}

export interface IssueRequest<U extends StockUnit> {
  readonly now: number;
  readonly quantity: number;
  readonly recipientGroup: GroupIndex;
  /** Compatible donor groups, most preferred first, from core `donorPreference` (never built here). */
  readonly donorOrder: readonly GroupIndex[];
  readonly emergency: boolean;
  readonly stock: GroupedStock<U>;
  /** Only units still in date at this time are chosen (defaults to `now`). */
  readonly mustLastUntil?: number;
}

export interface IssueResult<U extends StockUnit> {
  readonly units: U[];
  readonly shortfall: number;
}

const mayUse = (
  group: GroupIndex,
  unit: StockUnit,
  req: IssueRequest<StockUnit>,
  opts: IssueOptions,
): boolean =>
  group === req.recipientGroup ||
  req.emergency ||
  !opts.protectedGroups.includes(group) ||
  unit.expiresAt - req.now <= opts.releaseProtectedWithinMinutes;

const validFrom = (req: IssueRequest<StockUnit>): number =>
  Math.max(req.now, req.mustLastUntil ?? 0);

/**
 * First-expiry-first-out issue among compatible, unexpired units. Donor groups are taken in the
 * order of preference (ABO-identical first, AABB/NHSBT practice, domain.md §3); within a group the
 * unit that expires first goes first. A compatible substitute about to expire may jump the queue.
 */
export const selectUnitsForIssue = <U extends StockUnit>(
  req: IssueRequest<U>,
  opts: IssueOptions,
): IssueResult<U> => {
  const chosen: U[] = [];
  const taken = new Set<number>();
  const take = (u: U): void => {
    chosen.push(u);
    taken.add(u.id);
  };
  if (opts.preferExpiringSubstituteWithinMinutes > 0) {
    for (const u of expiringSubstitutes(req, opts)) {
      if (chosen.length >= req.quantity) break;
      take(u);
    }
  }
  for (const group of req.donorOrder) {
    const units = req.stock[group] ?? [];
    for (let i = firstExpiringAfter(units, validFrom(req)); i < units.length; i++) {
      if (chosen.length >= req.quantity) break;
      const u = units[i] as U;
      if (!taken.has(u.id) && mayUse(group, u, req, opts)) take(u);
    }
  }
  return { units: chosen, shortfall: req.quantity - chosen.length };
};

/**
 * Units to crossmatch and hold for a patient who may not need them (C:T above 1), released after
 * `holdMinutes`. Today's practice reserves first-expiry-first-out, so short-dated units can expire
 * on the shelf of the reservation; with `reservationSpareMinutes` the reservation takes units that
 * will still be usable when they come back, and the short-dated ones stay free for patients who are
 * transfused now. A reservation is never cut short for it: without enough long-dated units it is
 * completed first-expiry-first-out.
 */
export const selectUnitsForReservation = <U extends StockUnit>(
  req: IssueRequest<U>,
  holdMinutes: number,
  opts: IssueOptions,
): IssueResult<U> => {
  const spare = opts.reservationSpareMinutes ?? 0;
  if (spare <= 0) return selectUnitsForIssue(req, opts);
  const lasting = selectUnitsForIssue(
    { ...req, mustLastUntil: req.now + holdMinutes + spare },
    opts,
  );
  if (lasting.shortfall === 0) return lasting;
  // not enough long-dated units: the reservation is still honoured, short-dated units first
  const chosen = new Set(lasting.units);
  const stock = req.stock.map((list) => list.filter((u) => !chosen.has(u)));
  const rest = selectUnitsForIssue({ ...req, quantity: lasting.shortfall, stock }, opts);
  return { units: [...lasting.units, ...rest.units], shortfall: rest.shortfall };
};

/** Compatible non-preferred units that expire inside the window, soonest first. */
const expiringSubstitutes = <U extends StockUnit>(
  req: IssueRequest<U>,
  opts: IssueOptions,
): U[] => {
  const horizon = req.now + opts.preferExpiringSubstituteWithinMinutes;
  const found: U[] = [];
  for (const group of req.donorOrder.slice(1)) {
    const units = req.stock[group] ?? [];
    for (let i = firstExpiringAfter(units, validFrom(req)); i < units.length; i++) {
      const u = units[i] as U;
      if (u.expiresAt > horizon) break;
      if (mayUse(group, u, req, opts)) found.push(u);
    }
  }
  return found.sort((a, b) => a.expiresAt - b.expiresAt);
};

/** Units of compatible groups a request could draw on (for emergency routing views). */
export const countIssuable = (
  stock: GroupedStock,
  now: number,
  recipientGroup: GroupIndex,
  donorOrder: readonly GroupIndex[],
  emergency: boolean,
  opts: IssueOptions,
): number => {
  let n = 0;
  for (const group of donorOrder) {
    const units = stock[group] ?? [];
    const usable = firstExpiringAfter(units, now);
    const unrestricted =
      group === recipientGroup || emergency || !opts.protectedGroups.includes(group);
    const end = unrestricted
      ? units.length
      : firstExpiringAfter(units, now + opts.releaseProtectedWithinMinutes);
    n += Math.max(0, end - usable);
  }
  return n;
};
