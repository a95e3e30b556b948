import { describe, expect, it } from 'vitest';
import { decideExcursionRelease, nhsbtRedCellReleaseRule as rule } from './release.js';

const H = 3_600_000;

describe('decideExcursionRelease (NHSBT red cells)', () => {
  it('allows one release within 5 h and 1–10 °C', () => {
    expect(decideExcursionRelease(rule, 0, { durationMs: 5 * H, minC: 1, maxC: 10 })).toEqual({
      allowed: true,
    });
  });

  it.each([
    [1, { durationMs: H, minC: 4, maxC: 8 }, 'PREVIOUS_EXCURSION'],
    [0, { durationMs: 5 * H + 1, minC: 4, maxC: 8 }, 'TOO_LONG'],
    [0, { durationMs: H, minC: 0.5, maxC: 8 }, 'OUTSIDE_RELEASE_RANGE'],
    [0, { durationMs: H, minC: 4, maxC: 10.5 }, 'OUTSIDE_RELEASE_RANGE'],
  ])('refuses after %i releases for %o: %s', (previous, exposure, reason) => {
    expect(decideExcursionRelease(rule, previous, exposure)).toEqual({ allowed: false, reason });
  });

  it('refuses every release when the class has no rule', () => {
    expect(decideExcursionRelease(null, 0, { durationMs: 1, minC: 4, maxC: 4 })).toEqual({
      allowed: false,
      reason: 'NO_RELEASE_RULE',
    });
  });
});
