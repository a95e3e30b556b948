import { groupIndex, MINUTES_PER_DAY, type IssueOptions } from '@hemonet/core';

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
