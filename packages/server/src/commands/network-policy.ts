import {
  GROUP_COUNT,
  groupIndex,
  MINUTES_PER_DAY,
  type BloodGroup,
  type IssueOptions,
  type StockUnit,
} from '@hemonet/core';

const HOUR = MINUTES_PER_DAY / 24;

/**
 * The issuing policy of the live network: the values of `policies.network` in the digital twin's
 * city scenario (packages/sim/scenarios/city.yaml), so what the twin measures is what the blood
 * bank is advised to do (network-policy.test.ts fails if they drift apart).
 *
 * - O RhD-negative is kept for O RhD-negative patients unless it would expire within 72 h.
 * - A compatible substitute expiring within 48 h goes before ABO/RhD-identical stock.
 * - A crossmatch reservation takes units that will still have 72 h to live when the hold ends,
 *   so a unit that comes back unused can serve one more hold.
 */
export const NETWORK_ISSUE_OPTIONS: IssueOptions = {
  protectedGroups: [groupIndex({ abo: 'O', rhd: 'neg' })],
  releaseProtectedWithinMinutes: 72 * HOUR,
  preferExpiringSubstituteWithinMinutes: 48 * HOUR,
  reservationSpareMinutes: 72 * HOUR,
};

/**
 * Stock rotation in the live network, as the twin's city scenario runs it: units move only over
 * roads of at most `transport.maxTransferMinutes` and must arrive with
 * `policies.network.minRemainingHoursOnArrival` of shelf life left.
 */
export const NETWORK_REDISTRIBUTION = {
  maxTravelMinutes: 90,
  minRemainingMinutesOnArrival: 12 * HOUR,
} as const;

/** Core's policies count time in minutes on any clock: epoch minutes in the live network. */
export const toPolicyMinutes = (d: Date): number => d.getTime() / 60_000;

/** A live unit as core's policies see it, carrying its row back out. */
export interface PolicyUnit<R> extends StockUnit {
  readonly row: R;
}

/**
 * Rows, already first expiry first, as core's grouped stock: per group index, in row order. A
 * unit's id is `idOf(row, index)` (its index by default): unique among the units of one decision.
 */
export const groupedStock = <R extends BloodGroup & { expiresAt: Date }>(
  rows: readonly R[],
  idOf: (row: R, index: number) => number = (_row, i) => i,
): PolicyUnit<R>[][] => {
  const stock = Array.from({ length: GROUP_COUNT }, (): PolicyUnit<R>[] => []);
  rows.forEach((row, i) => {
    const group = groupIndex(row);
    stock[group]?.push({ id: idOf(row, i), group, expiresAt: toPolicyMinutes(row.expiresAt), row });
  });
  return stock;
};
