import { thermalHistory, type Range } from './history.js';
import type { Reading } from './senml.js';

/**
 * Receipt of a shipment: the box logger's readings over the journey decide between accepting the
 * units into stock and holding them for evaluation. AABB: components whose transport temperature
 * left the range cannot be used without evaluation; CN: red cells 2–10 °C, ≤ 24 h in transit.
 */
export interface JourneyRules {
  range: Range;
  /** Longest acceptable journey, null when the class sets none. */
  maxJourneyMs: number | null;
  /** A gap between logger readings longer than this leaves the journey unproven. */
  maxGapMs: number;
}

export const journeyHoldReasons = [
  'NO_LOGGER_READINGS',
  'OUT_OF_RANGE',
  'COVERAGE_GAP',
  'JOURNEY_TOO_LONG',
] as const;
export type JourneyHoldReason = (typeof journeyHoldReasons)[number];

export interface JourneyEvidence {
  shippedAt: number;
  receivedAt: number;
  durationMs: number;
  readingsCount: number;
  minC: number | null;
  maxC: number | null;
  timeOutOfRangeMs: number;
  longestGapMs: number;
}

export interface JourneyDecision {
  decision: 'accept' | 'hold';
  reasons: JourneyHoldReason[];
  evidence: JourneyEvidence;
}

export function evaluateJourney(
  temperatures: readonly Reading[],
  shippedAt: number,
  receivedAt: number,
  rules: JourneyRules,
): JourneyDecision {
  const during = temperatures
    .filter((r) => r.at >= shippedAt && r.at <= receivedAt)
    .sort((a, b) => a.at - b.at);
  const history = thermalHistory(
    [{ place: 'box', from: shippedAt, to: receivedAt }],
    () => during,
    rules.range,
    receivedAt,
    rules.maxGapMs,
  );
  const evidence: JourneyEvidence = {
    shippedAt,
    receivedAt,
    durationMs: receivedAt - shippedAt,
    readingsCount: during.length,
    minC: history.minC,
    maxC: history.maxC,
    timeOutOfRangeMs: history.timeOutOfRangeMs,
    longestGapMs: longestGap(during, shippedAt, receivedAt),
  };
  const reasons: JourneyHoldReason[] = [];
  if (during.length === 0) reasons.push('NO_LOGGER_READINGS');
  const outside = (v: number | null) => v !== null && (v < rules.range.min || v > rules.range.max);
  if (outside(evidence.minC) || outside(evidence.maxC)) reasons.push('OUT_OF_RANGE');
  if (during.length > 0 && evidence.longestGapMs > rules.maxGapMs) reasons.push('COVERAGE_GAP');
  if (rules.maxJourneyMs !== null && evidence.durationMs > rules.maxJourneyMs)
    reasons.push('JOURNEY_TOO_LONG');
  return { decision: reasons.length ? 'hold' : 'accept', reasons, evidence };
}

/** Longest stretch of the journey (departure and arrival included) with no logger reading. */
function longestGap(sorted: readonly Reading[], from: number, to: number): number {
  const times = [from, ...sorted.map((r) => r.at), to];
  let longest = 0;
  for (let i = 1; i < times.length; i++)
    longest = Math.max(longest, (times[i] ?? 0) - (times[i - 1] ?? 0));
  return longest;
}
