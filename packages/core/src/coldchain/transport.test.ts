import { describe, expect, it } from 'vitest';
import { evaluateJourney, type JourneyRules } from './transport.js';
import type { Reading } from './senml.js';

const MIN = 60_000;
const rules: JourneyRules = {
  range: { min: 2, max: 10 },
  maxJourneyMs: 24 * 60 * MIN,
  maxGapMs: 15 * MIN,
};
const log = (values: number[]): Reading[] =>
  values.map((value, i) => ({ at: i * 10 * MIN, name: 'temperature', value }));

describe('evaluateJourney', () => {
  it('accepts a journey logged within the transport range', () => {
    const d = evaluateJourney(log([4, 5, 6, 7]), 0, 30 * MIN, rules);
    expect(d).toMatchObject({
      decision: 'accept',
      reasons: [],
      evidence: { minC: 4, maxC: 7, readingsCount: 4 },
    });
  });

  it('holds when the logger saw a temperature out of range, with the evidence', () => {
    const d = evaluateJourney(log([4, 12, 6, 5]), 0, 30 * MIN, rules);
    expect(d).toMatchObject({
      decision: 'hold',
      reasons: ['OUT_OF_RANGE'],
      evidence: { maxC: 12, timeOutOfRangeMs: 10 * MIN },
    });
  });

  it('holds a journey without readings, with gaps, or too long', () => {
    expect(evaluateJourney([], 0, 30 * MIN, rules).reasons).toEqual(['NO_LOGGER_READINGS']);
    expect(evaluateJourney(log([4, 4]), 0, 60 * MIN, rules).reasons).toEqual(['COVERAGE_GAP']);
    const long = Array.from({ length: 26 * 6 + 1 }, () => 5);
    expect(evaluateJourney(log(long), 0, 26 * 60 * MIN, rules).reasons).toEqual([
      'JOURNEY_TOO_LONG',
    ]);
  });
});
